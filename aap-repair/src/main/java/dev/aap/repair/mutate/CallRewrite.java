package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Call fixes (families 7 and 8): swap two arguments, call a sibling method of the same arity, or drop a call. */
final class CallRewrite implements Operator {

    private static final int MAX_ARGS = 6;
    private static final int MAX_SIBLINGS = 15;

    @Override
    public void visit(Node node, Site site) {
        switch (node) {
            case MethodCallExpr m -> {
                swapArguments(m.getArguments(), site);
                renameCall(m, site);
                unwrap(m, site);
            }
            case ObjectCreationExpr o -> swapArguments(o.getArguments(), site);
            default -> { }
        }
    }

    private static void swapArguments(NodeList<Expression> args, Site site) {
        for (int i = 0; i < args.size() && i < MAX_ARGS; i++) {
            for (int j = i + 1; j < args.size() && j < MAX_ARGS; j++) {
                Expression a = args.get(i);
                Expression b = args.get(j);
                Optional<JType> ta = site.type(a);
                Optional<JType> tb = site.type(b);
                // numbers of different types still swap: a double parameter takes an int (Math.pow(base, n))
                if (ta.isPresent() && tb.isPresent() && !ta.get().compatible(tb.get())
                        && !(Ingredients.numeric(ta.get()) && Ingredients.numeric(tb.get()))) {
                    continue;
                }
                SourceText src = site.source();
                String between = src.slice(src.end(a), src.begin(b));
                String text = site.text(b) + between + site.text(a);
                site.replace(src.begin(a), src.end(b), text, "swap-arguments",
                        "swap arguments " + (i + 1) + " and " + (j + 1), 0.3);
            }
        }
    }

    /** {@code f(x)} → {@code x}: a call that should not have been made, when the argument could stand for it. */
    private static void unwrap(MethodCallExpr m, Site site) {
        if (m.getArguments().size() != 1 || m.getParentNode().orElse(null) instanceof ExpressionStmt) {
            return;
        }
        Expression arg = m.getArguments().get(0);
        Node parent = m.getParentNode().orElse(null);
        boolean chained = parent instanceof MethodCallExpr p && p.getScope().filter(x -> x == m).isPresent()
                || parent instanceof FieldAccessExpr;
        if (chained || arg instanceof LambdaExpr || arg instanceof MethodReferenceExpr) {
            return; // a receiver rarely has the argument's methods, and a lambda needs its target type
        }
        Optional<JType> result = site.type(m);
        Optional<JType> argType = site.type(arg);
        if (result.isPresent() && argType.isPresent() && !result.get().compatible(argType.get())) {
            return;
        }
        site.replaceExpr(m, site.text(arg), Precedence.of(arg), "unwrap-call", "use the argument of '"
                + m.getNameAsString() + "' directly", 0.25);
    }

    private static void renameCall(MethodCallExpr m, Site site) {
        String name = m.getNameAsString();
        int arity = m.getArguments().size();
        Optional<String> owner = m.getScope().isEmpty()
                ? m.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString)
                : m.getScope().flatMap(site::type).map(JType::name);
        List<TypeIndex.Method> methods = owner.map(site.index()::methods).orElse(List.of());
        // when the result is used, a sibling must return something compatible (as far as declarations tell)
        boolean resultUsed = !(m.getParentNode().orElse(null) instanceof ExpressionStmt);
        Optional<JType> current = methods.stream().filter(x -> x.name().equals(name) && x.params().size() == arity)
                .findFirst().flatMap(TypeIndex.Method::returns);
        Set<String> project = new LinkedHashSet<>();
        for (TypeIndex.Method x : methods) {
            boolean compatible = !resultUsed || current.isEmpty() || x.returns().isEmpty()
                    || x.returns().get().compatible(current.get());
            if (x.params().size() == arity && compatible) {
                project.add(x.name());
            }
        }
        project.remove(name);
        int begin = site.source().begin(m.getName());
        int end = site.source().end(m.getName());
        int count = 0;
        for (String other : project) {
            if (count++ >= MAX_SIBLINGS) {
                break;
            }
            site.replace(begin, end, other, "change-method", "call '" + other + "' instead of '" + name + "'", 0.45);
        }
        if (methods.isEmpty() && m.getScope().isPresent()) {
            for (String other : JdkMethods.siblings(name)) {
                site.replace(begin, end, other, "change-method", "call '" + other + "' instead of '" + name + "'",
                        0.35);
            }
        }
    }

}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expression reuse (family 12): a call seen in the class on, or with, variable {@code v} is applied to a variable
 * {@code w} of the same type where {@code w} stands alone (higher prior when seen in the same method), and a for-each
 * over a list is restricted to a sublist.
 */
final class ExpressionReuse implements Operator {

    private static final int MAX_TEMPLATES = 30;
    private static final int MAX_INDEX_VARIABLES = 4;

    /** A call seen in the class with one variable occurrence cut out, so another name can take its place. */
    record Template(String before, String after, JType variableType, Optional<JType> resultType, Set<String> names,
            MethodCallExpr origin) {
        Template {
            names = Set.copyOf(names);
        }

        String applyTo(String name) {
            return before + name + after;
        }
    }

    @Override
    public void visit(Node node, Site site) {
        if (!(node instanceof NameExpr n) || !standsAlone(n)) {
            return;
        }
        Optional<JType> type = site.scope(n).typeOf(n.getNameAsString());
        if (type.isEmpty()) {
            return;
        }
        Optional<TypeDeclaration> owner = n.findAncestor(TypeDeclaration.class);
        Optional<CallableDeclaration> method = n.findAncestor(CallableDeclaration.class);
        if (owner.isPresent() && method.isPresent()) {
            List<Template> templates = site.memo(owner.get(), t -> templates(t, site));
            for (Template t : templates) {
                // the variable stands where its own type is expected, so the reused call must yield that type
                boolean known = t.resultType().isPresent();
                if (!t.variableType().compatible(type.get())
                        || known && !t.resultType().get().compatible(type.get())
                        || n.isDescendantOf(t.origin())
                        || !visible(t.names(), site.scope(n))) {
                    continue;
                }
                boolean sameMethod = t.origin().isDescendantOf(method.get());
                String text = t.applyTo(n.getNameAsString());
                site.replaceExpr(n, text, Precedence.PRIMARY, "reuse-expression", "replace '" + n.getNameAsString()
                        + "' with '" + NameSubstitution.abbreviate(text) + "'", known && sameMethod ? 0.3 : 0.2);
            }
        }
        if (n.getParentNode().orElse(null) instanceof ForEachStmt loop && loop.getIterable() == n
                && type.get().kind().equals("List")) {
            restrictIteration(n, site);
        }
    }

    /** Not the receiver of a call or field access, and not assigned to: a place where a value is read as is. */
    private static boolean standsAlone(NameExpr n) {
        Node parent = n.getParentNode().orElse(null);
        return !(parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == n).isPresent()
                || parent instanceof FieldAccessExpr
                || parent instanceof AssignExpr a && a.getTarget() == n);
    }

    /** Calls on a variable ({@code v.m(..)}) and calls with one variable argument ({@code f(v)}), once each. */
    private static List<Template> templates(Node owner, Site site) {
        List<Template> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MethodCallExpr call : owner.findAll(MethodCallExpr.class)) {
            if (out.size() >= MAX_TEMPLATES) {
                break;
            }
            if (call.getArguments().size() > 3) {
                continue;
            }
            List<NameExpr> holes = new ArrayList<>();
            call.getScope().filter(Expression::isNameExpr).map(Expression::asNameExpr).ifPresent(holes::add);
            List<NameExpr> args = call.getArguments().stream().filter(Expression::isNameExpr)
                    .map(Expression::asNameExpr).toList();
            if (args.size() == 1) {
                holes.add(args.get(0));
            }
            for (NameExpr hole : holes) {
                template(call, hole, site).filter(t -> seen.add(t.variableType().kind() + "#" + t.before() + "#"
                        + t.after())).ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<Template> template(MethodCallExpr call, NameExpr hole, Site site) {
        Optional<JType> type = site.scope(hole).typeOf(hole.getNameAsString());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String text = site.text(call);
        int from = site.source().begin(hole) - site.source().begin(call);
        int to = site.source().end(hole) - site.source().begin(call);
        Set<String> names = new HashSet<>();
        call.findAll(NameExpr.class).stream().filter(x -> x != hole).forEach(x -> names.add(x.getNameAsString()));
        return Optional.of(new Template(text.substring(0, from), text.substring(to), type.get(), site.type(call),
                names, call));
    }

    /** Every variable the reused arguments mention must exist where they are pasted (type names pass). */
    private static boolean visible(Set<String> names, Scope scope) {
        return names.stream().allMatch(x -> scope.typeOf(x).isPresent() || Character.isUpperCase(x.charAt(0)));
    }

    private static void restrictIteration(NameExpr list, Site site) {
        String name = list.getNameAsString();
        List<String> ints = site.scope(list).compatible(JType.INT, name).stream().limit(MAX_INDEX_VARIABLES).toList();
        for (String k : ints) {
            site.replace(list, name + ".subList(" + k + ", " + name + ".size())", "reuse-expression",
                    "iterate from index " + k, 0.25);
            site.replace(list, name + ".subList(0, " + k + ")", "reuse-expression", "iterate up to index " + k, 0.2);
        }
    }
}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
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
 * Expression reuse (family 12): a call seen elsewhere in the method on variable {@code v} is applied to a variable
 * {@code w} of the same type where {@code w} stands alone, and a for-each over a list is restricted to a sublist.
 */
final class ExpressionReuse implements Operator {

    private static final int MAX_TEMPLATES = 20;
    private static final int MAX_INDEX_VARIABLES = 4;

    /** A call on a variable, with the variable's occurrence marked so another name can take its place. */
    record Template(String after, JType variableType, Optional<JType> resultType, Set<String> names) {
        Template {
            names = Set.copyOf(names);
        }

        String applyTo(String name) {
            return name + after;
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
        Optional<CallableDeclaration> method = n.findAncestor(CallableDeclaration.class);
        if (method.isPresent()) {
            List<Template> templates = site.memo(method.get(), m -> templates(m, site));
            for (Template t : templates) {
                // the variable stands where its own type is expected, so the reused call must yield that type
                boolean known = t.resultType().isPresent();
                if (!t.variableType().compatible(type.get())
                        || known && !t.resultType().get().compatible(type.get())
                        || !visible(t.names(), site.scope(n))) {
                    continue;
                }
                boolean sameType = known;
                String text = t.applyTo(n.getNameAsString());
                site.replaceExpr(n, text, Precedence.PRIMARY, "reuse-expression", "replace '" + n.getNameAsString()
                        + "' with '" + NameSubstitution.abbreviate(text) + "'", sameType ? 0.3 : 0.2);
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

    private static List<Template> templates(Node method, Site site) {
        List<Template> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (out.size() >= MAX_TEMPLATES) {
                break;
            }
            Optional<NameExpr> variable = call.getScope().filter(Expression::isNameExpr).map(Expression::asNameExpr);
            if (variable.isEmpty() || call.getArguments().size() > 3) {
                continue;
            }
            Optional<JType> type = site.scope(variable.get()).typeOf(variable.get().getNameAsString());
            if (type.isEmpty()) {
                continue;
            }
            String text = site.text(call);
            int cut = site.source().end(variable.get()) - site.source().begin(call);
            String after = text.substring(cut);
            Set<String> names = new HashSet<>();
            call.getArguments().forEach(a -> a.findAll(NameExpr.class).forEach(x -> names.add(x.getNameAsString())));
            if (seen.add(type.get().kind() + "#" + after)) {
                out.add(new Template(after, type.get(), site.type(call), names));
            }
        }
        return List.copyOf(out);
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

package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.List;
import java.util.Optional;

/**
 * Wrong-variable fixes (families 5, 6, 16): a variable replaced by another visible variable of the same declared
 * type, a field by a sibling field, and a call, field access, array element, argument or int literal operand replaced
 * by such a variable.
 */
final class NameSubstitution implements Operator {

    private static final int MAX_VARIABLES = 10;

    @Override
    public void visit(Node node, Site site) {
        switch (node) {
            case NameExpr n -> variable(n, site);
            case IntegerLiteralExpr lit when operandPosition(lit) -> subExpression(lit, site, 0.3, 5);
            case Expression e when replaceable(e) -> {
                if (e instanceof FieldAccessExpr f) {
                    siblingField(f, site);
                }
                subExpression(e, site, 0.35, MAX_VARIABLES);
            }
            case FieldAccessExpr f -> siblingField(f, site);
            default -> { }
        }
    }

    /** A literal used as an argument, a comparison operand or a return value may stand for a forgotten variable. */
    private static boolean operandPosition(IntegerLiteralExpr lit) {
        Node parent = lit.getParentNode().orElse(null);
        return parent instanceof MethodCallExpr m && m.getArguments().contains(lit)
                || parent instanceof BinaryExpr b && OffByOne.relational(b.getOperator())
                || parent instanceof ReturnStmt;
    }

    private static void variable(NameExpr n, Site site) {
        String name = n.getNameAsString();
        Scope scope = site.scope(n);
        Optional<JType> type = scope.typeOf(name);
        if (type.isEmpty()) {
            return;
        }
        List<String> others = scope.compatible(type.get(), name);
        for (int i = 0; i < others.size() && i < MAX_VARIABLES; i++) {
            double prior = Math.max(0.45, 0.55 - 0.02 * i);
            site.replace(n, others.get(i), "replace-variable", "replace '" + name + "' with '" + others.get(i) + "'",
                    prior);
        }
    }

    /** {@code node.left} → {@code node.right}: another field of the same declared type on the same object. */
    private static void siblingField(FieldAccessExpr f, Site site) {
        Optional<JType> owner = site.type(f.getScope());
        if (owner.isEmpty()) {
            return;
        }
        String name = f.getNameAsString();
        Optional<JType> type = site.index().field(owner.get().name(), name);
        Optional<TypeIndex.TypeInfo> info = site.index().type(owner.get().name());
        if (type.isEmpty() || info.isEmpty()) {
            return;
        }
        int begin = site.source().begin(f.getName());
        int end = site.source().end(f.getName());
        info.get().fields().forEach((other, otherType) -> {
            if (!other.equals(name) && otherType.compatible(type.get())) {
                site.replace(begin, end, other, "replace-variable", "use field '" + other + "' instead of '" + name
                        + "'", 0.45);
            }
        });
    }

    private static boolean replaceable(Expression e) {
        if (e.getParentNode().orElse(null) instanceof ExpressionStmt) {
            return false;
        }
        if (e instanceof MethodCallExpr || e instanceof FieldAccessExpr || e instanceof ArrayAccessExpr) {
            return !(e instanceof FieldAccessExpr f && f.getScope().isThisExpr());
        }
        Node parent = e.getParentNode().orElse(null);
        boolean argument = parent instanceof MethodCallExpr m && m.getArguments().contains(e)
                || parent instanceof ObjectCreationExpr o && o.getArguments().contains(e);
        return argument && (e instanceof BinaryExpr || e instanceof ObjectCreationExpr);
    }

    private static void subExpression(Expression e, Site site, double prior, int limit) {
        Optional<JType> type = site.type(e);
        if (type.isEmpty() || type.get().kind().equals("void")) {
            return;
        }
        List<String> candidates = site.scope(e).compatible(type.get(), "");
        String text = site.text(e);
        for (int i = 0; i < candidates.size() && i < limit; i++) {
            String v = candidates.get(i);
            if (!text.equals(v)) {
                site.replace(e, v, "replace-expression", "replace '" + abbreviate(text) + "' with '" + v + "'",
                        prior);
            }
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Optional;
import java.util.Set;

/**
 * Condition and operand templates (families 7, 9, 10, 11, 15): negate or fix a condition, drop a conjunct or an
 * operand, swap operands of a non-commutative operator, widen a null check, flip a boolean literal.
 */
final class ConditionRewrite implements Operator {

    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Map", "Queue", "Deque", "Collection",
            "String");

    @Override
    public void visit(Node node, Site site) {
        if (node instanceof BooleanLiteralExpr b) {
            site.replace(b, Boolean.toString(!b.getValue()), "boolean-literal", "flip boolean literal", 0.4);
        }
        if (node instanceof Expression e && isCondition(e)) {
            condition(e, site);
        } else if (node instanceof Expression e && negatableValue(e, site)) {
            site.replaceExpr(e, "!" + site.text(e), Precedence.UNARY, "negate-condition", "insert '!'", 0.25);
        }
        if (node instanceof BinaryExpr b) {
            binary(b, site);
        }
    }

    static boolean isCondition(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        return switch (parent) {
            case IfStmt s -> s.getCondition() == e;
            case WhileStmt s -> s.getCondition() == e;
            case DoStmt s -> s.getCondition() == e;
            case ForStmt s -> s.getCompare().filter(c -> c == e).isPresent();
            case ConditionalExpr c -> c.getCondition() == e;
            case null, default -> false;
        };
    }

    /** A boolean variable or call read as a value (not a condition, not already negated, not assigned to). */
    private static boolean negatableValue(Expression e, Site site) {
        if (!(e instanceof NameExpr || e instanceof MethodCallExpr) || !site.type(e).map(JType::bool).orElse(false)) {
            return false;
        }
        Node parent = e.getParentNode().orElse(null);
        return !(parent instanceof UnaryExpr || parent instanceof ExpressionStmt
                || parent instanceof AssignExpr a && a.getTarget() == e
                || parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == e).isPresent());
    }

    private static void condition(Expression e, Site site) {
        if (e instanceof BooleanLiteralExpr literal) {
            if (literal.getValue() && !(e.getParentNode().orElse(null) instanceof ConditionalExpr)) {
                untilEmpty(e, site);
            }
            return;
        }
        boolean alreadyNegated = e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
        if (!alreadyNegated) {
            String text = site.text(e);
            String negated = Precedence.of(e) < Precedence.UNARY ? "!(" + text + ")" : "!" + text;
            site.replaceExpr(e, negated, Precedence.UNARY, "negate-condition", "negate the condition", 0.35);
        }
        guardReceivers(e, site);
        site.replace(e, "true", "negate-condition", "condition always true", 0.15);
        site.replace(e, "false", "negate-condition", "condition always false", 0.15);
    }

    /** {@code while (true)} → {@code while (!queue.isEmpty())}: loop until a visible collection is drained. */
    private static void untilEmpty(Expression e, Site site) {
        site.scope(e).variables().entrySet().stream()
                .filter(v -> COLLECTIONS.contains(v.getValue().kind()))
                .limit(4)
                .forEach(v -> site.replace(e, "!" + v.getKey() + ".isEmpty()", "negate-condition",
                        "loop while '" + v.getKey() + "' is not empty", 0.2));
    }

    /** More specific condition: {@code v.f() > 0} → {@code v != null && v.f() > 0} for each receiver variable. */
    private static void guardReceivers(Expression cond, Site site) {
        int and = Precedence.of(BinaryExpr.Operator.AND);
        String text = Precedence.operand(site.text(cond), Precedence.of(cond), and, true);
        cond.findAll(NameExpr.class).stream()
                .filter(n -> receiver(n.getParentNode().orElse(null)).filter(r -> r == n).isPresent())
                .map(NameExpr::getNameAsString)
                .distinct()
                .filter(v -> site.scope(cond).typeOf(v).map(t -> !t.primitive()).orElse(false))
                .forEach(v -> site.replaceExpr(cond, v + " != null && " + text, and, "guard-condition",
                        "also require '" + v + "' to be non-null", 0.2));
    }

    private static void binary(BinaryExpr b, Site site) {
        String left = site.text(b.getLeft());
        String right = site.text(b.getRight());
        switch (b.getOperator()) {
            case AND, OR -> {
                site.replace(b, left, "drop-conjunct", "keep only the left side of '" + b.getOperator().asString()
                        + "'", 0.3);
                site.replace(b, right, "drop-conjunct", "keep only the right side of '" + b.getOperator().asString()
                        + "'", 0.3);
            }
            case EQUALS, NOT_EQUALS -> widenNullCheck(b, site);
            case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> { }
            default -> {
                site.replaceExpr(b, left, Precedence.of(b.getLeft()), "drop-operand", "drop the right operand", 0.3);
                site.replaceExpr(b, right, Precedence.of(b.getRight()), "drop-operand", "drop the left operand", 0.3);
                if (!commutative(b.getOperator()) || concatenation(b, site)) {
                    swapOperands(b, site);
                }
            }
        }
    }

    private static boolean concatenation(BinaryExpr b, Site site) {
        return b.getOperator() == BinaryExpr.Operator.PLUS
                && site.type(b).map(t -> t.kind().equals("String")).orElse(false);
    }

    private static boolean commutative(BinaryExpr.Operator op) {
        return switch (op) {
            case PLUS, MULTIPLY, BINARY_AND, BINARY_OR, XOR -> true;
            default -> false;
        };
    }

    private static void swapOperands(BinaryExpr b, Site site) {
        int prec = Precedence.of(b.getOperator());
        String gap = site.source().slice(site.source().end(b.getLeft()), site.source().begin(b.getRight()));
        String text = Precedence.operand(site.text(b.getRight()), Precedence.of(b.getRight()), prec, false) + gap
                + Precedence.operand(site.text(b.getLeft()), Precedence.of(b.getLeft()), prec, true);
        site.replaceExpr(b, text, prec, "swap-operands", "swap the operands of '" + b.getOperator().asString() + "'",
                0.3);
    }

    /** {@code a.b() == null} → {@code a == null || a.b() == null}, and the {@code !=}/{@code &&} dual. */
    private static void widenNullCheck(BinaryExpr b, Site site) {
        Expression checked = b.getRight() instanceof NullLiteralExpr ? b.getLeft()
                : b.getLeft() instanceof NullLiteralExpr ? b.getRight() : null;
        if (checked == null) {
            return;
        }
        boolean equals = b.getOperator() == BinaryExpr.Operator.EQUALS;
        String joiner = equals ? " == null || " : " != null && ";
        int prec = Precedence.of(equals ? BinaryExpr.Operator.OR : BinaryExpr.Operator.AND);
        for (Optional<Expression> scope = receiver(checked); scope.isPresent(); scope = receiver(scope.get())) {
            Expression s = scope.get();
            if (s.isThisExpr() || s.isNameExpr() && site.type(s).isEmpty()
                    && Character.isUpperCase(s.asNameExpr().getNameAsString().charAt(0))) {
                break;
            }
            String text = site.text(s) + joiner + site.text(b);
            site.replaceExpr(b, text, prec, "widen-null-check", "also check '" + site.text(s) + "' for null", 0.3);
        }
    }

    private static Optional<Expression> receiver(Node e) {
        return switch (e) {
            case MethodCallExpr m -> m.getScope();
            case FieldAccessExpr f -> Optional.of(f.getScope());
            case null, default -> Optional.empty();
        };
    }
}

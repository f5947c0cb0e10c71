package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.UnaryExpr;

/** Java operator precedence, so replacement text gets parentheses exactly where the grammar needs them. */
final class Precedence {

    static final int ASSIGN = 1;
    static final int TERNARY = 2;
    static final int OR = 3;
    static final int UNARY = 14;
    static final int PRIMARY = 16;

    private Precedence() {
    }

    static int of(BinaryExpr.Operator op) {
        return switch (op) {
            case OR -> 3;
            case AND -> 4;
            case BINARY_OR -> 5;
            case XOR -> 6;
            case BINARY_AND -> 7;
            case EQUALS, NOT_EQUALS -> 8;
            case LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> 9;
            case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> 10;
            case PLUS, MINUS -> 11;
            case MULTIPLY, DIVIDE, REMAINDER -> 12;
        };
    }

    static int of(Expression e) {
        return switch (e) {
            case BinaryExpr b -> of(b.getOperator());
            case AssignExpr a -> ASSIGN;
            case LambdaExpr l -> ASSIGN;
            case ConditionalExpr c -> TERNARY;
            case InstanceOfExpr i -> 9;
            case UnaryExpr u -> UNARY;
            case CastExpr c -> UNARY;
            default -> PRIMARY;
        };
    }

    /**
     * Whether an expression of precedence {@code prec} put where {@code original} stands needs parentheses, given
     * the original's parent. Equal precedence on the right of a binary operator needs them (left associativity).
     */
    static boolean needsParens(int prec, Node original) {
        Node parent = original.getParentNode().orElse(null);
        return switch (parent) {
            case BinaryExpr b -> prec < of(b.getOperator())
                    || prec == of(b.getOperator()) && b.getRight() == original && !associative(b.getOperator());
            case UnaryExpr u -> prec < UNARY;
            case CastExpr c -> prec < UNARY;
            case InstanceOfExpr i -> prec <= 9;
            case MethodCallExpr m -> m.getScope().filter(s -> s == original).isPresent() && prec < PRIMARY;
            case FieldAccessExpr f -> f.getScope() == original && prec < PRIMARY;
            case MethodReferenceExpr m -> m.getScope() == original && prec < PRIMARY;
            case ArrayAccessExpr a -> a.getName() == original && prec < PRIMARY;
            case ConditionalExpr c -> prec <= TERNARY && c.getCondition() == original || prec < TERNARY;
            case null, default -> false;
        };
    }

    /** Same-precedence operators whose grouping never changes the value (only && and || are safe for all types). */
    private static boolean associative(BinaryExpr.Operator op) {
        return op == BinaryExpr.Operator.AND || op == BinaryExpr.Operator.OR;
    }

    /** The text to put in place of {@code original}, parenthesised if the context requires it. */
    static String fit(String text, int prec, Node original) {
        return needsParens(prec, original) ? "(" + text + ")" : text;
    }

    /** Text of an operand placed next to a binary operator of precedence {@code prec}. */
    static String operand(String text, int operandPrec, int prec, boolean right) {
        return operandPrec < prec || right && operandPrec == prec ? "(" + text + ")" : text;
    }
}

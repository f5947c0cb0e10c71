package dev.aap.repair.mutate;

import static com.github.javaparser.ast.expr.BinaryExpr.Operator.AND;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.BINARY_AND;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.BINARY_OR;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.DIVIDE;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.GREATER_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LEFT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.MINUS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.MULTIPLY;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.NOT_EQUALS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.OR;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.REMAINDER;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
import static com.github.javaparser.ast.expr.BinaryExpr.Operator.XOR;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.List;
import java.util.Optional;

/** Replaces binary, compound-assignment and unary operators by their near relatives (families 1 to 3). */
final class OperatorReplacement implements Operator {


    private static final List<List<BinaryExpr.Operator>> GROUPS = List.of(
            List.of(LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS),
            List.of(PLUS, MINUS, MULTIPLY, DIVIDE, REMAINDER),
            List.of(BINARY_AND, BINARY_OR, XOR),
            List.of(LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT),
            List.of(AND, OR));

    @Override
    public void visit(Node node, Site site) {
        switch (node) {
            case BinaryExpr b -> binary(b, site);
            case AssignExpr a -> assign(a, site);
            case UnaryExpr u -> unary(u, site);
            default -> { }
        }
    }

    private static void binary(BinaryExpr b, Site site) {
        BinaryExpr.Operator op = b.getOperator();
        boolean referenceEquality = (op == EQUALS || op == NOT_EQUALS) && !numeric(b, site);
        if (op == PLUS && site.type(b).map(t -> t.kind().equals("String")).orElse(false)) {
            return; // string concatenation has no arithmetic relatives
        }
        for (List<BinaryExpr.Operator> group : GROUPS) {
            if (!group.contains(op)) {
                continue;
            }
            for (BinaryExpr.Operator other : group) {
                if (other == op || referenceEquality && other != EQUALS && other != NOT_EQUALS) {
                    continue;
                }
                replaceOperator(b, other, site, family(op), prior(op, other));
            }
        }
    }

    private static boolean numeric(BinaryExpr b, Site site) {
        if (b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr) {
            return false;
        }
        Optional<JType> t = site.type(b.getLeft()).or(() -> site.type(b.getRight()));
        return t.map(x -> x.integral() || List.of("char", "double", "float").contains(x.kind())).orElse(true);
    }

    /** Swaps the operator token; rebuilds the node with parentheses only if the new precedence would re-parse. */
    static void replaceOperator(BinaryExpr b, BinaryExpr.Operator other, Site site, String family, double prior) {
        SourceText src = site.source();
        int gapStart = src.end(b.getLeft());
        int gapEnd = src.begin(b.getRight());
        String gap = src.slice(gapStart, gapEnd);
        int at = gap.indexOf(b.getOperator().asString());
        if (at < 0) {
            return;
        }
        String description = "replace '" + b.getOperator().asString() + "' with '" + other.asString() + "'";
        int prec = Precedence.of(other);
        String left = site.text(b.getLeft());
        String right = site.text(b.getRight());
        int leftPrec = Precedence.of(b.getLeft());
        int rightPrec = Precedence.of(b.getRight());
        String newLeft = Precedence.operand(left, leftPrec, prec, false);
        String newRight = Precedence.operand(right, rightPrec, prec, true);
        boolean outer = Precedence.needsParens(prec, b);
        if (newLeft.equals(left) && newRight.equals(right) && !outer) {
            int start = gapStart + at;
            site.replace(start, start + b.getOperator().asString().length(), other.asString(), family, description,
                    prior);
            return;
        }
        String gapNew = gap.substring(0, at) + other.asString()
                + gap.substring(at + b.getOperator().asString().length());
        site.replaceExpr(b, newLeft + gapNew + newRight, prec, family, description, prior);
    }

    static String family(BinaryExpr.Operator op) {
        return switch (op) {
            case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS -> "relational-operator";
            case AND, OR -> "logical-operator";
            case BINARY_AND, BINARY_OR, XOR, LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> "bitwise-operator";
            default -> "arithmetic-operator";
        };
    }

    private static double prior(BinaryExpr.Operator from, BinaryExpr.Operator to) {
        String pair = from.asString() + " " + to.asString();
        return switch (pair) {
            case "< <=", "<= <", "> >=", ">= >" -> 0.55;
            case "== !=", "!= ==" -> 0.5;
            case "< >", "> <", "<= >=", ">= <=", "&& ||", "|| &&", "+ -", "- +" -> 0.45;
            case "* /", "/ *", "& |", "| &", "^ &", "& ^", "^ |", "| ^" -> 0.4;
            case "<< >>", ">> <<", ">> >>>", ">>> >>" -> 0.35;
            default -> 0.3;
        };
    }

    private static void assign(AssignExpr a, Site site) {
        String op = a.getOperator().asString();
        SourceText src = site.source();
        int gapStart = src.end(a.getTarget());
        String gap = src.slice(gapStart, src.begin(a.getValue()));
        int at = gap.indexOf(op);
        if (at < 0) {
            return;
        }
        int start = gapStart + at;
        int end = start + op.length();
        List<List<String>> groups = List.of(List.of("+=", "-=", "*=", "/=", "%="), List.of("&=", "|=", "^="),
                List.of("<<=", ">>=", ">>>="));
        for (List<String> group : groups) {
            if (group.contains(op)) {
                for (String other : group) {
                    if (!other.equals(op)) {
                        double prior = other.equals("&=") || other.equals("|=") || op.equals("-=") && other.equals("+=")
                                || op.equals("+=") && other.equals("-=") ? 0.45 : 0.35;
                        site.replace(start, end, other, "compound-assignment", "replace '" + op + "' with '" + other
                                + "'", prior);
                    }
                }
                site.replace(start, end, "=", "compound-assignment", "replace '" + op + "' with '='", 0.25);
            }
        }
        if (op.equals("=") && site.type(a.getTarget()).map(JType::integral).orElse(false)) {
            for (String other : List.of("+=", "-=")) {
                site.replace(start, end, other, "compound-assignment", "replace '=' with '" + other + "'", 0.15);
            }
        }
    }

    private static void unary(UnaryExpr u, Site site) {
        Expression inner = u.getExpression();
        String text = site.text(inner);
        switch (u.getOperator()) {
            case LOGICAL_COMPLEMENT -> site.replace(u, text, "unary-operator", "drop '!'", 0.4);
            case MINUS -> site.replace(u, text, "unary-operator", "drop unary '-'", 0.25);
            case BITWISE_COMPLEMENT -> site.replace(u, text, "unary-operator", "drop '~'", 0.2);
            case PREFIX_INCREMENT -> site.replace(u, "--" + text, "unary-operator", "replace '++' with '--'", 0.4);
            case PREFIX_DECREMENT -> site.replace(u, "++" + text, "unary-operator", "replace '--' with '++'", 0.4);
            case POSTFIX_INCREMENT -> {
                site.replace(u, text + "--", "unary-operator", "replace '++' with '--'", 0.4);
                site.replace(u, "++" + text, "unary-operator", "use prefix '++'", 0.15);
            }
            case POSTFIX_DECREMENT -> {
                site.replace(u, text + "++", "unary-operator", "replace '--' with '++'", 0.4);
                site.replace(u, "--" + text, "unary-operator", "use prefix '--'", 0.15);
            }
            default -> { }
        }
    }
}

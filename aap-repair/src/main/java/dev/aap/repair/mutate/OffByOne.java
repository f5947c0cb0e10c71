package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Off-by-one fixes (families 4, 15, 16): integer literals ±1, int expressions in boundary positions ±1, a comparison
 * with both its operator and literal changed, and an int argument shifted by another int variable.
 */
final class OffByOne implements Operator {

    private static final String FAMILY = "off-by-one";
    /** An operand added to an expression ('x' to 'x + 1'): not a literal change, so not the literal's family. */
    private static final String EXPRESSION = "expression-off-by-one";
    /** The comparison and its literal changed together ('x > 9' to 'x >= 10'). */
    private static final String COMPARISON = "comparison-and-literal";

    @Override
    public void visit(Node node, Site site) {
        boolean negated = node.getParentNode().orElse(null) instanceof UnaryExpr p
                && p.getOperator() == UnaryExpr.Operator.MINUS;
        if ((node instanceof IntegerLiteralExpr || node instanceof LongLiteralExpr) && !negated) {
            literal((LiteralExpr) node, site);
        } else if (node instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof IntegerLiteralExpr) {
            literal(u, site);
        }
        if (node instanceof Expression e && !(e instanceof LiteralExpr) && !negativeLiteral(e)) {
            boundary(e, site);
        }
        if (node instanceof BinaryExpr b && relational(b.getOperator())) {
            comparisonWithLiteral(b, site);
        }
    }

    private static boolean negativeLiteral(Expression e) {
        return e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof LiteralExpr;
    }

    static Optional<Long> value(Expression e, Site site) {
        String text = site.text(e).replace("_", "");
        boolean isLong = text.endsWith("L") || text.endsWith("l");
        String digits = isLong ? text.substring(0, text.length() - 1) : text;
        if (!digits.matches("-?\\s*\\d+") || digits.length() > 18 || digits.length() > 1 && digits.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits.replaceAll("\\s", "")));
    }

    private static void literal(Expression lit, Site site) {
        Optional<Long> value = value(lit, site);
        if (value.isEmpty()) {
            return;
        }
        String suffix = lit instanceof LongLiteralExpr ? "L" : "";
        for (long constant : new long[] {0, 1, -1}) {
            // the usual sentinels and identities; neighbours of the value are already covered by ±1 below
            if (Math.abs(constant - value.get()) > 1) {
                site.replaceExpr(lit, constant + suffix, constant < 0 ? Precedence.UNARY : Precedence.PRIMARY,
                        FAMILY, "change " + value.get() + " to " + constant, 0.3);
            }
        }
        for (long delta : new long[] {1, -1}) {
            long v = value.get() + delta;
            String description = "change " + value.get() + " to " + v;
            Node parent = lit.getParentNode().orElse(null);
            if (v == 0 && parent instanceof BinaryExpr b && b.getRight() == lit
                    && (b.getOperator() == BinaryExpr.Operator.PLUS || b.getOperator() == BinaryExpr.Operator.MINUS)) {
                // x - 1 → x rather than x - 0
                site.replaceExpr(b, site.text(b.getLeft()), Precedence.of(b.getLeft()), FAMILY, description, 0.5);
                continue;
            }
            String text = v + suffix;
            site.replaceExpr(lit, text, v < 0 ? Precedence.UNARY : Precedence.PRIMARY, FAMILY, description, 0.5);
        }
    }

    private static void boundary(Expression e, Site site) {
        double prior = boundaryPrior(e);
        if (prior == 0 || !(site.type(e).map(JType::integral).orElse(isIndex(e)))) {
            return;
        }
        if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.PLUS
                || b.getOperator() == BinaryExpr.Operator.MINUS) && value(b.getRight(), site).isPresent()) {
            return; // the literal itself is already shifted
        }
        String text = Precedence.operand(site.text(e), Precedence.of(e), Precedence.of(BinaryExpr.Operator.PLUS),
                false);
        site.replaceExpr(e, text + " + 1", Precedence.of(BinaryExpr.Operator.PLUS), EXPRESSION, "add 1", prior);
        site.replaceExpr(e, text + " - 1", Precedence.of(BinaryExpr.Operator.PLUS), EXPRESSION, "subtract 1", prior);
        if (isArgument(e)) {
            List<String> others = site.scope(e).compatible(JType.INT, "").stream()
                    .filter(v -> !mentions(e, v)).limit(4).toList();
            for (String v : others) {
                site.replaceExpr(e, text + " - " + v, Precedence.of(BinaryExpr.Operator.PLUS), EXPRESSION,
                        "subtract " + v, 0.2);
                site.replaceExpr(e, text + " + " + v, Precedence.of(BinaryExpr.Operator.PLUS), EXPRESSION,
                        "add " + v, 0.2);
            }
        }
    }

    private static boolean mentions(Expression e, String name) {
        return e.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(name));
    }

    private static boolean isIndex(Expression e) {
        return e.getParentNode().orElse(null) instanceof ArrayAccessExpr a && a.getIndex() == e;
    }

    private static boolean isArgument(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        return parent instanceof MethodCallExpr m && m.getArguments().contains(e)
                || parent instanceof ObjectCreationExpr o && o.getArguments().contains(e);
    }

    private static double boundaryPrior(Expression e) {
        Node parent = e.getParentNode().orElse(null);
        if (isIndex(e)) {
            return 0.45;
        }
        if (parent instanceof BinaryExpr b && relational(b.getOperator())) {
            return 0.45;
        }
        if (isArgument(e)) {
            return 0.4;
        }
        return parent instanceof ReturnStmt ? 0.35 : 0;
    }

    static boolean relational(BinaryExpr.Operator op) {
        return switch (op) {
            case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS -> true;
            default -> false;
        };
    }

    private static void comparisonWithLiteral(BinaryExpr b, Site site) {
        boolean literalRight = value(b.getRight(), site).isPresent();
        Expression lit = literalRight ? b.getRight() : b.getLeft();
        Optional<Long> value = value(lit, site);
        if (value.isEmpty() || lit instanceof LongLiteralExpr) {
            return;
        }
        String gap = site.source().slice(site.source().end(b.getLeft()), site.source().begin(b.getRight()));
        String op = b.getOperator().asString();
        for (BinaryExpr.Operator other : List.of(BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
                BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.EQUALS,
                BinaryExpr.Operator.NOT_EQUALS)) {
            if (other == b.getOperator()) {
                continue;
            }
            for (long delta : new long[] {1, -1}) {
                String v = Long.toString(value.get() + delta);
                String newGap = gap.replaceFirst(Pattern.quote(op), other.asString());
                String text = literalRight ? site.text(b.getLeft()) + newGap + v : v + newGap + site.text(b.getRight());
                site.replace(b, text, COMPARISON, "replace '" + op + "' with '" + other.asString() + "' and change "
                        + value.get() + " to " + v, 0.2);
            }
        }
    }
}

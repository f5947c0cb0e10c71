package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Conditions built from the names in scope: a branch or loop condition extended with one more clause by
 * {@code &&} or {@code ||} ({@code extend-condition}), and a constant condition replaced by a clause or a comparison
 * of visible variables ({@code condition-from-scope}).
 */
final class ConditionExtension implements Operator {

    private static final int MAX_CLAUSES = 6;
    private static final int MAX_COMPARED = 4;
    private static final int MAX_SIZES = 2;

    @Override
    public void visit(Node node, Site site) {
        if (!(node instanceof Expression e) || !ConditionRewrite.isCondition(e)) {
            return;
        }
        if (e instanceof BooleanLiteralExpr) {
            fromScope(e, site);
        } else {
            extend(e, site);
        }
    }

    private static void extend(Expression cond, Site site) {
        // a clause over a name the condition already tests is almost always redundant or contradictory
        Set<String> mentioned = cond.findAll(NameExpr.class).stream().map(NameExpr::getNameAsString)
                .collect(Collectors.toSet());
        List<String> clauses = Ingredients.clauses(site.scope(cond), mentioned, MAX_CLAUSES);
        join(cond, clauses, BinaryExpr.Operator.AND, 0.25, site);
        join(cond, clauses, BinaryExpr.Operator.OR, 0.2, site);
        if (rejects(cond)) {
            guard(cond, mentioned, site);
        }
    }

    /**
     * The condition of an {@code if} whose branch throws or returns a constant at once: a guard that refuses input.
     */
    private static boolean rejects(Expression cond) {
        if (!(cond.getParentNode().orElse(null) instanceof IfStmt branch) || branch.getCondition() != cond) {
            return false;
        }
        Statement then = branch.getThenStmt();
        if (then instanceof BlockStmt block && !block.getStatements().isEmpty()) {
            then = block.getStatements().get(0);
        }
        return then instanceof ThrowStmt || then instanceof ReturnStmt r
                && r.getExpression().map(e -> e.isLiteralExpr() || e.isUnaryExpr() && e.asUnaryExpr()
                .getExpression().isLiteralExpr()).orElse(true);
    }

    /**
     * A guard that also refuses a number it already tests when it is not positive: {@code if (qty > max)} →
     * {@code if (qty <= 0 || qty > max)}, the check first as people write it.
     */
    private static void guard(Expression cond, Set<String> mentioned, Site site) {
        int prec = Precedence.of(BinaryExpr.Operator.OR);
        String right = Precedence.operand(site.text(cond), Precedence.of(cond), prec, true);
        Scope scope = site.scope(cond);
        mentioned.stream().filter(n -> scope.typeOf(n).filter(Ingredients::numeric).isPresent()).sorted().limit(2)
                .forEach(n -> {
                    for (String clause : List.of(n + " <= 0", n + " < 0")) {
                        site.replaceExpr(cond, clause + " || " + right, prec, "extend-condition",
                                "also refuse '" + clause + "'", 0.2);
                    }
                });
    }

    private static void join(Expression cond, List<String> clauses, BinaryExpr.Operator op, double prior, Site site) {
        int prec = Precedence.of(op);
        String left = Precedence.operand(site.text(cond), Precedence.of(cond), prec, false);
        String joiner = " " + op.asString() + " ";
        for (String clause : clauses) {
            site.replaceExpr(cond, left + joiner + clause, prec, "extend-condition",
                    "add '" + joiner.strip() + " " + clause + "' to the condition", prior);
        }
    }

    private static void fromScope(Expression constant, Site site) {
        Scope scope = site.scope(constant);
        // a loop ends on something its body changes: the names the body works on come first
        Node body = switch (constant.getParentNode().orElse(null)) {
            case WhileStmt w -> w.getBody();
            case DoStmt d -> d.getBody();
            case ForStmt f -> f.getBody();
            case null, default -> null;
        };
        if (body != null) {
            scope = scope.preferring(body.findAll(NameExpr.class).stream().map(NameExpr::getNameAsString)
                    .collect(Collectors.toSet()));
        }
        List<String> numbers = Ingredients.numbers(scope, Set.of(), MAX_COMPARED);
        List<String> options = new ArrayList<>(Ingredients.comparisons(numbers));
        options.addAll(Ingredients.bounds(numbers.subList(0, Math.min(2, numbers.size())),
                Ingredients.sizes(scope, MAX_SIZES)));
        options.addAll(Ingredients.clauses(scope, Set.of(), MAX_CLAUSES));
        for (String option : options) {
            site.replace(constant, option, "condition-from-scope", "use '" + option + "' as the condition", 0.25);
        }
    }
}

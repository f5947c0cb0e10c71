package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Value fixes over in-scope variables: a returned constant replaced by an expression ({@code return-expression}), an
 * assigned value clamped by min/max/abs ({@code wrap-min-max-abs}), a variable replaced by a simple expression of
 * itself ({@code variable-expression}), and the two indices of a matrix access swapped ({@code swap-index}).
 */
final class ValueRewrite implements Operator {

    private static final int MAX_NUMBERS = 3;
    private static final int MAX_COMPARED = 2;
    private static final int MAX_CLAUSES = 6;
    private static final int MAX_SIZES = 3;

    @Override
    public void visit(Node node, Site site) {
        switch (node) {
            case ReturnStmt r when r.getExpression().filter(ValueRewrite::constant).isPresent() ->
                    returnExpression(r.getExpression().get(), site);
            // a computed result only: a returned name is clamped where it was assigned
            case ReturnStmt r when r.getExpression().filter(e -> e instanceof BinaryExpr).isPresent()
                    && r.findAncestor(LambdaExpr.class).isEmpty() ->
                    clamp(r.getExpression().get(), Optional.empty(), r.findAncestor(MethodDeclaration.class)
                            .flatMap(m -> JType.of(m.getType())), site);
            case AssignExpr a when a.getOperator() == AssignExpr.Operator.ASSIGN ->
                    clamp(a.getValue(), Optional.of(site.text(a.getTarget())), site.type(a.getTarget()), site);
            case VariableDeclarator v when v.getInitializer().isPresent() ->
                    clamp(v.getInitializer().get(), Optional.empty(), JType.of(v.getType()), site);
            case NameExpr n -> variableExpression(n, site);
            case MethodCallExpr m when getter(m) -> expressionOfItself(m, site.text(m), site);
            case ArrayAccessExpr a when a.getName() instanceof ArrayAccessExpr inner -> swapIndex(a, inner, site);
            default -> { }
        }
    }

    private static boolean constant(Expression e) {
        return e instanceof LiteralExpr && !e.isNullLiteralExpr() && !e.isStringLiteralExpr()
                || e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof LiteralExpr;
    }

    private static void returnExpression(Expression constant, Site site) {
        if (constant.findAncestor(LambdaExpr.class).isPresent()) {
            return; // a lambda's return type is not declared where the parser can see it
        }
        Optional<JType> returns = constant.findAncestor(MethodDeclaration.class).flatMap(m -> JType.of(m.getType()));
        if (returns.isEmpty()) {
            return;
        }
        Scope scope = site.scope(constant);
        JType type = returns.get();
        List<String> options = new ArrayList<>();
        if (type.bool()) {
            // one pair only: every extra pair costs six comparisons
            options.addAll(Ingredients.comparisons(Ingredients.numbers(scope, Set.of(), MAX_COMPARED)));
            options.addAll(Ingredients.clauses(scope, Set.of(), MAX_CLAUSES));
        } else if (Ingredients.numeric(type)) {
            options.addAll(Ingredients.arithmetic(Ingredients.names(scope, Set.of(), MAX_NUMBERS,
                    t -> assignable(t, type))));
            if (type.integral()) {
                options.addAll(Ingredients.sizes(scope, MAX_SIZES));
            }
        }
        for (String option : options) {
            site.replaceExpr(constant, option, Precedence.ASSIGN + 1, "return-expression",
                    "return '" + option + "' instead of '" + site.text(constant) + "'", 0.25);
        }
    }

    private static boolean assignable(JType value, JType target) {
        if (!Ingredients.numeric(value)) {
            return false;
        }
        return switch (target.kind()) {
            case "double", "float" -> true;
            case "long" -> value.integral();
            default -> Set.of("int", "short", "byte").contains(value.kind());
        };
    }

    /**
     * {@code x = e} → {@code x = Math.min(limit, e)}, with the target, zero or a visible number as the bound; a
     * returned value ({@code return Math.max(0, e)}) the same way, without a target.
     */
    private static void clamp(Expression value, Optional<String> target, Optional<JType> type, Site site) {
        if (type.isEmpty() || !Ingredients.numeric(type.get()) || value instanceof LiteralExpr || constant(value)
                || value instanceof MethodCallExpr m && m.getScope().filter(s -> s.toString().equals("Math"))
                .isPresent()) {
            return;
        }
        String text = site.text(value);
        site.replace(value, "Math.abs(" + text + ")", "wrap-min-max-abs", "take the absolute value", 0.2);
        List<String> bounds = new ArrayList<>();
        target.ifPresent(bounds::add);
        bounds.add("0");
        Set<String> except = target.map(Set::of).orElse(Set.of());
        bounds.addAll(Ingredients.numbers(site.scope(value), except, MAX_NUMBERS));
        for (String bound : bounds) {
            double prior = bound.equals("0") || target.filter(bound::equals).isPresent() ? 0.25 : 0.2;
            for (String fn : List.of("min", "max")) {
                site.replace(value, "Math." + fn + "(" + bound + ", " + text + ")", "wrap-min-max-abs",
                        "bound the value by " + fn + " with '" + bound + "'", prior);
            }
        }
    }

    /** {@code r} → {@code r * r}, {@code r + 1}, {@code r - 1}, {@code -r}, {@code r / 2} where r is read. */
    private static void variableExpression(NameExpr n, Site site) {
        Node parent = n.getParentNode().orElse(null);
        boolean read = !(parent instanceof UnaryExpr || parent instanceof FieldAccessExpr
                || parent instanceof MethodCallExpr m && m.getScope().filter(s -> s == n).isPresent()
                || parent instanceof AssignExpr a && a.getTarget() == n
                || parent instanceof ArrayAccessExpr x && x.getName() == n);
        String name = n.getNameAsString();
        Optional<JType> type = site.scope(n).typeOf(name);
        if (!read || type.isEmpty() || !Ingredients.numeric(type.get())) {
            return;
        }
        expressionOfItself(n, name, site);
    }

    /**
     * A value read through an accessor, {@code r.radius()}, taken as a number because it is an operand of
     * {@code *}, {@code /} or {@code -}: it gets the same variants as a numeric variable.
     */
    private static boolean getter(MethodCallExpr m) {
        return m.getArguments().isEmpty() && m.getScope().filter(Expression::isNameExpr).isPresent()
                && m.getParentNode().orElse(null) instanceof BinaryExpr b
                && Set.of(BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.MINUS)
                .contains(b.getOperator());
    }

    private static void expressionOfItself(Expression n, String name, Site site) {
        int times = Precedence.of(BinaryExpr.Operator.MULTIPLY);
        int plus = Precedence.of(BinaryExpr.Operator.PLUS);
        record Variant(String text, int prec) { }
        for (Variant v : List.of(new Variant(name + " * " + name, times), new Variant(name + " + 1", plus),
                new Variant(name + " - 1", plus), new Variant("-" + name, Precedence.UNARY),
                new Variant(name + " / 2", times))) {
            String description = "replace '" + name + "' with '" + v.text() + "'";
            if (v.text().equals(name + " * " + name) && n.getParentNode().orElse(null) instanceof BinaryExpr b
                    && b.getOperator() == BinaryExpr.Operator.MULTIPLY) {
                // a square inside a product needs no parentheses: {@code PI * r * r}, as people write it
                site.replace(n, v.text(), "variable-expression", description, 0.2);
            } else {
                site.replaceExpr(n, v.text(), v.prec(), "variable-expression", description, 0.2);
            }
        }
    }

    private static void swapIndex(ArrayAccessExpr outer, ArrayAccessExpr inner, Site site) {
        String first = site.text(inner.getIndex());
        String second = site.text(outer.getIndex());
        if (first.equals(second)) {
            return;
        }
        site.replace(outer, site.text(inner.getName()) + "[" + second + "][" + first + "]", "swap-index",
                "swap the indices '" + first + "' and '" + second + "'", 0.3);
    }
}

package dev.aap.core.policy;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Marker;
import dev.aap.core.policy.TestSummary.Strength;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks and assumptions in one Java test method: JUnit 4/5, AssertJ, Hamcrest, Mockito and {@code assert}. */
final class JavaAssertions {

    private static final Set<String> EQUALITY = Set.of("assertEquals", "assertNotEquals", "assertArrayEquals",
            "assertIterableEquals", "assertLinesMatch", "assertSame", "assertNotSame");
    private static final Set<String> CONDITION = Set.of("assertTrue", "assertFalse", "assertNull", "assertNotNull");
    private static final Set<String> STRONG = Set.of("assertEquals", "assertArrayEquals", "assertIterableEquals",
            "assertLinesMatch", "assertSame", "assertNull", "throws");
    private static final Set<String> WEAK = Set.of("assertTrue", "assertFalse", "assertNotNull", "assertNotEquals",
            "assertNotSame", "assertDoesNotThrow");
    private static final Set<String> ASSUMPTIONS = Set.of("assumeTrue", "assumeFalse", "assumeThat", "assumingThat",
            "assumeNotNull", "assumeNoException", "abort");

    private final JavaLocals locals;
    private final List<Assertion> assertions = new ArrayList<>();
    private final List<Marker> assumptions = new ArrayList<>();

    private JavaAssertions(MethodDeclaration method) {
        this.locals = new JavaLocals(method);
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            visit(call);
        }
        for (AssertStmt a : method.findAll(AssertStmt.class)) {
            assertions.add(new Assertion("assert", Strength.NEUTRAL, "assert " + locals.norm(a.getCheck()),
                    locals.norm(a.getCheck()), locals.literalsIn(List.of(a.getCheck())), JavaLocals.shown(a),
                    line(a)));
        }
        assertions.sort(Comparator.comparingInt(Assertion::line));
    }

    static JavaAssertions of(MethodDeclaration method) {
        return new JavaAssertions(method);
    }

    List<Assertion> assertions() {
        return assertions;
    }

    /** Assumptions and {@code abort()} calls: each one can turn the test into a silent skip. */
    List<Marker> assumptions() {
        return assumptions;
    }

    private void visit(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (isChainLink(call)) {
            return;
        }
        if (name.startsWith("assertThat") && topOfChain(call) != call) {
            new AssertjChain(locals, call).links().forEach(assertions::add);
        } else if (name.equals("assertThat") && call.getArguments().size() >= 2) {
            assertions.add(hamcrest(call));
        } else if (name.startsWith("assert") && !name.equals("assertAll") && !name.startsWith("assertThat")) {
            assertions.add(junit(call, name));
        } else if (name.equals("fail")) {
            assertions.add(new Assertion("fail", Strength.NEUTRAL, locals.norm(call), "", null,
                    JavaLocals.shown(call), line(call)));
        } else if (name.startsWith("verify") && call.getScope().map(s -> s.toString().equals("Mockito")).orElse(true)) {
            assertions.add(verify(call, name));
        } else if (ASSUMPTIONS.contains(name)) {
            MethodCallExpr top = topOfChain(call);
            String key = name.equals("abort") ? "abort" : locals.norm(top);
            assumptions.add(new Marker(key, JavaLocals.shown(top), line(call)));
        }
    }

    private Assertion junit(MethodCallExpr call, String name) {
        int needed = CONDITION.contains(name) ? 1 : EQUALITY.contains(name) || name.startsWith("assertThrows")
                || name.startsWith("assertTimeout") || name.equals("assertInstanceOf") ? 2 : 0;
        List<Expression> args = withoutMessage(call.getArguments(), needed);
        String key = locals.norm(call);
        String shown = JavaLocals.shown(call);
        if (EQUALITY.contains(name) && args.size() >= 2) {
            String expected = locals.norm(args.get(0))
                    + (args.size() > 2 ? " (delta " + locals.norm(args.get(2)) + ")" : "");
            return new Assertion(name, strength(name), key, locals.norm(args.get(1)), expected, shown, line(call));
        }
        if (name.equals("assertThrows") || name.equals("assertThrowsExactly")) {
            return new Assertion("throws", Strength.STRONG, key, args.size() > 1 ? locals.norm(args.get(1)) : "",
                    args.isEmpty() ? null : locals.norm(args.get(0)), shown, line(call));
        }
        if ((name.startsWith("assertTimeout") || name.equals("assertInstanceOf")) && args.size() >= 2) {
            return new Assertion(name, strength(name), key, locals.norm(args.get(1)), locals.norm(args.get(0)),
                    shown, line(call));
        }
        if (CONDITION.contains(name) && !args.isEmpty()) {
            Expression condition = args.get(0);
            return new Assertion(name, strength(name), key, locals.norm(condition),
                    locals.literalsIn(List.of(condition)), shown, line(call));
        }
        String subject = args.stream().map(locals::norm).collect(Collectors.joining(", "));
        return new Assertion(name, strength(name), key, subject, locals.literalsIn(args), shown, line(call));
    }

    private Assertion hamcrest(MethodCallExpr call) {
        var args = call.getArguments();
        Expression actual = args.get(args.size() - 2);
        Expression matcher = args.get(args.size() - 1);
        String kind = "matcher";
        Expression expected = matcher;
        if (matcher instanceof MethodCallExpr m) {
            kind = m.getNameAsString();
            if (kind.equals("is") && m.getArguments().size() == 1
                    && m.getArgument(0) instanceof MethodCallExpr inner) {
                kind = inner.getNameAsString();
                m = inner;
            }
            expected = m.getArguments().isEmpty() ? null : m.getArgument(0);
            if (m.getArguments().size() > 1) {
                expected = matcher;
            }
        }
        Strength strength = AssertjChain.matcherStrength(kind);
        return new Assertion("assertThat:" + kind, strength, locals.norm(call), locals.norm(actual),
                expected == null ? null : locals.norm(expected), JavaLocals.shown(call), line(call));
    }

    private Assertion verify(MethodCallExpr call, String name) {
        MethodCallExpr top = call.getParentNode().orElse(null) instanceof MethodCallExpr p
                && p.getScope().orElse(null) == call ? p : call;
        var args = call.getArguments();
        String subject = args.isEmpty() ? "" : locals.norm(args.get(0));
        String expected = args.size() > 1 ? locals.norm(args.get(1)) : null;
        if (top != call) {
            subject += "." + top.getNameAsString();
            String verified = top.getArguments().stream().map(locals::norm).collect(Collectors.joining(", "));
            expected = (expected == null ? "times(1)" : expected) + " with (" + verified + ")";
        }
        return new Assertion(name, Strength.NEUTRAL, locals.norm(top), subject, expected, JavaLocals.shown(top),
                line(call));
    }

    /**
     * Drops the failure message when there are more arguments than the check needs: JUnit 5 puts it last (a string
     * or a supplier), JUnit 4 first.
     */
    static List<Expression> withoutMessage(List<Expression> args, int needed) {
        if (needed < 1 || args.size() <= needed) {
            return args;
        }
        if (isMessage(args.get(args.size() - 1))) {
            return args.subList(0, args.size() - 1);
        }
        return args.get(0) instanceof StringLiteralExpr ? args.subList(1, args.size()) : args;
    }

    private static boolean isMessage(Expression e) {
        return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr
                || e instanceof LambdaExpr l && l.getParameters().isEmpty()
                || e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                && (b.getLeft() instanceof StringLiteralExpr || b.getRight() instanceof StringLiteralExpr);
    }

    private static Strength strength(String kind) {
        return STRONG.contains(kind) ? Strength.STRONG : WEAK.contains(kind) ? Strength.WEAK : Strength.NEUTRAL;
    }

    /** A call further along a chain whose start is an AssertJ-style {@code assertThat...(x)}. */
    private static boolean isChainLink(MethodCallExpr call) {
        MethodCallExpr bottom = call;
        while (bottom.getScope().orElse(null) instanceof MethodCallExpr inner) {
            bottom = inner;
        }
        return bottom != call && bottom.getNameAsString().startsWith("assertThat");
    }

    static MethodCallExpr topOfChain(MethodCallExpr call) {
        MethodCallExpr top = call;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top) {
            top = p;
        }
        return top;
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(0);
    }
}

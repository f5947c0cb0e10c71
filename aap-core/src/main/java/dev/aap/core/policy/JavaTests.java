package dev.aap.core.policy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Marker;
import dev.aap.core.policy.TestSummary.Scope;
import dev.aap.core.policy.TestSummary.Strength;
import dev.aap.core.policy.TestSummary.TestCase;
import dev.aap.core.policy.TestSummary.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Summarizes a Java test file from JavaParser's tree: JUnit 5, JUnit 4 and JUnit 3 tests. */
final class JavaTests {

    /** No validators: the guard needs the tree, not a verdict on the language level. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)));
    private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest",
            "TestFactory", "TestTemplate");
    private static final Map<String, Double> UNIT_SECONDS = Map.of("NANOSECONDS", 1e-9, "MICROSECONDS", 1e-6,
            "MILLISECONDS", 1e-3, "SECONDS", 1.0, "MINUTES", 60.0, "HOURS", 3600.0, "DAYS", 86400.0);

    private final List<Scope> scopes = new ArrayList<>();
    private final Map<String, TestCase> tests = new LinkedHashMap<>();
    private final Map<String, Integer> helpers = new HashMap<>();

    private JavaTests() {
    }

    /** The file's tests, or empty when the text does not parse; a null text is a deleted file with no tests. */
    static Optional<TestSummary> summarize(String text) {
        var out = new JavaTests();
        if (text != null) {
            ParseResult<CompilationUnit> result = PARSER.get().parse(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                return Optional.empty();
            }
            result.getResult().get().getTypes().forEach(t -> out.visit(t, ""));
        }
        return Optional.of(new TestSummary(out.scopes, List.copyOf(out.tests.values()), out.helpers));
    }

    private void visit(TypeDeclaration<?> type, String outer) {
        String scope = outer.isEmpty() ? type.getNameAsString() : outer + "." + type.getNameAsString();
        scopes.add(new Scope(scope, JavaAssertions.line(type.getName()), skips(type.getAnnotations()),
                timeout(type.getAnnotations())));
        boolean junit3 = type instanceof ClassOrInterfaceDeclaration c
                && c.getExtendedTypes().stream().anyMatch(t -> t.getNameAsString().equals("TestCase"));
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof MethodDeclaration m) {
                String name = m.getNameAsString();
                String key = scope + "." + name;
                for (int n = 2; tests.containsKey(key) || helpers.containsKey(key); n++) {
                    name = m.getNameAsString() + "#" + n;
                    key = scope + "." + name;
                }
                if (isTest(m, junit3)) {
                    tests.put(key, testCase(m, scope, name));
                } else {
                    helpers.put(key, JavaAssertions.line(m.getName()));
                }
            } else if (member instanceof TypeDeclaration<?> inner) {
                visit(inner, scope);
            }
        }
    }

    private static boolean isTest(MethodDeclaration m, boolean junit3) {
        if (m.getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(simpleName(a)))) {
            return true;
        }
        return junit3 && m.isPublic() && !m.isStatic() && m.getNameAsString().startsWith("test")
                && m.getParameters().isEmpty() && m.getType().isVoidType();
    }

    private static TestCase testCase(MethodDeclaration m, String scope, String name) {
        JavaAssertions found = JavaAssertions.of(m);
        var assertions = new ArrayList<Assertion>();
        var skips = new ArrayList<>(skips(m.getAnnotations()));
        skips.addAll(found.assumptions());
        expectedException(m).ifPresent(assertions::add);
        assertions.addAll(ParameterRows.of(m.getAnnotations()));
        assertions.addAll(found.assertions());
        int lastAssertion = assertions.stream().mapToInt(Assertion::line).max().orElse(0);
        List<Integer> early = m.findAll(ReturnStmt.class).stream()
                .filter(r -> ownedBy(r, m))
                .map(JavaAssertions::line)
                .filter(line -> line < lastAssertion)
                .sorted()
                .toList();
        return new TestCase(scope, name, JavaAssertions.line(m.getName()), assertions, skips, timeout(m.getAnnotations()),
                early);
    }

    /** A return of the test itself, not of a lambda or a class declared inside it. */
    private static boolean ownedBy(Node n, MethodDeclaration m) {
        for (Node p = n.getParentNode().orElse(null); p != null && p != m; p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr || p instanceof ObjectCreationExpr || p instanceof LocalClassDeclarationStmt) {
                return false;
            }
        }
        return true;
    }

    /** JUnit 4's {@code @Test(expected = X.class)} is a check that X is thrown. */
    private static Optional<Assertion> expectedException(MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) {
            if (simpleName(a).equals("Test") && a instanceof NormalAnnotationExpr n) {
                for (MemberValuePair p : n.getPairs()) {
                    if (p.getNameAsString().equals("expected")) {
                        String type = JavaLocals.print(p.getValue());
                        return Optional.of(new Assertion("throws", Strength.STRONG, "@Test(expected = " + type + ")",
                                "", type, JavaLocals.shown(a), JavaAssertions.line(a)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Marker> skips(NodeList<AnnotationExpr> annotations) {
        var out = new ArrayList<Marker>();
        for (AnnotationExpr a : annotations) {
            String name = simpleName(a);
            if (name.equals("Disabled") || name.equals("Ignore")) {
                out.add(new Marker("@" + name, JavaLocals.shown(a), JavaAssertions.line(a)));
            } else if (name.matches("(Enabled|Disabled)(If|On|For).*")) {
                out.add(new Marker(JavaLocals.print(a), JavaLocals.shown(a), JavaAssertions.line(a)));
            }
        }
        return out;
    }

    /** JUnit 5's {@code @Timeout} (seconds unless a unit is given) or JUnit 4's {@code @Test(timeout = ms)}. */
    private static Timeout timeout(NodeList<AnnotationExpr> annotations) {
        for (AnnotationExpr a : annotations) {
            String name = simpleName(a);
            if (name.equals("Timeout") && a instanceof SingleMemberAnnotationExpr s) {
                return new Timeout(scaled(s.getMemberValue(), 1.0), JavaLocals.shown(a), JavaAssertions.line(a));
            }
            if (name.equals("Timeout") && a instanceof NormalAnnotationExpr n) {
                Expression value = member(n, "value");
                Expression unit = member(n, "unit");
                Double scale = unit == null ? Double.valueOf(1.0) : UNIT_SECONDS.get(lastName(unit));
                return new Timeout(value == null || scale == null ? null : scaled(value, scale), JavaLocals.shown(a),
                        JavaAssertions.line(a));
            }
            if (name.equals("Test") && a instanceof NormalAnnotationExpr n && member(n, "timeout") != null) {
                return new Timeout(scaled(member(n, "timeout"), 1e-3), JavaLocals.shown(a), JavaAssertions.line(a));
            }
        }
        return null;
    }

    private static Expression member(NormalAnnotationExpr n, String name) {
        return n.getPairs().stream().filter(p -> p.getNameAsString().equals(name)).findFirst()
                .map(MemberValuePair::getValue).orElse(null);
    }

    static Double scaled(Expression value, double scale) {
        if (!(value instanceof LiteralStringValueExpr lit) || value.isStringLiteralExpr() || value.isCharLiteralExpr()
                || value.isTextBlockLiteralExpr()) {
            return null;
        }
        try {
            String digits = lit.getValue().replace("_", "").replaceAll("[lLdDfF]$", "");
            return Double.parseDouble(digits) * scale;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String lastName(Expression e) {
        String s = e.toString();
        return s.substring(s.lastIndexOf('.') + 1);
    }

    private static String simpleName(AnnotationExpr a) {
        return a.getName().getIdentifier();
    }
}

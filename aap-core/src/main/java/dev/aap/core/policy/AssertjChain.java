package dev.aap.core.policy;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Strength;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One fluent {@code assertThat(actual).link().link()} chain, split into one assertion per checking link, so that
 * dropping {@code .isEqualTo(3)} from a longer chain counts as a removed check.
 */
final class AssertjChain {

    /** Links that only label the check; they are left out of its key. */
    private static final Set<String> DESCRIPTIONS = Set.of("as", "describedAs", "withFailMessage",
            "overridingErrorMessage", "withRepresentation", "withThreadDumpOnError", "inHexadecimal", "inBinary");
    /** Links that move to another value under test or change how it is compared; they belong to the subject. */
    private static final Set<String> NAVIGATION = Set.of("extracting", "flatExtracting", "extractingResultOf",
            "element", "elements", "first", "last", "singleElement", "asString", "asList", "asInstanceOf",
            "isThrownBy", "map", "flatMap", "get", "cause", "rootCause", "message", "succeedsWithin");
    private static final Set<String> STRONG = Set.of("isEqualTo", "isSameAs", "containsExactly",
            "containsExactlyInAnyOrder", "containsExactlyElementsOf", "containsExactlyInAnyOrderElementsOf",
            "containsOnly", "containsOnlyOnce", "isEqualToIgnoringCase", "isEqualToIgnoringWhitespace",
            "isEqualToNormalizingNewlines", "isEqualToComparingFieldByField", "isEqualByComparingTo", "hasSize",
            "isEmpty", "isNull", "hasMessage", "withMessage", "isExactlyInstanceOf", "isCloseTo", "hasValue",
            "containsEntry", "isZero", "isOne", "throws",
            // Hamcrest matchers, for assertThat(actual, matcher)
            "equalTo", "is", "sameInstance", "contains", "containsInAnyOrder", "closeTo", "nullValue",
            "arrayContaining", "arrayWithSize", "empty", "emptyString", "emptyIterable", "hasEntry");
    private static final Set<String> WEAK = Set.of("isNotNull", "isNotEmpty", "isNotBlank", "isNotEqualTo",
            "isNotSameAs", "isTrue", "isFalse", "isPositive", "isNegative", "isNotNegative", "isNotPositive",
            "isNotZero", "isGreaterThan", "isGreaterThanOrEqualTo", "isLessThan", "isLessThanOrEqualTo",
            "hasSizeGreaterThan", "hasSizeGreaterThanOrEqualTo", "hasSizeLessThan", "hasSizeLessThanOrEqualTo",
            "isPresent", "doesNotThrowAnyException", "isNotInstanceOf", "isNotIn",
            "notNullValue", "not", "anything", "greaterThan", "greaterThanOrEqualTo", "lessThan",
            "lessThanOrEqualTo", "instanceOf", "any", "isA");

    private final JavaLocals locals;
    private final MethodCallExpr root;

    AssertjChain(JavaLocals locals, MethodCallExpr root) {
        this.locals = locals;
        this.root = root;
    }

    static Strength matcherStrength(String name) {
        return STRONG.contains(name) ? Strength.STRONG : WEAK.contains(name) ? Strength.WEAK : Strength.NEUTRAL;
    }

    List<Assertion> links() {
        var out = new ArrayList<Assertion>();
        String rootName = root.getNameAsString();
        String expectedType = thrownType(rootName);
        String subject = root.getArguments().size() == 1 && expectedType == null
                ? locals.norm(root.getArgument(0)) : "";
        String key = locals.norm(root);
        String shown = JavaLocals.shown(root);
        MethodCallExpr link = root;
        while (link.getParentNode().orElse(null) instanceof MethodCallExpr next && next.getScope().orElse(null) == link) {
            link = next;
            String name = link.getNameAsString();
            if (DESCRIPTIONS.contains(name)) {
                continue;
            }
            String argsNorm = link.getArguments().stream().map(locals::norm).collect(Collectors.joining(", "));
            String argsShown = link.getArguments().stream().map(JavaLocals::shown).collect(Collectors.joining(", "));
            String part = "." + name + "(" + argsNorm + ")";
            String partShown = "." + name + "(" + argsShown + ")";
            if (NAVIGATION.contains(name) || name.startsWith("using") || name.startsWith("ignoring")
                    || name.startsWith("filteredOn") || name.startsWith("extracting")) {
                subject = name.equals("isThrownBy") ? argsNorm : subject + part;
                key += part;
                shown += partShown;
                continue;
            }
            int line = JavaAssertions.line(link.getName());
            out.add(new Assertion(name, matcherStrength(name), key + part, subject,
                    argsNorm.isEmpty() ? null : argsNorm, shown + partShown, line));
        }
        if (expectedType != null) {
            // the subject is known only once isThrownBy(...) has been read
            out.add(0, new Assertion("throws", Strength.STRONG, locals.norm(root), subject, expectedType,
                    JavaLocals.shown(root), JavaAssertions.line(root)));
        }
        return out;
    }

    /** The expected exception of {@code assertThatExceptionOfType(X.class)} or {@code assertThatXException()}. */
    private String thrownType(String rootName) {
        if (rootName.equals("assertThatExceptionOfType") && root.getArguments().size() == 1) {
            return locals.norm(root.getArgument(0));
        }
        if (rootName.endsWith("Exception") && root.getArguments().isEmpty()) {
            return rootName.substring("assertThat".length()) + ".class";
        }
        return null;
    }
}

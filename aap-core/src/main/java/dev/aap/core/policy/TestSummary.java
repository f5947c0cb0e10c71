package dev.aap.core.policy;

import java.util.List;
import java.util.Map;

/**
 * What the integrity guard knows about one version of a test file, the same shape for every language: the Java
 * extractor builds it from JavaParser's tree, the Python one reads it as JSON from {@code pytests.py}.
 *
 * @param scopes  classes (and, for Python, the module as {@code ""}) whose skips and time limits apply to the
 *                tests inside them
 * @param tests   the tests, each once (for Python the last definition of a name, the one pytest runs)
 * @param helpers methods and functions that are not tests, by qualified name, with their line
 */
record TestSummary(List<Scope> scopes, List<TestCase> tests, Map<String, Integer> helpers) {

    TestSummary {
        scopes = List.copyOf(scopes);
        tests = List.copyOf(tests);
        helpers = Map.copyOf(helpers);
    }

    /** How much an assertion pins down: replacing a strong one by a weak one is a weakening. */
    enum Strength { STRONG, NEUTRAL, WEAK }

    /** A class or module; {@code name} is dotted for nested classes, {@code ""} for a Python module. */
    record Scope(String name, int line, List<Marker> skips, Timeout timeout) {
        Scope {
            skips = skips == null ? List.of() : List.copyOf(skips);
        }
    }

    /**
     * One test.
     *
     * @param scope        enclosing scope name, {@code ""} at module level
     * @param earlyReturns lines of {@code return} statements that come before the test's last assertion
     */
    record TestCase(String scope, String name, int line, List<Assertion> assertions, List<Marker> skips,
                    Timeout timeout, List<Integer> earlyReturns) {
        TestCase {
            assertions = assertions == null ? List.of() : List.copyOf(assertions);
            skips = skips == null ? List.of() : List.copyOf(skips);
            earlyReturns = earlyReturns == null ? List.of() : List.copyOf(earlyReturns);
        }

        String qualified() {
            return scope.isEmpty() ? name : scope + "." + name;
        }
    }

    /**
     * One check in a test.
     *
     * @param kind     what sort of check ({@code assertEquals}, {@code isEqualTo}, {@code assert ==}); only checks of
     *                 one kind have comparable expected values
     * @param key      the whole check, normalized (locals renamed by order, locals bound once to a literal inlined,
     *                 whitespace and comments gone); equal keys are the same check
     * @param subject  the value under test, normalized; pairs a changed check with its old version
     * @param expected the expected value or the literals the check compares with, normalized; null when none
     * @param shown    the check as written, for messages
     */
    record Assertion(String kind, Strength strength, String key, String subject, String expected, String shown,
                     int line) {
        Assertion {
            subject = subject == null ? "" : subject;
        }
    }

    /**
     * Something that skips a test: an annotation or decorator, an assumption or a skip call.
     *
     * @param key what is compared; an unconditional skip is keyed by its name alone so that editing its reason is
     *            not a new skip
     */
    record Marker(String key, String text, int line) {
    }

    /** A time limit; {@code seconds} is null when it is not a literal the guard can read. */
    record Timeout(Double seconds, String text, int line) {
    }
}

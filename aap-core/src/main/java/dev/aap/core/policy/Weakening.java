package dev.aap.core.policy;

import dev.aap.core.policy.TestIntegrity.Finding;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Marker;
import dev.aap.core.policy.TestSummary.Scope;
import dev.aap.core.policy.TestSummary.TestCase;
import dev.aap.core.policy.TestSummary.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two summaries of one test file: matches each old test with its new version (by name, then by simple
 * name when it moved to another class, then by identical checks when it was renamed) and reports every way the new
 * version checks less.
 */
final class Weakening {

    private final String file;
    private final TestSummary before;
    private final TestSummary after;
    private final boolean deleted;
    private final List<Finding> out = new ArrayList<>();
    /** Skips and time limits set on a class hit all its tests: one finding per cause, naming every test. */
    private final Map<String, Group> groups = new LinkedHashMap<>();

    private Weakening(String file, TestSummary before, TestSummary after, boolean deleted) {
        this.file = file;
        this.before = before;
        this.after = after;
        this.deleted = deleted;
    }

    static List<Finding> compare(String file, TestSummary before, TestSummary after, boolean deleted) {
        var w = new Weakening(file, before, after, deleted);
        w.run();
        return w.out.stream().sorted(Comparator.comparingInt(Finding::line).thenComparing(Finding::rule)).toList();
    }

    private void run() {
        var pending = new ArrayList<>(after.tests());
        var matched = new LinkedHashMap<TestCase, TestCase>();
        var unmatched = new ArrayList<>(before.tests());
        match(unmatched, pending, matched, (b, a) -> a.qualified().equals(b.qualified()));
        match(unmatched, pending, matched, (b, a) -> a.name().equals(b.name())
                && unmatched.stream().filter(o -> o.name().equals(b.name())).count() == 1
                && pending.stream().filter(o -> o.name().equals(b.name())).count() == 1);
        match(unmatched, pending, matched, (b, a) -> !b.assertions().isEmpty() && keys(b).equals(keys(a)));
        unmatched.forEach(this::removed);
        matched.forEach((b, a) -> {
            AssertionDiff.compare(file, b, a, out);
            skips(b, a);
            earlyReturns(b, a);
            timeouts(b, a);
        });
        groups.values().forEach(g -> out.add(g.finding(file)));
    }

    private static void match(List<TestCase> unmatched, List<TestCase> pending, Map<TestCase, TestCase> matched,
                              BiPredicate<TestCase, TestCase> fits) {
        for (TestCase b : List.copyOf(unmatched)) {
            for (TestCase a : pending) {
                if (fits.test(b, a)) {
                    matched.put(b, a);
                    unmatched.remove(b);
                    pending.remove(a);
                    break;
                }
            }
        }
    }

    private static Map<String, Long> keys(TestCase t) {
        return t.assertions().stream().collect(Collectors.groupingBy(Assertion::key, Collectors.counting()));
    }

    private void removed(TestCase b) {
        Integer demotedAt = after.helpers().get(b.qualified());
        if (demotedAt != null) {
            out.add(new Finding(file, demotedAt, TestIntegrity.TEST_REMOVED, "`" + b.qualified() + "` is no longer "
                    + "a test (its test annotation or name was changed); make it a test again"));
            return;
        }
        String how = deleted ? "was deleted with its file" : "was removed";
        out.add(new Finding(file, b.line(), TestIntegrity.TEST_REMOVED, "test `" + b.qualified() + "` " + how
                + " (it was at line " + b.line() + " before this change); tests may not be deleted: restore it and "
                + "change the code under test instead"));
    }

    private void skips(TestCase b, TestCase a) {
        var counts = new HashMap<String, Integer>();
        effectiveSkips(before, b).forEach(m -> counts.merge(m.key(), 1, Integer::sum));
        for (Marker m : effectiveSkips(after, a)) {
            if (counts.getOrDefault(m.key(), 0) > 0) {
                counts.merge(m.key(), -1, Integer::sum);
                continue;
            }
            group(TestIntegrity.SKIP_ADDED, m.line(), m.text(), a, tests -> "`" + m.text() + "` is new and can "
                    + "skip " + tests + "; remove it: a skipped test checks nothing");
        }
    }

    private void earlyReturns(TestCase b, TestCase a) {
        if (a.earlyReturns().size() > b.earlyReturns().size()) {
            int line = a.earlyReturns().get(b.earlyReturns().size());
            out.add(new Finding(file, line, TestIntegrity.SKIP_ADDED, "test `" + a.qualified() + "` now returns at "
                    + "line " + line + " before its assertions run; remove the early return"));
        }
    }

    private void timeouts(TestCase b, TestCase a) {
        Limit was = effectiveTimeout(before, b);
        Limit now = effectiveTimeout(after, a);
        if (was == null) {
            return;
        }
        if (now == null) {
            int line = was.scope() == null ? a.line() : scopeLine(after, was.scope(), a.line());
            group(TestIntegrity.TIMEOUT_RAISED, line, "removed " + was.timeout().text(), a, tests -> "the time limit `"
                    + was.timeout().text() + "` of " + tests + " was removed; keep it and make the code fast enough");
            return;
        }
        Double s0 = was.timeout().seconds();
        Double s1 = now.timeout().seconds();
        boolean raised = s0 != null && s1 != null ? s1 > s0 : !was.timeout().text().equals(now.timeout().text());
        if (raised) {
            group(TestIntegrity.TIMEOUT_RAISED, now.timeout().line(), was.timeout().text(), a, tests -> "the time "
                    + "limit of " + tests + " was raised from `" + was.timeout().text() + "` to `"
                    + now.timeout().text() + "`; keep the original limit and make the code fast enough");
        }
    }

    private record Limit(Timeout timeout, String scope) {
    }

    /** The test's own time limit, else the innermost enclosing one; {@code scope} is null for the test's own. */
    private static Limit effectiveTimeout(TestSummary s, TestCase t) {
        if (t.timeout() != null) {
            return new Limit(t.timeout(), null);
        }
        List<Scope> chain = scopes(s, t);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).timeout() != null) {
                return new Limit(chain.get(i).timeout(), chain.get(i).name());
            }
        }
        return null;
    }

    private static List<Marker> effectiveSkips(TestSummary s, TestCase t) {
        var all = new ArrayList<Marker>();
        scopes(s, t).forEach(scope -> all.addAll(scope.skips()));
        all.addAll(t.skips());
        return all;
    }

    /** Enclosing scopes, outermost first (the Python module is {@code ""}). */
    private static List<Scope> scopes(TestSummary s, TestCase t) {
        Map<String, Scope> byName = s.scopes().stream()
                .collect(Collectors.toMap(Scope::name, x -> x, (x, y) -> x));
        var chain = new ArrayList<Scope>();
        if (byName.containsKey("")) {
            chain.add(byName.get(""));
        }
        String[] parts = t.scope().isEmpty() ? new String[0] : t.scope().split("\\.");
        for (int i = 1; i <= parts.length; i++) {
            Scope sc = byName.get(String.join(".", Arrays.copyOfRange(parts, 0, i)));
            if (sc != null) {
                chain.add(sc);
            }
        }
        return chain;
    }

    private static int scopeLine(TestSummary s, String scope, int fallback) {
        return s.scopes().stream().filter(x -> x.name().equals(scope)).findFirst().map(Scope::line).orElse(fallback);
    }

    private void group(String rule, int line, String cause, TestCase test, Function<String, String> reason) {
        groups.computeIfAbsent(rule + "|" + line + "|" + cause, k -> new Group(rule, line, reason))
                .tests.add(test.qualified());
    }

    private record Group(String rule, int line, Function<String, String> reason, List<String> tests) {
        Group(String rule, int line, Function<String, String> reason) {
            this(rule, line, reason, new ArrayList<>());
        }

        Finding finding(String file) {
            String names = tests.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
            return new Finding(file, line, rule, reason.apply((tests.size() == 1 ? "test " : "tests ") + names));
        }
    }
}

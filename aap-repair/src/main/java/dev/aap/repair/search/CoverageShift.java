package dev.aap.repair.search;

import dev.aap.repair.localize.TestCoverage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How much a patch changes what the passing tests execute: the number of passing tests whose covered lines differ,
 * with the patched file's lines mapped over the patch's line shift so that moved lines do not count as changed.
 */
final class CoverageShift {

    private CoverageShift() {
    }

    /**
     * Passing tests (of {@code before}) whose coverage differs in {@code after}; a test missing from {@code after} or
     * failing there counts as changed.
     */
    static int changedTests(List<TestCoverage> before, List<TestCoverage> after, String file, String original,
                            String patched) {
        Map<String, TestCoverage> byId = new HashMap<>();
        after.forEach(t -> byId.put(t.testId(), t));
        int changed = 0;
        for (TestCoverage b : before) {
            if (!b.passed()) {
                continue;
            }
            TestCoverage a = byId.get(b.testId());
            if (a == null || !a.passed() || !same(b.lines(), a.lines(), file, original, patched)) {
                changed++;
            }
        }
        return changed;
    }

    private static boolean same(Map<String, Set<Integer>> before, Map<String, Set<Integer>> after, String file,
                                String original, String patched) {
        var files = new TreeSet<>(before.keySet());
        files.addAll(after.keySet());
        for (String f : files) {
            Set<Integer> b = before.getOrDefault(f, Set.of());
            Set<Integer> a = after.getOrDefault(f, Set.of());
            if (f.equals(file) ? !map(b, original, patched).equals(map(a, patched, patched)) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lines of {@code text} in the patched file's numbering; lines of the changed middle all become one marker (0),
     * since the patch rewrites them and only whether any of them ran can be compared.
     */
    private static Set<Integer> map(Set<Integer> lines, String text, String patched) {
        LineDiff.Middle m = LineDiff.middle(text, patched);
        String[] a = m.before();
        String[] b = m.after();
        int prefix = m.prefix();
        int suffix = m.suffix();
        var out = new TreeSet<Integer>();
        for (int l : lines) {
            if (l <= prefix) {
                out.add(l);
            } else if (l > a.length - suffix) {
                out.add(l + b.length - a.length);
            } else {
                out.add(0);
            }
        }
        return out;
    }
}

package dev.aap.core.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The share of the lines a patch adds or changes in non-test sources that the tests executed; reviewers and the
 * risk score read it, the coverage policy holds it to a threshold. Lines without code (blank, comments, lone braces)
 * are not coverable; with no coverable line at all, or when nothing could be measured, it is n/a with a reason.
 *
 * @param percent   covered / coverable × 100 rounded down, or null when n/a
 * @param covered   coverable changed lines the tests executed
 * @param coverable changed lines that hold code
 * @param uncovered per repository-relative file, the coverable changed lines not executed, ascending
 * @param reason    why it is n/a, or null when measured
 */
public record DiffCoverage(Integer percent, int covered, int coverable, Map<String, List<Integer>> uncovered,
                           String reason) {

    public DiffCoverage {
        if (covered < 0 || covered > coverable) {
            throw new IllegalArgumentException("covered " + covered + " of " + coverable);
        }
        if ((percent == null) != (reason != null)) {
            throw new IllegalArgumentException("exactly one of percent and reason: " + percent + ", " + reason);
        }
        var copy = new LinkedHashMap<String, List<Integer>>();
        (uncovered == null ? Map.<String, List<Integer>>of() : uncovered).forEach((f, l) -> copy.put(f,
                List.copyOf(l)));
        uncovered = java.util.Collections.unmodifiableMap(copy);
    }

    /** What the tests executed; n/a ("no changed line holds code") when {@code coverable} is 0. */
    public static DiffCoverage measured(int covered, int coverable, Map<String, List<Integer>> uncovered) {
        if (coverable == 0) {
            return unavailable("no changed line outside tests holds code");
        }
        var nonEmpty = new LinkedHashMap<String, List<Integer>>();
        uncovered.forEach((f, l) -> {
            if (!l.isEmpty()) {
                nonEmpty.put(f, l.stream().sorted().toList());
            }
        });
        return new DiffCoverage((int) (100L * covered / coverable), covered, coverable, nonEmpty, null);
    }

    public static DiffCoverage unavailable(String reason) {
        Objects.requireNonNull(reason, "reason");
        return new DiffCoverage(null, 0, 0, Map.of(), reason.strip().lines().findFirst().orElse("unknown"));
    }

    public boolean available() {
        return percent != null;
    }

    /** covered / coverable in 0..1 for the risk score, or null when n/a. */
    public Double ratio() {
        return available() ? (double) covered / coverable : null;
    }

    /** "85% (17/20 changed lines)" or "n/a (reason)", as pr.md shows it. */
    public String summary() {
        return available()
                ? String.format(Locale.ROOT, "%d%% (%d/%d changed lines)", percent, covered, coverable)
                : "n/a (" + reason + ")";
    }

    /** "A.java:12,14; b.py:3": the uncovered lines by file name, at most {@code max} lines in all. */
    public String uncoveredSummary(int max) {
        int[] left = {max};
        return uncovered.entrySet().stream().filter(e -> left[0] > 0).map(e -> {
            List<Integer> shown = e.getValue().stream().limit(left[0]).toList();
            left[0] -= shown.size();
            String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            return name + ":" + shown.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + (shown.size() < e.getValue().size() ? ",..." : "");
        }).collect(Collectors.joining("; "));
    }
}

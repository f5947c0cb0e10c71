package dev.aap.repair.localize;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which source lines one test executed, and whether it passed.
 *
 * @param testId test identifier ({@code pkg.Class#method} for Java, the pytest node id for Python)
 * @param passed whether the test passed
 * @param lines  project-relative source path ('/' separators) to the 1-based lines executed in it
 * @param millis how long the test ran while traced, or -1 when not measured
 */
public record TestCoverage(String testId, boolean passed, Map<String, Set<Integer>> lines, long millis) {

    public TestCoverage {
        var copy = new TreeMap<String, Set<Integer>>();
        lines.forEach((file, ls) -> copy.put(file, Set.copyOf(new TreeSet<>(ls))));
        lines = Map.copyOf(copy);
    }

    /** Coverage without a measured duration. */
    public TestCoverage(String testId, boolean passed, Map<String, Set<Integer>> lines) {
        this(testId, passed, lines, -1);
    }
}

package dev.aap.core.pipeline;

import java.util.List;
import java.util.Map;

/** What a strategy came back with. */
public sealed interface StrategyResult {

    Stats stats();

    /** Plausible patches, best first. */
    record Found(List<Solution> solutions, Stats stats) implements StrategyResult {

        public Found {
            solutions = List.copyOf(solutions);
            if (solutions.isEmpty()) {
                throw new IllegalArgumentException("Found needs at least one solution");
            }
        }
    }

    /** Nothing plausible within the budget; {@code reason} says why in one line. */
    record NotFound(String reason, Stats stats) implements StrategyResult {
    }

    /**
     * A plausible patch: the full new text of each changed file.
     *
     * @param files         project-relative path to new text
     * @param summary       one line for the commit subject, e.g. "replace '<' with '<=' in Pascal.java:14"
     * @param changedLines  lines changed
     * @param score         the strategy's confidence (suspiciousness × prior for search)
     * @param foundAtMillis run time when it was found
     * @param fixedTests    baseline-failing tests it makes pass
     */
    record Solution(Map<String, String> files, String summary, int changedLines, double score, long foundAtMillis,
                    List<String> fixedTests) {

        public Solution {
            files = Map.copyOf(files);
            fixedTests = List.copyOf(fixedTests);
        }
    }

    /**
     * Search effort.
     *
     * @param candidates         candidates generated
     * @param validated          candidates that reached the test runner
     * @param compiled           candidates that compiled and ran tests
     * @param validationMsMedian median validation time
     * @param firstPlausibleMs   run time of the first plausible patch, or -1
     */
    record Stats(int candidates, int validated, int compiled, long validationMsMedian, long firstPlausibleMs) {

        public static Stats none() {
            return new Stats(0, 0, 0, 0, -1);
        }
    }
}

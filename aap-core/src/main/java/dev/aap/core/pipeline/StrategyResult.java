package dev.aap.core.pipeline;

import dev.aap.core.integrate.Narrative;
import dev.aap.core.run.ModelUsage;

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

    /**
     * Nothing plausible within the budget; {@code reason} says why in one line. {@code suspicious} ranks the
     * locations the strategy suspected ({@code file:line}, most suspicious first), for a strategy that takes over.
     */
    record NotFound(String reason, Stats stats, List<String> suspicious) implements StrategyResult {

        public NotFound {
            suspicious = List.copyOf(suspicious);
        }

        public NotFound(String reason, Stats stats) {
            this(reason, stats, List.of());
        }
    }

    /** The strategy stopped on a guard that needs a person to look (e.g. an oversized edit); the run ends NEEDS_HUMAN. */
    record NeedsHuman(String reason, Stats stats) implements StrategyResult {
    }

    /**
     * The issue leaves questions open that the change depends on (the Spec-Refiner's blocking questions): the run
     * asks them and ends NEEDS_INPUT instead of guessing.
     */
    record NeedsInput(List<String> questions, Stats stats) implements StrategyResult {

        public NeedsInput {
            questions = List.copyOf(questions);
        }
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
     * @param notes         the strategy's own account of the change (e.g. an LLM critic's review), or empty
     */
    record Solution(Map<String, String> files, String summary, int changedLines, double score, long foundAtMillis,
                    List<String> fixedTests, Narrative notes) {

        public Solution {
            files = Map.copyOf(files);
            fixedTests = List.copyOf(fixedTests);
            notes = notes == null ? Narrative.none() : notes;
        }

        public Solution(Map<String, String> files, String summary, int changedLines, double score,
                        long foundAtMillis, List<String> fixedTests) {
            this(files, summary, changedLines, score, foundAtMillis, fixedTests, Narrative.none());
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
     * @param usage              model calls, tokens and cost (none for the offline brain)
     * @param attempts           one line per independent attempt of the llm brain ("2: STUCK (...)"), or empty
     */
    record Stats(int candidates, int validated, int compiled, long validationMsMedian, long firstPlausibleMs,
                 ModelUsage usage, List<String> attempts) {

        public Stats {
            usage = usage == null ? ModelUsage.none() : usage;
            attempts = attempts == null ? List.of() : List.copyOf(attempts);
        }

        public Stats(int candidates, int validated, int compiled, long validationMsMedian, long firstPlausibleMs,
                     ModelUsage usage) {
            this(candidates, validated, compiled, validationMsMedian, firstPlausibleMs, usage, List.of());
        }

        /** The same effort with the attempts recorded and the usage replaced by the run's total. */
        public Stats withAttempts(List<String> lines, ModelUsage total) {
            return new Stats(candidates, validated, compiled, validationMsMedian, firstPlausibleMs, total, lines);
        }

        public Stats(int candidates, int validated, int compiled, long validationMsMedian, long firstPlausibleMs) {
            this(candidates, validated, compiled, validationMsMedian, firstPlausibleMs, ModelUsage.none());
        }

        public static Stats none() {
            return new Stats(0, 0, 0, 0, -1);
        }

        /** Effort of two strategies run one after the other. */
        public Stats plus(Stats o) {
            long first = firstPlausibleMs >= 0 ? firstPlausibleMs : o.firstPlausibleMs;
            var lines = new java.util.ArrayList<>(attempts);
            lines.addAll(o.attempts);
            return new Stats(candidates + o.candidates, validated + o.validated, compiled + o.compiled,
                    Math.max(validationMsMedian, o.validationMsMedian), first, usage.plus(o.usage), lines);
        }
    }
}

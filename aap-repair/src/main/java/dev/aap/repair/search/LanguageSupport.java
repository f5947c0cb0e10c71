package dev.aap.repair.search;

import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.CandidateValidator;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** What the search loop needs from one language: coverage, candidates and a fast validator. */
interface LanguageSupport extends AutoCloseable {

    /**
     * Per-test line coverage of every test. Implementations may trace only some of the tests that fail at baseline
     * (they tend to be the slow ones, e.g. timeouts) and report the rest as failing with no lines.
     */
    List<TestCoverage> coverage(java.util.Set<String> baselineFailing);

    /** Candidates for the given suspicious lines of one source file. */
    List<Candidate> candidates(String file, String source, Set<Integer> lines);

    /** Whether a project-relative path is production source this engine may change (not a test). */
    boolean isRepairable(String file);

    /** Independent validators that may run candidates at the same time (at least one). */
    List<CandidateValidator> validators();

    /** Time one candidate may take before its worker is killed. */
    Duration candidateTimeout();

    /** Why a plausible patch looks overfitted ({@link AntiPatterns}), or null when it does not. */
    default String antiPattern(String file, String original, String patched, String operator,
                               AntiPatterns.Reach reach) {
        return AntiPatterns.classify(AntiPatterns.Language.of(file), file, original, patched, operator, reach,
                "python3");
    }

    /**
     * Per-test coverage of {@code tests} with the {@code changed} files in place, measured the way {@link #coverage}
     * measures the baseline; empty when this language cannot measure a patch.
     */
    default java.util.Optional<List<TestCoverage>> coverageWith(java.util.Map<String, String> changed,
                                                                List<String> tests) {
        return java.util.Optional.empty();
    }

    @Override
    void close();

    /** How many candidates to validate at once: {@code AAP_WORKERS}, else the processor count, at most 4. */
    static int parallelism() {
        String env = System.getenv("AAP_WORKERS");
        if (env != null && env.matches("[1-9][0-9]?")) {
            return Integer.parseInt(env);
        }
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}

package dev.aap.core.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the user asked for: which repository, which problem, how to check it, and how much to spend.
 *
 * @param repo           the user's repository (the project may sit in a subdirectory of it)
 * @param issue          issue text or goal; may be empty when a failing test is the whole task
 * @param testCommand    test command overriding detection, or null to detect
 * @param strategy       brain to use: {@code search} (more in later versions)
 * @param budget         wall time for the whole run
 * @param maxCandidates  stop after validating this many candidates
 * @param model          model setting for the {@code llm} brain ({@code provider:name}, fallbacks after commas), or null
 * @param baseUrl        model server address overriding the provider's default, or null
 * @param baseCommit     commit to start from instead of HEAD (replays), or null
 * @param targetTests    the failing tests to fix ({@code --target-test}); empty: every test failing at the base commit
 * @param allowTestEdits the user allows changes that weaken existing tests (the test integrity guard is lifted)
 */
public record Task(Path repo, String issue, String testCommand, String strategy, Duration budget, int maxCandidates,
                   String model, String baseUrl, String baseCommit, List<String> targetTests, boolean allowTestEdits) {

    /**
     * The heading under which a person's answers to a run's questions (NEEDS_INPUT) are appended to the issue text;
     * a task whose issue has it is not asked again.
     */
    public static final String ANSWERS = "Answers to aap's questions";

    public Task(Path repo, String issue, String testCommand, String strategy, Duration budget, int maxCandidates) {
        this(repo, issue, testCommand, strategy, budget, maxCandidates, null, null, null);
    }

    public Task(Path repo, String issue, String testCommand, String strategy, Duration budget, int maxCandidates,
                String model, String baseUrl, String baseCommit) {
        this(repo, issue, testCommand, strategy, budget, maxCandidates, model, baseUrl, baseCommit, List.of(), false);
    }

    public Task {
        Objects.requireNonNull(repo, "repo");
        issue = issue == null ? "" : issue;
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(budget, "budget");
        targetTests = targetTests == null ? List.of() : List.copyOf(targetTests);
        if (maxCandidates <= 0) {
            throw new IllegalArgumentException("maxCandidates must be positive");
        }
    }
}

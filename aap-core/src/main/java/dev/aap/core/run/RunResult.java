package dev.aap.core.run;

import java.util.List;

/**
 * The outcome of a run as written to {@code run.json} and printed by {@code --json} (snake_case field names).
 *
 * @param runId                 run id
 * @param status                final status
 * @param exitCode              the process exit code this outcome maps to
 * @param message               one line for humans
 * @param repo                  repository top level
 * @param baseCommit            commit the run started from
 * @param strategy              brain used
 * @param sandbox               sandbox used
 * @param buildTool             detected build tool
 * @param testCommand           the test command that decides
 * @param baselineTests         tests run at baseline
 * @param baselineMs            wall time of the baseline run of the project's test command
 * @param failingTests          tests failing at baseline
 * @param branch                branch created in the user's repository, or null
 * @param commit                commit on that branch, or null
 * @param patch                 the verified unified diff, or null
 * @param changedLines          changed lines of the patch (0 without one)
 * @param candidates            candidates generated
 * @param validated             candidates that reached the test runner
 * @param validationMsMedian    median validation time per candidate
 * @param firstPlausibleMs      run time when the first plausible patch was found, or null
 * @param seconds               wall time of the run
 * @param alternatives          other plausible patches (summary lines), at most 3
 * @param policyReasons         why the policy blocked the patch (empty when it passed)
 * @param runDir                where the artifacts are
 * @param usage                 model calls, tokens and cost
 * @param critic                the critic's verdict and points on the patch (llm brain), or null
 * @param taskKind              repair, issue or tdd (decided from the baseline), or null before it is known
 * @param tests                 what the base-commit and branch test runs showed about the change, or null
 * @param allowedTestEdits      changes to existing tests the test integrity guard would block, allowed by the user
 * @param attempts              the llm brain's independent attempts, one line each (empty with a single attempt)
 * @param questions             what the run needs answered before it can go on (NEEDS_INPUT), else empty
 * @param risk                  how much care the change needs from its reviewer (review step), or null
 * @param diffCoverage          share of the patch's changed source lines the verifying test run executed (review
 *                              step), or null before the review
 */
public record RunResult(String runId, RunStatus status, int exitCode, String message, String repo, String baseCommit,
                        String strategy, String sandbox, String buildTool, String testCommand, int baselineTests,
                        long baselineMs, List<String> failingTests, String branch, String commit, String patch, int changedLines,
                        int candidates, int validated, long validationMsMedian, Long firstPlausibleMs, double seconds,
                        List<String> alternatives, List<String> policyReasons, String runDir, ModelUsage usage,
                        Critic critic, String taskKind, TestEvidence tests, List<String> allowedTestEdits,
                        List<String> attempts, List<String> questions, dev.aap.core.policy.RiskScore risk,
                        dev.aap.core.coverage.DiffCoverage diffCoverage) {

    public RunResult {
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        policyReasons = policyReasons == null ? List.of() : List.copyOf(policyReasons);
        usage = usage == null ? ModelUsage.none() : usage;
        allowedTestEdits = allowedTestEdits == null ? List.of() : List.copyOf(allowedTestEdits);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** A model's review of the final diff, recorded beside the policy decision; it does not block by itself. */
    public record Critic(String verdict, List<String> notes) {

        public Critic {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }
}

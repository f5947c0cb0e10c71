package dev.aap.cli;

import dev.aap.core.run.ModelUsage;
import dev.aap.core.run.RunResult;

import java.util.List;

/**
 * One task's benchmark result: how the run ended, what the hidden tests said, and what the model cost.
 *
 * @param task             task name
 * @param language         java or python
 * @param kindExpected     the kind task.json expects
 * @param kind             the kind the run decided from the baseline, or null when it did not get that far
 * @param resolved         all FAIL_TO_PASS and all PASS_TO_PASS tests pass with the run's patch
 * @param status           the run's final status (SUCCEEDED, FAILED, NEEDS_HUMAN, ...) or ERROR
 * @param runId            the run's id (its record is in AAP_HOME/runs), or null
 * @param failToPassPassed FAIL_TO_PASS tests that passed
 * @param failToPassTotal  FAIL_TO_PASS tests of the task
 * @param passToPassPassed PASS_TO_PASS tests that passed, or null when the tests did not run (no patch)
 * @param passToPassTotal  PASS_TO_PASS tests of the task
 * @param modelCalls       model requests of the run
 * @param inputTokens      prompt tokens
 * @param outputTokens     completion tokens
 * @param costUsd          cost from the price table
 * @param priceKnown       false when some model had no price
 * @param seconds          wall time of the run
 * @param scoreSeconds     wall time of scoring
 * @param notPassing       the task's tests that did not pass with the patch
 * @param detail           the run's message, and why scoring did not run or what broke it
 */
record BenchTaskRow(String task, String language, String kindExpected, String kind, boolean resolved, String status,
                    String runId, int failToPassPassed, int failToPassTotal, Integer passToPassPassed,
                    int passToPassTotal, int modelCalls, long inputTokens, long outputTokens, double costUsd,
                    boolean priceKnown, double seconds, double scoreSeconds, List<String> notPassing, String detail) {

    BenchTaskRow {
        notPassing = List.copyOf(notPassing);
    }

    /** The row of a run (null when it ended in an error before recording anything) and its score. */
    static BenchTaskRow of(BenchTask t, RunResult r, String error, BenchTaskScore s, double seconds) {
        ModelUsage u = r == null ? ModelUsage.none() : r.usage();
        String status = error != null ? "ERROR" : r.status().name();
        String message = error != null ? error : r.message();
        String detail = firstLine(message) + (s.detail().isEmpty() ? "" : "; scoring: " + s.detail());
        return new BenchTaskRow(t.name(), t.language(), t.kindExpected(), r == null ? null : r.taskKind(),
                s.resolved(), status, r == null ? null : r.runId(), s.failToPassPassed(), s.failToPassTotal(),
                s.passToPassPassed(), s.passToPassTotal(), u.modelCalls(), u.inputTokens(), u.outputTokens(),
                u.costUsd(), u.priceKnown(), r == null ? seconds : r.seconds(), s.seconds(), s.notPassing(), detail);
    }

    String failToPass() {
        return failToPassPassed + "/" + failToPassTotal;
    }

    String passToPass() {
        return (passToPassPassed == null ? "-" : String.valueOf(passToPassPassed)) + "/" + passToPassTotal;
    }

    String oneLine() {
        return String.format("%s, run %s, fail-to-pass %s, pass-to-pass %s, %d model calls, %.1f s%s",
                resolved ? "RESOLVED" : "unresolved", status, failToPass(), passToPass(), modelCalls, seconds,
                resolved ? "" : " (" + detail + ")");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}

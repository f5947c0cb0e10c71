package dev.aap.cli;

import java.util.List;

/**
 * What the hidden tests said about one run's patch.
 *
 * @param ran              whether the tests ran (false: no patch, or it did not apply)
 * @param failToPassPassed FAIL_TO_PASS tests that passed
 * @param failToPassTotal  FAIL_TO_PASS tests of the task
 * @param passToPassPassed PASS_TO_PASS tests that passed, or null when the tests did not run
 * @param passToPassTotal  PASS_TO_PASS tests of the task
 * @param notPassing       the task's tests that did not pass, each with how it ended ({@code id: failed})
 * @param detail           why the tests did not run or what broke the whole run (does not compile), else empty
 * @param seconds          time spent scoring
 */
record BenchTaskScore(boolean ran, int failToPassPassed, int failToPassTotal, Integer passToPassPassed,
                      int passToPassTotal, List<String> notPassing, String detail, double seconds) {

    BenchTaskScore {
        notPassing = List.copyOf(notPassing);
        detail = detail == null ? "" : detail;
    }

    /** Unresolved without running anything: nothing to apply, or the patch does not apply. */
    static BenchTaskScore notRun(BenchTask task, String why, double seconds) {
        return new BenchTaskScore(false, 0, task.failToPass().size(), null, task.passToPass().size(), List.of(), why,
                seconds);
    }

    /** Every FAIL_TO_PASS and every PASS_TO_PASS test passed. */
    boolean resolved() {
        return ran && failToPassPassed == failToPassTotal && passToPassPassed != null
                && passToPassPassed == passToPassTotal;
    }
}

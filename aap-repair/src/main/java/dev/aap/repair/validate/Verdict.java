package dev.aap.repair.validate;

/**
 * The outcome of validating one candidate: it compiles and every test passes, or the first reason it does not.
 */
public sealed interface Verdict {

    /** Wall time spent on this candidate, compile included. */
    long millis();

    /** Every selected test passed. */
    record Plausible(int testsRun, long millis) implements Verdict {
    }

    /** The candidate does not compile (Java) or parse (Python); no test ran. */
    record CompileError(String message, long millis) implements Verdict {
    }

    /** A test failed, errored or hit its timeout; validation stopped there. */
    record TestFailed(String testId, String message, boolean timedOut, long millis) implements Verdict {
    }

    /** The test worker died or answered nonsense; it has been restarted. */
    record Crashed(String message, long millis) implements Verdict {
    }
}

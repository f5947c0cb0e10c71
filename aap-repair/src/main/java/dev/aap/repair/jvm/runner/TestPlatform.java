package dev.aap.repair.jvm.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bridge between the worker and the project's own JUnit Platform: it mentions JDK types only, so the worker
 * (which has no JUnit) and the runner (linked against the project's JUnit) can share it across class loaders.
 */
public interface TestPlatform {

    /** Every test in {@code testRoots}, as {@code fully.qualified.Class#method}, with classes from {@code loader}. */
    List<String> discover(ClassLoader loader, List<Path> testRoots);

    /**
     * Runs the given tests in one launcher request, with classes from {@code loader}.
     *
     * @param onTestStarted told the id of each test as it starts, so a hang can be attributed
     */
    Outcome run(ClassLoader loader, List<String> testIds, Consumer<String> onTestStarted);

    /**
     * What one run did.
     *
     * @param testsRun   tests that finished (passed or failed); skipped and aborted ones are not counted
     * @param failedTest the first test that failed, or null when none did
     * @param message    why it failed (exception type, message, where), or null
     * @param timedOut   whether the failure was a test-framework timeout
     * @param trace      the failure's stack (deduplicated, outermost cause first), empty when none failed; it
     *                   shows lines that ran even where coverage probes never fired (a block cut short by a throw)
     */
    record Outcome(int testsRun, String failedTest, String message, boolean timedOut, List<StackTraceElement> trace) {

        public Outcome {
            trace = List.copyOf(trace);
        }

        public boolean passed() {
            return failedTest == null;
        }
    }
}

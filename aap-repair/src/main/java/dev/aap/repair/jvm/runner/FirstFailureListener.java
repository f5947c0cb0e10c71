package dev.aap.repair.jvm.runner;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Counts finished tests and keeps the first failure, of a test or of a container (a failing @BeforeAll). */
final class FirstFailureListener implements TestExecutionListener {

    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_FRAMES = 200;
    private static final int MAX_CAUSES = 8;

    private final List<String> requested;
    private final Consumer<String> onTestStarted;
    private int testsRun;
    private String failedTest;
    private String message;
    private boolean timedOut;
    private List<StackTraceElement> trace = List.of();

    FirstFailureListener(List<String> requested, Consumer<String> onTestStarted) {
        this.requested = requested;
        this.onTestStarted = onTestStarted;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            JunitPlatformRunner.testId(id.getSource()).ifPresent(onTestStarted);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest() && result.getStatus() != TestExecutionResult.Status.ABORTED) {
            testsRun++;
        }
        if (result.getStatus() != TestExecutionResult.Status.FAILED || failedTest != null) {
            return;
        }
        failedTest = JunitPlatformRunner.testId(id.getSource())
                .or(() -> JunitPlatformRunner.className(id.getSource()).map(this::firstRequestedIn))
                .orElse(id.getDisplayName());
        Throwable t = result.getThrowable().orElse(null);
        message = t == null ? "failed without an exception" : describe(t);
        timedOut = t instanceof TimeoutException;
        trace = t == null ? List.of() : distinctFrames(t);
    }

    private String firstRequestedIn(String className) {
        return requested.stream().filter(r -> r.startsWith(className + "#")).findFirst().orElse(className);
    }

    TestPlatform.Outcome outcome() {
        return new TestPlatform.Outcome(testsRun, failedTest, message, timedOut, trace);
    }

    /** Frames of the exception and its causes, each once: a stack overflow repeats the same few thousands of times. */
    private static List<StackTraceElement> distinctFrames(Throwable t) {
        var frames = new LinkedHashSet<StackTraceElement>();
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_CAUSES && frames.size() < MAX_FRAMES; depth++, c = c.getCause()) {
            for (StackTraceElement frame : c.getStackTrace()) {
                if (!isFrameworkFrame(frame.getClassName())) {
                    frames.add(frame);
                }
            }
        }
        return List.copyOf(frames);
    }

    /** Exception type, its message (assertion libraries put expected and actual there) and the first project frame. */
    static String describe(Throwable t) {
        var sb = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage());
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (!isFrameworkFrame(frame.getClassName())) {
                sb.append(" (at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                        .append('(').append(frame.getFileName()).append(':').append(frame.getLineNumber())
                        .append("))");
                break;
            }
        }
        if (t.getCause() != null && t.getCause() != t) {
            sb.append("; caused by ").append(t.getCause());
        }
        return sb.length() > MAX_MESSAGE ? sb.substring(0, MAX_MESSAGE) + "..." : sb.toString();
    }

    private static boolean isFrameworkFrame(String className) {
        for (String prefix : new String[] {"java.", "jdk.", "sun.", "org.junit.", "junit.", "org.opentest4j.",
                "org.assertj.", "org.hamcrest."}) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

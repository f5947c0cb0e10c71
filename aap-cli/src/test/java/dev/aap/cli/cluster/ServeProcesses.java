package dev.aap.cli.cluster;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code aap serve} children of a test: a failing test's message gets their output, and all of them are killed
 * after each test whatever its outcome (and when the test JVM exits, should it die first).
 */
final class ServeProcesses implements AfterEachCallback, TestExecutionExceptionHandler {

    private final List<ServeProcess> started = new CopyOnWriteArrayList<>();
    private final Path logDir;

    ServeProcesses(Path logDir) {
        this.logDir = logDir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(p -> p.process().destroyForcibly())));
    }

    ServeProcess start(String name, List<String> launcher, List<String> args, Map<String, String> env) {
        ServeProcess p = ServeProcess.start(name, launcher, args, env, logDir);
        started.add(p);
        return p;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (started.isEmpty()) {
            throw failure;
        }
        var report = new StringBuilder(String.valueOf(failure.getMessage())).append("\n\nThe servers:\n");
        started.forEach(p -> report.append(p.describe()).append('\n'));
        var wrapped = new AssertionError(report.toString(), failure);
        throw wrapped;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (ServeProcess p : started) {
            if (p.process().isAlive()) {
                p.kill();
            }
        }
        started.clear();
    }
}

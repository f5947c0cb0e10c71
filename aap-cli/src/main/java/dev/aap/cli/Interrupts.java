package dev.aap.cli;

import dev.aap.core.pipeline.Pipeline;

import java.io.PrintWriter;

/** Ctrl-C handling: kill what the run started, record it as cancelled, remove the workspace. */
final class Interrupts {

    private Interrupts() {
    }

    /** Runs {@code task} with Ctrl-C handling in place. */
    static dev.aap.core.run.RunResult run(Pipeline pipeline, dev.aap.core.run.Task task, PrintWriter err) {
        Thread hook = install(pipeline, err);
        try {
            return pipeline.run(task);
        } finally {
            remove(hook);
        }
    }

    static Thread install(Pipeline pipeline, PrintWriter err) {
        Thread hook = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            pipeline.cancel();
            err.println("aap: interrupted; workspace removed, your repository is untouched");
            err.flush();
        }, "aap-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook is running and does the cleanup
        }
    }
}

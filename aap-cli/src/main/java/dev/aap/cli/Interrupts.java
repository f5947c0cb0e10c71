package dev.aap.cli;

import dev.aap.core.pipeline.Checkpoints;
import dev.aap.core.pipeline.Pipeline;

import java.io.PrintWriter;

/** Ctrl-C handling: kill what the run started, record it as cancelled, remove the workspace. */
final class Interrupts {

    private Interrupts() {
    }

    /** Runs {@code task} with Ctrl-C handling in place. */
    static dev.aap.core.run.RunResult run(Pipeline pipeline, dev.aap.core.run.Task task, PrintWriter err) {
        Thread hook = install(pipeline, err, null);
        try {
            return pipeline.run(task);
        } finally {
            remove(hook);
        }
    }

    /** Runs {@code task} as run {@code id}, recording (and resuming from) {@code checkpoints}, Ctrl-C handled. */
    static dev.aap.core.run.RunResult run(Pipeline pipeline, dev.aap.core.run.Task task, dev.aap.core.run.RunId id,
                                          Checkpoints checkpoints, PrintWriter err) {
        Thread hook = install(pipeline, err, "'aap fix --resume " + id + "' goes on from the last finished step");
        try {
            return pipeline.run(task, id, checkpoints);
        } finally {
            remove(hook);
        }
    }

    /** {@code hint} (or null) is printed after the cleanup, to say how to go on. */
    static Thread install(Pipeline pipeline, PrintWriter err, String hint) {
        Thread hook = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            pipeline.cancel();
            err.println("aap: interrupted; workspace removed, your repository is untouched");
            if (hint != null) {
                err.println("aap: " + hint);
            }
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

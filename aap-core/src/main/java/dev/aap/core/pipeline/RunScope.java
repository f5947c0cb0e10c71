package dev.aap.core.pipeline;

import dev.aap.core.event.EventLog;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.SourceRepo;

import java.nio.file.Path;

/** What every step of one run shares: the task and brain, where the run records itself, and where tests run. */
record RunScope(Task task, PatchStrategy strategy, SourceRepo source, RunId id, Path runDir, EventLog events,
                RunRecorder rec, RunStore store, Sandbox sandbox) {

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

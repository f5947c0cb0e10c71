package dev.aap.core.pipeline;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.EventLog;
import dev.aap.core.run.Task;
import dev.aap.core.workspace.Workspace;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a strategy gets to work with.
 *
 * @param task      the user's task
 * @param workspace the private checkout (the strategy may edit it but must leave it reset)
 * @param build     the project's build tool, already prepared
 * @param buildCtx  sandbox, project directory and scratch space for builds
 * @param baseline  the baseline test run (has the failing tests)
 * @param events    the run's event log
 * @param deadline  when the strategy must return
 * @param scratch   a writable directory for the strategy's own files
 * @param startNanos {@link System#nanoTime()} at run start, for time-to-first-plausible
 */
public record StrategyContext(Task task, Workspace workspace, BuildTool build, BuildContext buildCtx, TestRun baseline,
                              EventLog events, Instant deadline, Path scratch, long startNanos) {

    public boolean pastDeadline() {
        return Instant.now().isAfter(deadline);
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package dev.aap.core.pipeline;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.EventLog;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.workspace.Workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

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
 * @param runDir     the run's artifact directory (trajectories go there)
 * @param cacheDir   {@code AAP_HOME/cache}, shared by runs (model responses, code index)
 * @param hints      suspicious locations ({@code file:line}, best first) handed over by an earlier strategy
 * @param kind       what the baseline made of the task: repair, issue or tdd
 * @param targets    repair: the failing tests to fix; tdd: the test files that do not compile yet; issue: empty
 * @param brokenTests tdd: the compiler or collection errors of those test files; otherwise null
 */
public record StrategyContext(Task task, Workspace workspace, BuildTool build, BuildContext buildCtx, TestRun baseline,
                              EventLog events, Instant deadline, Path scratch, long startNanos, Path runDir,
                              Path cacheDir, List<String> hints, TaskKind kind, List<String> targets,
                              String brokenTests) {

    public StrategyContext {
        hints = hints == null ? List.of() : List.copyOf(hints);
        kind = kind == null ? TaskKind.REPAIR : kind;
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A repair context whose targets are the baseline's failing tests. */
    public StrategyContext(Task task, Workspace workspace, BuildTool build, BuildContext buildCtx, TestRun baseline,
                           EventLog events, Instant deadline, Path scratch, long startNanos, Path runDir,
                           Path cacheDir, List<String> hints) {
        this(task, workspace, build, buildCtx, baseline, events, deadline, scratch, startNanos, runDir, cacheDir,
                hints, TaskKind.REPAIR, baseline == null ? List.of()
                        : baseline.report().failing().stream().map(dev.aap.core.build.TestCase::id).toList(), null);
    }

    /** The same context with another deadline and hints, for a strategy run inside another. */
    public StrategyContext with(Instant newDeadline, List<String> newHints) {
        return new StrategyContext(task, workspace, build, buildCtx, baseline, events, newDeadline, scratch,
                startNanos, runDir, cacheDir, newHints, kind, targets, brokenTests);
    }

    public boolean pastDeadline() {
        return Instant.now().isAfter(deadline);
    }

    public long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

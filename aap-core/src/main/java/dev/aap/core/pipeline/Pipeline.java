package dev.aap.core.pipeline;

import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;
import dev.aap.core.event.EventLog;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.SourceRepo;
import dev.aap.core.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run from task to branch: prepare → localize → code ⇄ test (the strategy) → verify → review → integrate.
 * Every step emits events; the run directory gets {@code run.json}, {@code events.jsonl}, {@code patch.diff},
 * {@code pr.md} and {@code checks/*.log}.
 */
public final class Pipeline {

    private final RunStore store;
    private final Sandbox sandbox;
    private final Map<String, PatchStrategy> strategies;
    private final List<EventListener> listeners;
    private final boolean dryRun;
    private volatile Workspace workspace;
    private volatile RunRecorder recorder;

    public Pipeline(RunStore store, Sandbox sandbox, Map<String, PatchStrategy> strategies,
                    List<EventListener> listeners, boolean dryRun) {
        this.store = store;
        this.sandbox = sandbox;
        this.strategies = Map.copyOf(strategies);
        this.listeners = List.copyOf(listeners);
        this.dryRun = dryRun;
    }

    /** Runs a task to its end. Errors the user or the machine caused come back as results, not exceptions. */
    public RunResult run(Task task) {
        long start = System.nanoTime();
        SourceRepo source = SourceRepo.inspect(task.repo());
        PatchStrategy strategy = strategies.get(task.strategy());
        if (strategy == null) {
            throw new BadInputException("unknown strategy '" + task.strategy() + "': available: "
                    + String.join(", ", strategies.keySet()));
        }
        RunId id = RunId.next();
        Path runDir = store.create(id);
        try (EventLog events = EventLog.open(id.value(), runDir.resolve("events.jsonl"))) {
            listeners.forEach(events::addListener);
            var rec = new RunRecorder(store, id, runDir, source, task, sandbox.name(), start);
            TaskFile.write(runDir, task, source);
            recorder = rec;
            events.emit(new Event.RunStarted(source.topLevel().toString(), source.head(), strategy.name(),
                    sandbox.name(), source.dirty()));
            if (!sandbox.isolates()) {
                events.emit(new Event.Warning("sandbox 'none': tests run as plain processes with YOUR permissions"
                        + " and network; nothing is isolated"));
            }
            if (source.dirty()) {
                events.emit(new Event.Warning("the working tree has uncommitted changes; they are left untouched and"
                        + " the run uses HEAD " + source.head().substring(0, 12)));
            }
            try {
                return execute(task, strategy, source, id, runDir, events, rec);
            } catch (AapException e) {
                RunResult r = rec.failed(RunStatus.FAILED, ExitCodes.of(e), e.getMessage());
                events.emit(new Event.RunFinished(r.status().name(), r.exitCode(), RunScope.firstLine(e.getMessage())));
                throw e;
            } finally {
                closeWorkspace();
            }
        }
    }

    /** Stops a run from another thread (Ctrl-C): records it as cancelled and removes the workspace. */
    public void cancel() {
        RunRecorder rec = recorder;
        if (rec != null && !rec.finished()) {
            rec.failed(RunStatus.CANCELLED, ExitCodes.INTERRUPTED, "interrupted by the user");
        }
        closeWorkspace();
    }

    /** The runner: each step either hands its result to the next or ends the run. */
    private RunResult execute(Task task, PatchStrategy strategy, SourceRepo source, RunId id, Path runDir,
                              EventLog events, RunRecorder rec) {
        var s = new RunScope(task, strategy, source, id, runDir, events, rec, store, sandbox);
        Next<PrepareStep.Prepared> prepared = PrepareStep.run(s, ws -> workspace = ws);
        if (!(prepared instanceof Next.Go<PrepareStep.Prepared>(PrepareStep.Prepared p))) {
            return ended(events, prepared);
        }
        Next<StrategyResult.Found> coded = CodeStep.run(s, p);
        if (!(coded instanceof Next.Go<StrategyResult.Found>(StrategyResult.Found found))) {
            return ended(events, coded);
        }
        Next<VerifyStep.Verified> verified = VerifyStep.run(s, p, found);
        if (!(verified instanceof Next.Go<VerifyStep.Verified>(VerifyStep.Verified v))) {
            return ended(events, verified);
        }
        Next<ReviewStep.Reviewed> reviewed = ReviewStep.run(s, p, found, v);
        if (!(reviewed instanceof Next.Go<ReviewStep.Reviewed>(ReviewStep.Reviewed r))) {
            return ended(events, reviewed);
        }
        // integrate
        if (dryRun) {
            return finish(events, rec.succeeded(null, null, "verified patch (dry run: no branch created)"));
        }
        events.emit(new Event.StepStarted("integrate"));
        String commit = p.workspace().publish(r.branch(), r.change().commitMessage());
        events.emit(new Event.Integrated(r.branch(), commit));
        return finish(events, rec.succeeded(r.branch(), commit, "verified patch on branch " + r.branch()));
    }

    private RunResult ended(EventLog events, Next<?> next) {
        return finish(events, ((Next.End<?>) next).result());
    }

    private RunResult finish(EventLog events, RunResult r) {
        events.emit(new Event.RunFinished(r.status().name(), r.exitCode(), r.message()));
        return r;
    }

    private void closeWorkspace() {
        Workspace ws = workspace;
        workspace = null;
        if (ws != null) {
            ws.close();
            Workspace.deleteTree(ws.root().resolveSibling(ws.root().getFileName() + "-scratch"));
        }
    }
}

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One run from task to branch: prepare → localize → code ⇄ test (the strategy) → verify → review → integrate.
 * Every step emits events; the run directory gets {@code run.json}, {@code events.jsonl}, {@code patch.diff},
 * {@code pr.md}, {@code checks/*.log} and, with {@link Checkpoints#inDirectory}, {@code steps/*.json}.
 */
public final class Pipeline {

    private final RunStore store;
    private final Sandbox sandbox;
    private final Map<String, PatchStrategy> strategies;
    private final List<EventListener> listeners;
    private final boolean dryRun;
    private volatile Workspace workspace;
    private volatile RunRecorder recorder;
    private volatile boolean cancelled;

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
        return run(task, RunId.next(), Checkpoints.none());
    }

    /**
     * Runs a task as run {@code id}, recording each finished step in {@code checkpoints}. When the run directory and
     * checkpoints exist already (the run's earlier process died, or was cancelled), the steps they hold are taken from
     * them and the run goes on from the first one missing; {@code events.jsonl} is appended to, its sequence numbers
     * going on from its last line.
     */
    public RunResult run(Task task, RunId id, Checkpoints checkpoints) {
        long start = System.nanoTime();
        SourceRepo source = SourceRepo.inspect(task.repo());
        PatchStrategy strategy = strategies.get(task.strategy());
        if (strategy == null) {
            throw new BadInputException("unknown strategy '" + task.strategy() + "': available: "
                    + String.join(", ", strategies.keySet()));
        }
        Path runDir = store.create(id);
        // a process that died (SIGKILL) left its workspace behind; every process of a run starts a fresh one
        removeWorkspace(store.workspaceDir(id));
        try (EventLog events = EventLog.open(id.value(), runDir.resolve("events.jsonl"))) {
            listeners.forEach(events::addListener);
            var rec = new RunRecorder(store, id, runDir, source, task, sandbox.name(), start);
            if (!Files.exists(runDir.resolve("task.json"))) {
                TaskFile.write(runDir, task, source);
            }
            recorder = rec;
            events.emit(new Event.RunStarted(source.topLevel().toString(), rec.baseCommit(), strategy.name(),
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
                Resume resume = Resume.load(checkpoints, w -> events.emit(new Event.Warning(w)));
                if (!resume.finishedSteps().isEmpty()) {
                    events.emit(new Event.RunResumed(resume.finishedSteps()));
                }
                var s = new RunScope(task, strategy, source, id, runDir, events, rec, store, sandbox);
                return execute(s, resume, checkpoints);
            } catch (AapException e) {
                RunResult r = rec.failed(RunStatus.FAILED, ExitCodes.of(e), e.getMessage());
                events.emit(new Event.RunFinished(r.status().name(), r.exitCode(), RunScope.firstLine(e.getMessage())));
                throw e;
            } finally {
                closeWorkspace();
            }
        }
    }

    /**
     * Stops a run from another thread (Ctrl-C): records it as cancelled and removes the workspace. Its checkpoints
     * stay, so the run can be resumed; a step under way when it came records none.
     */
    public void cancel() {
        cancelled = true;
        RunRecorder rec = recorder;
        if (rec != null && !rec.finished()) {
            rec.failed(RunStatus.CANCELLED, ExitCodes.INTERRUPTED, "interrupted by the user");
        }
        closeWorkspace();
    }

    /** The runner: each step either hands its result to the next or ends the run; finished steps are recorded. */
    private RunResult execute(RunScope s, Resume resume, Checkpoints checkpoints) {
        PrepareStep.Prepared p;
        if (resume.prepare() != null) {
            p = PrepareStep.restore(s, resume.prepare(), ws -> workspace = ws);
        } else {
            Next<PrepareStep.Prepared> prepared = PrepareStep.run(s, ws -> workspace = ws);
            if (!(prepared instanceof Next.Go<PrepareStep.Prepared>(PrepareStep.Prepared got))) {
                return ended(s.events(), prepared);
            }
            p = got;
            save(checkpoints, "prepare", Snapshots.PrepareSnapshot.of(PrepareStep.baseCommit(p), p.base()));
        }
        StrategyResult.Found found;
        if (resume.code() != null) {
            found = Resume.code(s, resume.code());
        } else if (!cancelled) {
            Next<StrategyResult.Found> coded = CodeStep.run(s, p);
            if (!(coded instanceof Next.Go<StrategyResult.Found>(StrategyResult.Found got))) {
                return ended(s.events(), coded);
            }
            found = got;
            save(checkpoints, "code", Snapshots.CodeSnapshot.of(found));
        } else {
            return cancelled(s);
        }
        return afterCode(s, resume, checkpoints, p, found);
    }

    private RunResult afterCode(RunScope s, Resume resume, Checkpoints checkpoints, PrepareStep.Prepared p,
                                StrategyResult.Found found) {
        VerifyStep.Verified v;
        if (resume.verify() != null) {
            v = Resume.verify(s, p, found, resume.verify());
        } else if (!cancelled) {
            Next<VerifyStep.Verified> verified = VerifyStep.run(s, p, found);
            if (!(verified instanceof Next.Go<VerifyStep.Verified>(VerifyStep.Verified got))) {
                return ended(s.events(), verified);
            }
            v = got;
            save(checkpoints, "verify", Resume.snapshot(found, v));
        } else {
            return cancelled(s);
        }
        ReviewStep.Reviewed r;
        if (resume.review() != null) {
            r = Resume.review(s, v, resume.review());
        } else if (!cancelled) {
            Next<ReviewStep.Reviewed> reviewed = ReviewStep.run(s, p, found, v);
            if (!(reviewed instanceof Next.Go<ReviewStep.Reviewed>(ReviewStep.Reviewed got))) {
                return ended(s.events(), reviewed);
            }
            r = got;
            save(checkpoints, "review", Resume.snapshot(r));
        } else {
            return cancelled(s);
        }
        if (dryRun) {
            return finish(s.events(), s.rec().succeeded(null, null, "verified patch (dry run: no branch created)"));
        }
        Snapshots.IntegrateSnapshot integrated;
        if (resume.integrate() != null) {
            integrated = resume.integrate();
            IntegrateStep.restored(s, integrated);
        } else if (!cancelled) {
            integrated = IntegrateStep.run(s, p, r);
            save(checkpoints, "integrate", integrated);
        } else {
            return cancelled(s);
        }
        return finish(s.events(), s.rec().succeeded(integrated.branch(), integrated.commit(),
                "verified patch on branch " + integrated.branch()));
    }

    /** A step cut short by {@link #cancel()} may have produced nonsense (killed tests): it records nothing. */
    private void save(Checkpoints checkpoints, String step, Object snapshot) {
        if (!cancelled) {
            checkpoints.save(step, Snapshots.toJson(snapshot));
        }
    }

    private RunResult cancelled(RunScope s) {
        return finish(s.events(), s.rec().failed(RunStatus.CANCELLED, ExitCodes.INTERRUPTED, "interrupted by the user"));
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
            removeWorkspace(ws.root());
        }
    }

    private static void removeWorkspace(Path root) {
        Workspace.deleteTree(root);
        Workspace.deleteTree(root.resolveSibling(root.getFileName() + "-scratch"));
    }
}

package dev.aap.core.pipeline;

import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;
import dev.aap.core.event.EventLog;
import dev.aap.core.integrate.ChangeDescription;
import dev.aap.core.integrate.PullRequestBody;
import dev.aap.core.patch.Patch;
import dev.aap.core.policy.Policy;
import dev.aap.core.policy.PolicyDecision;
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
import java.time.Duration;
import java.time.Instant;
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
                events.emit(new Event.RunFinished(r.status().name(), r.exitCode(), firstLine(e.getMessage())));
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

    private RunResult execute(Task task, PatchStrategy strategy, SourceRepo source, RunId id, Path runDir,
                              EventLog events, RunRecorder rec) {
        // prepare
        events.emit(new Event.StepStarted("prepare"));
        long t0 = System.nanoTime();
        workspace = Workspace.create(source, store.workspaceDir(id), task.baseCommit());
        Path scratch = store.workspaceDir(id).resolveSibling(id.value() + "-scratch");
        mkdirs(scratch);
        BuildTool build = BuildTool.detect(workspace.projectDir(), task.testCommand());
        rec.build(build);
        var ctx = new BuildContext(sandbox, workspace.projectDir(), scratch, Duration.ofMinutes(10));
        Baseline base;
        try {
            base = Baseline.take(task, strategy, build, ctx, workspace,
                    first -> Checks.log(runDir, "baseline-uncompiled", first));
        } catch (Baseline.NothingToFix nothing) {
            events.emit(new Event.StepFinished("prepare", ms(t0), nothing.getMessage()));
            return finish(events, rec.failed(RunStatus.FAILED, ExitCodes.NOT_FOUND, nothing.getMessage()));
        }
        TestRun baseline = base.run();
        Checks.log(runDir, "baseline", baseline);
        events.emit(new Event.ChecksRan("baseline", baseline.command(), baseline.exec().exitCode(),
                baseline.report().total(), baseline.report().failing().size(), baseline.exec().elapsed().toMillis(),
                "checks/baseline.log"));
        List<String> failing = baseline.report().failing().stream().map(TestCase::id).toList();
        rec.baseline(baseline.report().total(), baseline.exec().elapsed().toMillis(), failing, base.kind());
        events.emit(new Event.StepFinished("prepare", ms(t0), baseline.report().total() + " tests, "
                + failing.size() + " failing; task kind " + base.kind().label() + describeTargets(base)));

        // localize + code ⇄ test
        // the budget is for localization and search: it starts once the baseline is known, and the final
        // verification comes on top (a baseline slowed by timeouts says nothing about a fixed program's speed)
        Instant deadline = Instant.now().plus(task.budget());
        var sctx = new StrategyContext(task, workspace, build, ctx, baseline, events, deadline, scratch, rec.start(),
                runDir, store.home().resolve("cache"), List.of(), base.kind(), base.targets(), base.brokenTests());
        StrategyResult result = strategy.run(sctx);
        rec.stats(result.stats());
        workspace.reset();
        StrategyResult.Found found;
        switch (result) {
            case StrategyResult.Found f -> found = f;
            case StrategyResult.NotFound nf -> {
                return finish(events, rec.failed(RunStatus.FAILED, ExitCodes.NOT_FOUND,
                        "no plausible patch: " + nf.reason()));
            }
            case StrategyResult.NeedsHuman nh -> {
                return finish(events, rec.failed(RunStatus.NEEDS_HUMAN, ExitCodes.BLOCKED_BY_POLICY,
                        "needs a human: " + nh.reason()));
            }
        }

        // verify with the project's own test command: the task kind's success criterion, whatever the strategy said
        events.emit(new Event.StepStarted("verify"));
        long tv = System.nanoTime();
        var verification = new Verification(base, workspace, build, ctx, (name, run) -> Checks.log(runDir, name, run));
        StrategyResult.Solution chosen = null;
        Verification.Outcome proof = null;
        String lastProblem = "";
        for (StrategyResult.Solution s : found.solutions()) {
            Verification.Outcome o = verification.check(s.files());
            if (o.met()) {
                chosen = s;
                proof = o;
                break;
            }
            lastProblem = o.problem();
            Checks.log(runDir, "verify-rejected", o.proof());
            events.emit(new Event.Warning("'" + s.summary() + "' is not verified by " + build.testCommandLine() + ": "
                    + firstLine(o.problem())));
            rec.evidence(o.evidence(), List.of());
            workspace.reset();
        }
        if (chosen == null) {
            events.emit(new Event.StepFinished("verify", ms(tv), "no change met the success criterion"));
            return finish(events, rec.failed(RunStatus.FAILED, ExitCodes.NOT_FOUND,
                    "no verified patch: " + firstLine(lastProblem)));
        }
        TestRun proofRun = proof.proof();
        events.emit(new Event.ChecksRan("verify", proofRun.command(), proofRun.exec().exitCode(),
                proofRun.report().total(), proofRun.report().failing().size(), proofRun.exec().elapsed().toMillis(),
                "checks/verify.log"));
        events.emit(new Event.StepFinished("verify", ms(tv), chosen.summary()));
        Patch patch = workspace.diff();
        rec.patch(patch, chosen, found.solutions());
        Checks.write(runDir.resolve("patch.diff"), patch.diff());

        // review
        events.emit(new Event.StepStarted("review"));
        PolicyDecision decision = Policy.load(workspace.projectDir()).check(patch, source.subdir(), workspace.root());
        List<String> weakened = TestGuard.findings(patch, source.subdir(), workspace);
        List<String> reasons = new java.util.ArrayList<>(decision.reasons());
        if (!task.allowTestEdits()) {
            reasons.addAll(weakened);
        }
        decision = new PolicyDecision(reasons.isEmpty(), reasons);
        rec.evidence(proof.evidence(), task.allowTestEdits() ? weakened : List.of());
        events.emit(new Event.PolicyDecided(decision.allowed(), decision.reasons()));
        if (chosen.notes().criticVerdict() != null) {
            events.emit(new Event.CriticReviewed(chosen.notes().criticVerdict(), chosen.notes().criticNotes()));
        }
        var change = new ChangeDescription(id.value(), task.issue(), chosen.summary(), patch, build.testCommandLine(),
                proofRun.report().executed(), proof.evidence().failToPass(),
                found.solutions().stream().skip(1).limit(3).map(StrategyResult.Solution::summary).toList(),
                strategy.name(), chosen.notes(), base.kind(), proof.evidence(),
                task.allowTestEdits() ? weakened : List.of(), found.stats().attempts());
        String branch = change.branchName();
        Checks.write(runDir.resolve("pr.md"), PullRequestBody.render(change, branch,
                decision.allowed() ? "all passed" : String.join("; ", decision.reasons())));
        if (!decision.allowed()) {
            return finish(events, rec.failed(RunStatus.NEEDS_HUMAN, ExitCodes.BLOCKED_BY_POLICY,
                    "blocked by policy: " + String.join("; ", decision.reasons())));
        }

        // integrate
        if (dryRun) {
            return finish(events, rec.succeeded(null, null, "verified patch (dry run: no branch created)"));
        }
        events.emit(new Event.StepStarted("integrate"));
        String commit = workspace.publish(branch, change.commitMessage());
        events.emit(new Event.Integrated(branch, commit));
        return finish(events, rec.succeeded(branch, commit, "verified patch on branch " + branch));
    }

    private static String describeTargets(Baseline base) {
        return switch (base.kind()) {
            case REPAIR -> ", " + base.targets().size() + " target(s)";
            case TDD -> ", " + base.targets().size() + " test file(s) use code that does not exist yet";
            case ISSUE -> ": the agent reproduces the issue with new tests first";
        };
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

    private static void mkdirs(Path p) {
        try {
            java.nio.file.Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new dev.aap.core.EnvironmentException("cannot create " + p + ": " + e.getMessage(), e);
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}

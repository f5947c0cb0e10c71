package dev.aap.core.pipeline;

import dev.aap.core.build.BuildTool;
import dev.aap.core.patch.Patch;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.run.TestEvidence;
import dev.aap.core.workspace.SourceRepo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects a run's facts as steps finish and writes {@code run.json} each time the picture changes. */
final class RunRecorder {

    private dev.aap.core.policy.RiskScore risk;
    private dev.aap.core.coverage.DiffCoverage diffCoverage;
    private List<String> questions = List.of();
    private final RunStore store;
    private final RunId id;
    private final Path runDir;
    private final SourceRepo source;
    private final Task task;
    private final String sandbox;
    private final long start;
    private String buildTool;
    private String testCommand;
    private int baselineTests;
    private long baselineMs;
    private List<String> failing = List.of();
    private StrategyResult.Stats stats = StrategyResult.Stats.none();
    private Patch patch;
    private List<String> alternatives = List.of();
    private RunResult.Critic critic;
    private TaskKind kind;
    private TestEvidence evidence;
    private List<String> allowedTestEdits = List.of();
    private volatile boolean finished;

    RunRecorder(RunStore store, RunId id, Path runDir, SourceRepo source, Task task, String sandbox, long start) {
        this.store = store;
        this.id = id;
        this.runDir = runDir;
        this.source = source;
        this.task = task;
        this.sandbox = sandbox;
        this.start = start;
        store.writeResult(result(RunStatus.RUNNING, -1, "running", null, null, List.of()));
    }

    long start() {
        return start;
    }

    /** The commit the run works from: the one the task names, else the repository's HEAD when it started. */
    String baseCommit() {
        return task.baseCommit() != null ? task.baseCommit() : source.head();
    }

    boolean finished() {
        return finished;
    }

    synchronized void build(BuildTool build) {
        buildTool = build.name();
        testCommand = build.testCommandLine();
    }

    synchronized void baseline(int tests, long millis, List<String> failingTests, TaskKind taskKind) {
        baselineTests = tests;
        baselineMs = millis;
        failing = List.copyOf(failingTests);
        kind = taskKind;
        store.writeResult(result(RunStatus.RUNNING, -1, "running", null, null, List.of()));
    }

    synchronized void stats(StrategyResult.Stats s) {
        stats = s;
    }

    synchronized void patch(Patch p, StrategyResult.Solution chosen, List<StrategyResult.Solution> all) {
        patch = p;
        var alts = new ArrayList<String>();
        all.stream().filter(s -> s != chosen).limit(3).forEach(s -> alts.add(s.summary()));
        alternatives = alts;
        if (chosen.notes().criticVerdict() != null) {
            critic = new RunResult.Critic(chosen.notes().criticVerdict(), chosen.notes().criticNotes());
        }
    }

    synchronized void evidence(TestEvidence e, List<String> allowedEdits) {
        evidence = e;
        allowedTestEdits = List.copyOf(allowedEdits);
    }

    synchronized RunResult succeeded(String branch, String commit, String message) {
        return end(result(RunStatus.SUCCEEDED, ExitCodes.VERIFIED, message, branch, commit, List.of()));
    }

    synchronized RunResult failed(RunStatus status, int exitCode, String message) {
        List<String> reasons = status == RunStatus.NEEDS_HUMAN ? List.of(message) : List.of();
        return end(result(status, exitCode, message, null, null, reasons));
    }

    synchronized void review(dev.aap.core.policy.RiskScore score, dev.aap.core.coverage.DiffCoverage coverage) {
        risk = score;
        diffCoverage = coverage;
    }

    /** The review blocked the patch: each reason is kept on its own in run.json ({@code policy_reasons}). */
    synchronized RunResult blocked(List<String> reasons, String message) {
        return end(result(RunStatus.NEEDS_HUMAN, ExitCodes.BLOCKED_BY_POLICY, message, null, null, reasons));
    }

    /** The run stops to ask: the questions go into run.json and the message. */
    synchronized RunResult needsInput(List<String> questions) {
        this.questions = List.copyOf(questions);
        return end(result(RunStatus.NEEDS_INPUT, ExitCodes.NEEDS_INPUT, "needs answers first: "
                + String.join(" ", questions), null, null, List.of()));
    }

    private RunResult end(RunResult r) {
        if (!finished) {
            finished = true;
            store.writeResult(r);
        }
        return r;
    }

    private RunResult result(RunStatus status, int exitCode, String message, String branch, String commit,
                             List<String> policyReasons) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(id.value(), status, exitCode, message, source.topLevel().toString(), baseCommit(),
                task.strategy(), sandbox, buildTool, testCommand, baselineTests, baselineMs, failing, branch, commit,
                patch == null ? null : patch.diff(), patch == null ? 0 : patch.changedLines(), stats.candidates(),
                stats.validated(), stats.validationMsMedian(),
                stats.firstPlausibleMs() < 0 ? null : stats.firstPlausibleMs(), Math.round(seconds * 100) / 100.0,
                alternatives, policyReasons, runDir.toString(), stats.usage(), critic,
                kind == null ? null : kind.label(), evidence, allowedTestEdits, stats.attempts(), questions, risk,
                diffCoverage);
    }
}

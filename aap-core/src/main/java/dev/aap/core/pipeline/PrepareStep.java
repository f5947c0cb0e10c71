package dev.aap.core.pipeline;

import dev.aap.core.EnvironmentException;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.Event;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunStatus;
import dev.aap.core.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** prepare: the private checkout, the build tool with its dependencies, and the baseline with the task kind. */
final class PrepareStep {

    /**
     * What the later steps work on.
     *
     * @param workspace the private checkout at the base commit
     * @param build     the project's build tool, prepared
     * @param ctx       sandbox, project directory and scratch space for builds
     * @param base      the baseline run, task kind and targets
     * @param scratch   a writable directory for the strategy's own files
     */
    record Prepared(Workspace workspace, BuildTool build, BuildContext ctx, Baseline base, Path scratch) {

        Prepared with(Baseline baseline) {
            return new Prepared(workspace, build, ctx, baseline, scratch);
        }
    }

    private PrepareStep() {
    }

    /** {@code opened} gets the workspace as soon as it exists, so that a cancel from another thread can remove it. */
    static Next<Prepared> run(RunScope s, Consumer<Workspace> opened) {
        s.events().emit(new Event.StepStarted("prepare"));
        long t0 = System.nanoTime();
        Prepared ready = open(s, s.task().baseCommit(), opened);
        Baseline base;
        try {
            base = Baseline.take(s.task(), s.strategy(), ready.build(), ready.ctx(), ready.workspace(),
                    first -> Checks.log(s.runDir(), "baseline-uncompiled", first));
        } catch (Baseline.NothingToFix nothing) {
            s.events().emit(new Event.StepFinished("prepare", RunScope.ms(t0), nothing.getMessage()));
            return Next.end(s.rec().failed(RunStatus.FAILED, ExitCodes.NOT_FOUND, nothing.getMessage()));
        }
        TestRun baseline = base.run();
        Checks.log(s.runDir(), "baseline", baseline);
        s.events().emit(new Event.ChecksRan("baseline", baseline.command(), baseline.exec().exitCode(),
                baseline.report().total(), baseline.report().failing().size(), baseline.exec().elapsed().toMillis(),
                "checks/baseline.log"));
        int failing = record(s, base);
        s.events().emit(new Event.StepFinished("prepare", RunScope.ms(t0), baseline.report().total() + " tests, "
                + failing + " failing; task kind " + base.kind().label() + describeTargets(base)));
        return Next.go(ready.with(base));
    }

    /**
     * The prepare step again from its checkpoint on a fresh process: the workspace at the recorded commit and the
     * build tool prepared anew (dependencies may resolve again), but the baseline as recorded, not run again.
     */
    static Prepared restore(RunScope s, Snapshots.PrepareSnapshot snap, Consumer<Workspace> opened) {
        s.events().emit(new Event.StepStarted("prepare"));
        long t0 = System.nanoTime();
        Prepared ready = open(s, snap.baseCommit(), opened);
        ready.build().prepare(ready.ctx());
        Baseline base = snap.toBaseline();
        record(s, base);
        s.events().emit(new Event.StepFinished("prepare", RunScope.ms(t0), Resume.SUMMARY + ": "
                + base.run().report().total() + " tests at baseline, task kind " + base.kind().label()));
        return ready.with(base);
    }

    /** The commit the workspace was made from. */
    static String baseCommit(Prepared p) {
        return dev.aap.core.workspace.Git.check(p.workspace().root(), "rev-parse", "HEAD");
    }

    /** Workspace, scratch space and build tool, before the baseline is known. */
    private static Prepared open(RunScope s, String commit, Consumer<Workspace> opened) {
        Workspace workspace = Workspace.create(s.source(), s.store().workspaceDir(s.id()), commit);
        opened.accept(workspace);
        Path scratch = s.store().workspaceDir(s.id()).resolveSibling(s.id().value() + "-scratch");
        mkdirs(scratch);
        BuildTool build = BuildTool.detect(workspace.projectDir(), s.task().testCommand());
        s.rec().build(build);
        var ctx = new BuildContext(s.sandbox(), workspace.projectDir(), scratch, Duration.ofMinutes(10));
        return new Prepared(workspace, build, ctx, null, scratch);
    }

    private static int record(RunScope s, Baseline base) {
        TestRun baseline = base.run();
        List<String> failing = baseline.report().failing().stream().map(TestCase::id).toList();
        s.rec().baseline(baseline.report().total(), baseline.exec().elapsed().toMillis(), failing, base.kind());
        return failing.size();
    }

    private static String describeTargets(Baseline base) {
        return switch (base.kind()) {
            case REPAIR -> ", " + base.targets().size() + " target(s)";
            case TDD -> ", " + base.targets().size() + " test file(s) use code that does not exist yet";
            case ISSUE -> ": the agent reproduces the issue with new tests first";
        };
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + p + ": " + e.getMessage(), e);
        }
    }
}

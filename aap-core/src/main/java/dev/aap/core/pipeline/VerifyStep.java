package dev.aap.core.pipeline;

import dev.aap.core.build.TestRun;
import dev.aap.core.coverage.Coverage;
import dev.aap.core.coverage.DiffCoverage;
import dev.aap.core.event.Event;
import dev.aap.core.patch.Patch;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunStatus;

import java.util.List;

/** verify: the project's own test command holds each solution to the task kind's success criterion, best first. */
final class VerifyStep {

    /**
     * The solution that met the criterion, left applied in the workspace.
     *
     * @param chosen the solution
     * @param proof  the runs that showed it
     * @param patch    the workspace diff with it applied
     * @param coverage how much of the patch's source lines the proving run executed
     */
    record Verified(StrategyResult.Solution chosen, Verification.Outcome proof, Patch patch, DiffCoverage coverage) {
    }

    private VerifyStep() {
    }

    static Next<Verified> run(RunScope s, PrepareStep.Prepared p, StrategyResult.Found found) {
        s.events().emit(new Event.StepStarted("verify"));
        long tv = System.nanoTime();
        Coverage coverage = Coverage.of(p.build(), p.scratch().resolve("coverage"));
        var verification = new Verification(p.base(), p.workspace(), p.build(), p.ctx(),
                (name, run) -> Checks.log(s.runDir(), name, run), coverage);
        String lastProblem = "";
        for (StrategyResult.Solution solution : found.solutions()) {
            Verification.Outcome o = verification.check(solution.files());
            if (o.met()) {
                Coverage measured = verification.failedOnlyInstrumented() ? new Coverage.Unavailable("the tests"
                        + " failed with coverage recording and passed without it (tracing slowed them past a time"
                        + " limit?)") : coverage;
                return Next.go(verified(s, p, found, solution, o, tv, measured));
            }
            lastProblem = o.problem();
            Checks.log(s.runDir(), "verify-rejected", o.proof());
            s.events().emit(new Event.Warning("'" + solution.summary() + "' is not verified by "
                    + p.build().testCommandLine() + ": " + RunScope.firstLine(o.problem())));
            s.rec().evidence(o.evidence(), List.of());
            p.workspace().reset();
        }
        s.events().emit(new Event.StepFinished("verify", RunScope.ms(tv), "no change met the success criterion"));
        return Next.end(s.rec().failed(RunStatus.FAILED, ExitCodes.NOT_FOUND,
                "no verified patch: " + RunScope.firstLine(lastProblem)));
    }

    private static Verified verified(RunScope s, PrepareStep.Prepared p, StrategyResult.Found found,
                                     StrategyResult.Solution chosen, Verification.Outcome proof, long tv,
                                     Coverage coverage) {
        TestRun run = proof.proof();
        s.events().emit(new Event.ChecksRan("verify", run.command(), run.exec().exitCode(), run.report().total(),
                run.report().failing().size(), run.exec().elapsed().toMillis(), "checks/verify.log"));
        s.events().emit(new Event.StepFinished("verify", RunScope.ms(tv), chosen.summary()));
        Patch patch = p.workspace().diff();
        s.rec().patch(patch, chosen, found.solutions());
        Checks.write(s.runDir().resolve("patch.diff"), patch.diff());
        return new Verified(chosen, proof, patch, coverage.measure(patch, s.source().subdir()));
    }
}

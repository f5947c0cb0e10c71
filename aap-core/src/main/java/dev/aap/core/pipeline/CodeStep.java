package dev.aap.core.pipeline;

import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunStatus;

import java.time.Instant;
import java.util.List;

/** localize + code ⇄ test: the brain works on the prepared workspace within the budget. */
final class CodeStep {

    private CodeStep() {
    }

    static Next<StrategyResult.Found> run(RunScope s, PrepareStep.Prepared p) {
        // the budget is for localization and search: it starts once the baseline is known, and the final
        // verification comes on top (a baseline slowed by timeouts says nothing about a fixed program's speed)
        Instant deadline = Instant.now().plus(s.task().budget());
        Baseline base = p.base();
        var sctx = new StrategyContext(s.task(), p.workspace(), p.build(), p.ctx(), base.run(), s.events(), deadline,
                p.scratch(), s.rec().start(), s.runDir(), s.store().home().resolve("cache"), List.of(), base.kind(),
                base.targets(), base.brokenTests());
        StrategyResult result = s.strategy().run(sctx);
        s.rec().stats(result.stats());
        p.workspace().reset();
        return switch (result) {
            case StrategyResult.Found f -> Next.go(f);
            case StrategyResult.NotFound nf -> Next.end(s.rec().failed(RunStatus.FAILED, ExitCodes.NOT_FOUND,
                    "no plausible patch: " + nf.reason()));
            case StrategyResult.NeedsHuman nh -> Next.end(s.rec().failed(RunStatus.NEEDS_HUMAN,
                    ExitCodes.BLOCKED_BY_POLICY, "needs a human: " + nh.reason()));
            case StrategyResult.NeedsInput ni -> Next.end(s.rec().needsInput(ni.questions()));
        };
    }
}

package dev.aap.repair.search;

import dev.aap.core.BadInputException;
import dev.aap.core.event.Event;
import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.repair.localize.Ochiai;
import dev.aap.repair.localize.Suspicious;
import dev.aap.repair.localize.TestCoverage;

import java.util.List;

/**
 * The offline brain: per-test coverage → Ochiai → mutation/template candidates ordered by suspiciousness × prior →
 * fast in-process validation, failing tests first. Needs no model and no network.
 */
public final class SearchStrategy implements PatchStrategy {

    /** How many of the most suspicious lines get candidates. */
    static final int MAX_LINES = 60;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public StrategyResult run(StrategyContext ctx) {
        ctx.events().emit(new Event.StepStarted("localize"));
        long t0 = System.nanoTime();
        try (LanguageSupport lang = open(ctx)) {
            List<TestCoverage> coverage = lang.coverage();
            List<TestCoverage> failing = coverage.stream().filter(c -> !c.passed()).toList();
            List<Suspicious> ranked = Ochiai.rank(coverage).stream().filter(s -> lang.isRepairable(s.file())).toList();
            ctx.events().emit(new Event.Localized(ranked.size(),
                    ranked.stream().limit(10).map(Suspicious::toString).toList()));
            ctx.events().emit(new Event.StepFinished("localize", (System.nanoTime() - t0) / 1_000_000,
                    coverage.size() + " tests traced, " + failing.size() + " failing, " + ranked.size()
                            + " suspicious lines"));
            if (failing.isEmpty()) {
                return new StrategyResult.NotFound("the failing tests pass when run one by one in the fast runner"
                        + " (order-dependent or flaky tests?)", StrategyResult.Stats.none());
            }
            if (ranked.isEmpty()) {
                return new StrategyResult.NotFound("the failing tests execute no line of production code",
                        StrategyResult.Stats.none());
            }
            ctx.events().emit(new Event.StepStarted("code-test"));
            var loop = new SearchLoop(ctx, lang, coverage);
            StrategyResult result = loop.run(ranked.stream().limit(MAX_LINES).toList());
            ctx.events().emit(new Event.StepFinished("code-test", (System.nanoTime() - t0) / 1_000_000,
                    result.stats().validated() + " candidates validated"));
            return result;
        }
    }

    private static LanguageSupport open(StrategyContext ctx) {
        return switch (ctx.build().language()) {
            case "java" -> JavaSupport.open(ctx);
            case "python" -> PythonSupport.open(ctx);
            default -> throw new BadInputException("the search strategy handles Java and Python projects, not "
                    + ctx.build().language());
        };
    }
}

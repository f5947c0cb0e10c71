package dev.aap.repair.search;

import dev.aap.core.BadInputException;
import dev.aap.core.event.Event;
import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.repair.localize.ConstantLoopHeaders;
import dev.aap.repair.localize.Ochiai;
import dev.aap.repair.localize.Suspicious;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.priors.FamilyPriors;
import dev.aap.repair.priors.Priors;
import dev.aap.repair.priors.RepoPriors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
            var baselineFailing = new java.util.HashSet<String>();
            ctx.baseline().report().failing().forEach(t -> baselineFailing.add(t.id()));
            List<TestCoverage> coverage = lang.coverage(baselineFailing);
            List<TestCoverage> failing = coverage.stream().filter(c -> !c.passed()).toList();
            List<Suspicious> ranked = ConstantLoopHeaders.add(Ochiai.rank(coverage).stream()
                    .filter(s -> lang.isRepairable(s.file())).toList(), ctx.workspace()::read);
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
            Duration limit = testLimit(coverage);
            lang.validators().forEach(v -> v.setTestLimit(limit));
            ctx.events().emit(new Event.StepStarted("code-test"));
            FamilyPriors priors = priors(ctx);
            var loop = new SearchLoop(ctx, lang, coverage, priors);
            StrategyResult result = loop.run(ranked.stream().limit(MAX_LINES).toList());
            ctx.events().emit(new Event.StepFinished("code-test", (System.nanoTime() - t0) / 1_000_000,
                    result.stats().validated() + " candidates validated, operator priors from " + priors.source()));
            if (result instanceof StrategyResult.NotFound nf) {
                // what a strategy taking over (hybrid) starts from
                return new StrategyResult.NotFound(nf.reason(), nf.stats(), locations(ranked));
            }
            return result;
        }
    }

    /**
     * The most suspicious lines ({@code file:line}, best first) from per-test coverage of the baseline, for a brain
     * that localizes with help (the llm agent's first prompt); empty when coverage finds nothing.
     */
    public List<String> suspiciousLines(StrategyContext ctx) {
        long t0 = System.nanoTime();
        try (LanguageSupport lang = open(ctx)) {
            var baselineFailing = new java.util.HashSet<String>();
            ctx.baseline().report().failing().forEach(t -> baselineFailing.add(t.id()));
            List<TestCoverage> coverage = lang.coverage(baselineFailing);
            List<Suspicious> ranked = ConstantLoopHeaders.add(Ochiai.rank(coverage).stream()
                    .filter(s -> lang.isRepairable(s.file())).toList(), ctx.workspace()::read);
            ctx.events().emit(new Event.Localized(ranked.size(),
                    ranked.stream().limit(10).map(Suspicious::toString).toList()));
            ctx.events().emit(new Event.StepFinished("localize", (System.nanoTime() - t0) / 1_000_000,
                    coverage.size() + " tests traced, " + ranked.size() + " suspicious lines"));
            return locations(ranked);
        }
    }

    private static List<String> locations(List<Suspicious> ranked) {
        return ranked.stream().limit(30).map(s -> s.file() + ":" + s.line()).toList();
    }

    /**
     * How long one test may run while validating a candidate: five times the slowest test that passed while traced,
     * between 1 and 10 s; 2 s when no passing test was timed. A candidate that makes a test loop then costs this
     * instead of the project's own timeout.
     */
    static Duration testLimit(List<TestCoverage> coverage) {
        long slowest = coverage.stream().filter(TestCoverage::passed).mapToLong(TestCoverage::millis).max().orElse(-1);
        if (slowest < 0) {
            return Duration.ofSeconds(2);
        }
        return Duration.ofMillis(Math.max(1_000, Math.min(10_000, slowest * 5)));
    }

    /**
     * The published family priors of the project's language, blended with the repository's own fix history when
     * {@code aap learn} stored it under {@code AAP_HOME/priors} ({@code AAP_HOME} is the parent of the cache).
     */
    static FamilyPriors priors(StrategyContext ctx) {
        String language = ctx.build().language();
        Optional<RepoPriors> repo = Optional.empty();
        if (ctx.cacheDir() != null && ctx.cacheDir().getParent() != null && ctx.workspace() != null) {
            repo = RepoPriors.read(RepoPriors.fileFor(ctx.cacheDir().getParent(), ctx.workspace().source().topLevel()));
        }
        return repo.map(r -> Priors.published().family(language, r)).orElseGet(() -> Priors.published().family(language));
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

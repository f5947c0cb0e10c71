package dev.aap.core.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a cheap strategy first within a slice of the budget and, when it finds nothing, hands its ranked suspicious
 * locations to a second one for the rest ({@code --strategy hybrid}: {@code search}, then {@code llm}).
 */
public final class HybridStrategy implements PatchStrategy {

    private final PatchStrategy first;
    private final PatchStrategy second;
    private final double firstShare;

    /** {@code firstShare} of the remaining budget goes to {@code first}. */
    public HybridStrategy(PatchStrategy first, PatchStrategy second, double firstShare) {
        if (firstShare <= 0 || firstShare >= 1) {
            throw new IllegalArgumentException("firstShare must be in (0, 1)");
        }
        this.first = first;
        this.second = second;
        this.firstShare = firstShare;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    /** Whatever the second can do: the first only ever gets repair work. */
    @Override
    public boolean handles(dev.aap.core.run.TaskKind kind) {
        return second.handles(kind);
    }

    @Override
    public StrategyResult run(StrategyContext ctx) {
        if (!first.handles(ctx.kind())) {
            return second.run(ctx);
        }
        Duration left = Duration.between(Instant.now(), ctx.deadline());
        Instant sliceEnd = Instant.now().plus(Duration.ofMillis((long) (left.toMillis() * firstShare)));
        StrategyResult r1 = first.run(ctx.with(sliceEnd, ctx.hints()));
        ctx.workspace().reset();
        return switch (r1) {
            case StrategyResult.Found f -> f;
            case StrategyResult.NeedsHuman nh -> nh;
            case StrategyResult.NeedsInput ni -> ni;
            case StrategyResult.NotFound nf -> {
                ctx.events().emit(new dev.aap.core.event.Event.StepFinished(first.name(), ctx.elapsedMillis(),
                        "nothing plausible (" + nf.reason() + "); handing " + nf.suspicious().size()
                                + " suspicious lines to " + second.name()));
                StrategyResult r2 = second.run(ctx.with(ctx.deadline(), nf.suspicious()));
                yield merge(r2, nf.stats());
            }
        };
    }

    private static StrategyResult merge(StrategyResult r, StrategyResult.Stats before) {
        return switch (r) {
            case StrategyResult.Found f -> new StrategyResult.Found(f.solutions(), before.plus(f.stats()));
            case StrategyResult.NotFound nf -> new StrategyResult.NotFound(nf.reason(), before.plus(nf.stats()),
                    nf.suspicious());
            case StrategyResult.NeedsHuman nh -> new StrategyResult.NeedsHuman(nh.reason(), before.plus(nh.stats()));
            case StrategyResult.NeedsInput ni -> new StrategyResult.NeedsInput(ni.questions(),
                    before.plus(ni.stats()));
        };
    }
}

package dev.aap.core.pipeline;

import dev.aap.core.run.TaskKind;

/**
 * A brain: given a prepared workspace and a task kind, finds patches that meet the kind's success criterion.
 * Implementations: {@code search} (aap-repair, repair only) and {@code llm} (aap-agent, every kind).
 */
public interface PatchStrategy {

    String name();

    /** Whether this brain can work on {@code kind}; the offline search needs failing tests to aim at. */
    default boolean handles(TaskKind kind) {
        return kind == TaskKind.REPAIR;
    }

    /** Searches until it has enough plausible patches, runs out of candidates, or hits the context's deadline. */
    StrategyResult run(StrategyContext ctx);
}

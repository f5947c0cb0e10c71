package dev.aap.core.pipeline;

/**
 * A brain: given a prepared workspace with failing tests, finds patches that make every test pass. Implementations:
 * {@code search} (aap-repair) and, later, {@code llm} (aap-agent).
 */
public interface PatchStrategy {

    String name();

    /** Searches until it has enough plausible patches, runs out of candidates, or hits the context's deadline. */
    StrategyResult run(StrategyContext ctx);
}

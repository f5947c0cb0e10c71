package dev.aap.agent;

import dev.aap.agent.model.AttemptListener;
import dev.aap.agent.model.ModelGateway;
import dev.aap.core.run.Task;

import dev.aap.core.pipeline.StrategyContext;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the {@code llm} brain works for one run.
 *
 * @param gateways        makes the model gateway for a task (the real chain behind the cache, or a replay); the
 *                        listener hears of every HTTP attempt (retries and fallbacks show in the trajectory)
 * @param maxSteps        Coder turns
 * @param maxInputTokens  prompt tokens over the run
 * @param maxOutputTokens completion tokens over the run
 * @param maxCostUsd      dollars over the run
 * @param maxChangedLines a larger change stops the run for a human
 * @param embeddings      vector search in the code index (off: BM25 only)
 * @param roles           run Spec-Refiner, Planner, Critic and Integrator around the Coder
 * @param localizer       suspicious lines ({@code file:line}) from test coverage for the first prompt, or null
 * @param attempts        independent Coder attempts from a clean workspace, until one meets the success criterion
 */
public record AgentSettings(BiFunction<Task, AttemptListener, ModelGateway> gateways, int maxSteps, long maxInputTokens,
                            long maxOutputTokens, double maxCostUsd, int maxChangedLines, boolean embeddings,
                            boolean roles, Function<StrategyContext, List<String>> localizer, int attempts) {

    public AgentSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public AgentSettings(BiFunction<Task, AttemptListener, ModelGateway> gateways, int maxSteps, long maxInputTokens,
                         long maxOutputTokens, double maxCostUsd, int maxChangedLines, boolean embeddings,
                         boolean roles, Function<StrategyContext, List<String>> localizer) {
        this(gateways, maxSteps, maxInputTokens, maxOutputTokens, maxCostUsd, maxChangedLines, embeddings, roles,
                localizer, 1);
    }

    /** Defaults for everything but the gateway. */
    public static AgentSettings defaults(BiFunction<Task, AttemptListener, ModelGateway> gateways) {
        return new AgentSettings(gateways, 30, 1_500_000, 60_000, 2.00, 300, true, true, null, 1);
    }

    public AgentSettings withAttempts(int k) {
        return new AgentSettings(gateways, maxSteps, maxInputTokens, maxOutputTokens, maxCostUsd, maxChangedLines,
                embeddings, roles, localizer, k);
    }

    public AgentSettings withLimits(int steps, double costUsd) {
        return new AgentSettings(gateways, steps, maxInputTokens, maxOutputTokens, costUsd, maxChangedLines,
                embeddings, roles, localizer, attempts);
    }

    public AgentSettings withEmbeddings(boolean on) {
        return new AgentSettings(gateways, maxSteps, maxInputTokens, maxOutputTokens, maxCostUsd, maxChangedLines,
                on, roles, localizer, attempts);
    }

    public AgentSettings withRoles(boolean on) {
        return new AgentSettings(gateways, maxSteps, maxInputTokens, maxOutputTokens, maxCostUsd, maxChangedLines,
                embeddings, on, localizer, attempts);
    }

    public AgentSettings withLocalizer(Function<StrategyContext, List<String>> newLocalizer) {
        return new AgentSettings(gateways, maxSteps, maxInputTokens, maxOutputTokens, maxCostUsd, maxChangedLines,
                embeddings, roles, newLocalizer, attempts);
    }
}

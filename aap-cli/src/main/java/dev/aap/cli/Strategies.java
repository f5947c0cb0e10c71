package dev.aap.cli;

import dev.aap.agent.AgentSettings;
import dev.aap.agent.LlmStrategy;
import dev.aap.core.BadInputException;
import dev.aap.core.pipeline.HybridStrategy;
import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.repair.search.SearchStrategy;

import java.util.Map;

/** The brains this build ships, by name, and how {@code --strategy auto} picks one. */
final class Strategies {

    /** Share of the budget {@code hybrid} gives the offline search before the agent takes over. */
    static final double HYBRID_SEARCH_SHARE = 0.3;

    private Strategies() {
    }

    static Map<String, PatchStrategy> all(AgentSettings agent) {
        var search = new SearchStrategy();
        var llm = new LlmStrategy(agent.localizer() == null ? agent.withLocalizer(search::suspiciousLines) : agent);
        return Map.of("search", search, "llm", llm, "hybrid", new HybridStrategy(search, llm, HYBRID_SEARCH_SHARE));
    }

    /** The brain to run: {@code auto} is llm with a model and search without; llm and hybrid need a model. */
    static String resolve(String strategy, String model) {
        return switch (strategy) {
            case "auto" -> model == null ? "search" : "llm";
            case "search" -> "search";
            case "llm", "hybrid" -> {
                if (model == null) {
                    throw new BadInputException("--strategy " + strategy + " needs a model: pass --model"
                            + " openai:NAME, anthropic:NAME or ollama:NAME, or set AAP_MODEL");
                }
                yield strategy;
            }
            default -> throw new BadInputException("unknown strategy '" + strategy
                    + "': use auto, search, llm or hybrid");
        };
    }
}

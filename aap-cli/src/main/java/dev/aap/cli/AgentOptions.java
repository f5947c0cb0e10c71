package dev.aap.cli;

import dev.aap.agent.AgentSettings;
import dev.aap.core.BadInputException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The model and agent options {@code fix} and {@code bench} share, resolved against config.yaml in one place. */
final class AgentOptions {

    @Option(names = "--model", description = "Model(s) for the llm brain: openai:NAME, anthropic:NAME or ollama:NAME;"
            + " a comma-separated list is a fallback chain (default: $AAP_MODEL, else config.yaml).")
    String model;

    @Option(names = "--base-url", description = "Model server address, e.g. http://localhost:8000/v1 for vLLM"
            + " (default: $AAP_BASE_URL, else the provider's).")
    String baseUrl;

    @Option(names = "--max-steps", description = "Most agent turns per run (default: 30).")
    Integer maxSteps;

    @Option(names = "--max-cost-usd", description = "Most dollars the models may cost per run (default: 2.0).")
    Double maxCostUsd;

    @Option(names = "--context-tokens", description = "Context window of the model(s) in tokens (default:"
            + " $AAP_CONTEXT_TOKENS, else the model's own: 128000 for OpenAI's gpt-4o and gpt-4.1, 200000 for Claude,"
            + " 8192 for Ollama, 32768 for another OpenAI-compatible server).")
    Integer contextTokens;

    @Option(names = "--temperature", description = "Sampling temperature of every model request (default:"
            + " $AAP_TEMPERATURE, else 0).")
    Double temperature;

    @Option(names = "--no-cache", description = "Always ask the model, never answer from the response cache"
            + " (a benchmark of a model should not reuse earlier answers).")
    boolean noCache;

    @Option(names = "--no-embeddings", description = "Code index without vector search (BM25 only).")
    boolean noEmbeddings;

    @Option(names = "--attempts", defaultValue = "1", description = "Independent attempts of the agent, each from a"
            + " clean workspace (the first at --temperature, later ones at 0.7), until one meets the success"
            + " criterion (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--roles", paramLabel = "full|minimal", description = "full: Spec-Refiner, Planner, Coder,"
            + " Critic and Integrator; minimal: the Coder and the deterministic Tester only (fewer model calls)."
            + " Default: minimal for ollama: models, full otherwise.")
    String roles;

    @Option(names = "--no-roles", description = "The same as --roles minimal.")
    boolean noRoles;

    /** The model chain: flag, then {@code AAP_MODEL}, then config.yaml; null when none is configured. */
    String model(UserConfig config) {
        return UserConfig.pick(model, "AAP_MODEL", config.model());
    }

    String baseUrl(UserConfig config, String chosenModel) {
        return UserConfig.baseUrl(baseUrl, config.baseUrl(), chosenModel);
    }

    /** The agent's settings for {@code chosenModel}; bad values are bad input. */
    AgentSettings settings(Path home, UserConfig config, String chosenModel) {
        int steps = maxSteps != null ? maxSteps : config.maxSteps() != null ? config.maxSteps() : 30;
        double cost = maxCostUsd != null ? maxCostUsd : config.maxCostUsd() != null ? config.maxCostUsd() : 2.0;
        if (steps <= 0 || cost < 0) {
            throw new BadInputException("--max-steps must be positive and --max-cost-usd not negative");
        }
        if (attempts < 1 || attempts > 10) {
            throw new BadInputException("--attempts must be between 1 and 10, got " + attempts);
        }
        Integer window = UserConfig.contextTokens(contextTokens, config.contextTokens());
        double sampling = UserConfig.temperature(temperature, config.temperature());
        return AgentSettings.defaults(ModelWiring.gateways(home, !noCache, window, sampling))
                .withLimits(steps, cost).withEmbeddings(!noEmbeddings).withRoles(fullRoles(chosenModel))
                .withAttempts(attempts);
    }

    /** Whether the model-backed roles run around the Coder: a slow local model is spared four extra calls. */
    private boolean fullRoles(String chosenModel) {
        if (noRoles && roles != null && !roles.equals("minimal")) {
            throw new BadInputException("--no-roles and --roles " + roles + " contradict each other");
        }
        if (noRoles) {
            return false;
        }
        if (roles == null) {
            return chosenModel == null || !chosenModel.strip().startsWith("ollama:");
        }
        return switch (roles.strip()) {
            case "full" -> true;
            case "minimal" -> false;
            default -> throw new BadInputException("--roles must be full or minimal, got '" + roles + "'");
        };
    }
}

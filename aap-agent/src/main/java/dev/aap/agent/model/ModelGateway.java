package dev.aap.agent.model;

import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The one way the agent talks to models: a chain of configured models behind retries, fallbacks and a cache, so the
 * loop never sees a provider.
 */
public interface ModelGateway {

    /**
     * Sends {@code request} (messages, tool specifications, max output tokens; its model name is ignored) to the
     * first model of the chain that answers. Retries 429 and 5xx with backoff; falls back to the next model when one
     * fails for good. Throws {@link dev.aap.core.BadInputException} for a wrong key or an unknown model and
     * {@link dev.aap.core.EnvironmentException} for an unreachable server, when no model of the chain answered.
     */
    ModelReply chat(ChatRequest request);

    /** The chain as the user wrote it, e.g. {@code openai:gpt-4o-mini,ollama:qwen2.5-coder}. */
    String describe();

    /**
     * The context window every request must fit, in tokens (prompt and answer together); the callers condense to
     * stay inside it. A request that does not fit anyway fails with {@link ContextTooLongException}.
     */
    default int contextTokens() {
        return ModelSpec.FALLBACK_CONTEXT_TOKENS;
    }

    /** The sampling temperature callers put on their requests unless they choose another. */
    default double temperature() {
        return 0.0;
    }
}

package dev.aap.agent.cache;

import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.aap.agent.model.ModelSpec;
import dev.aap.core.BadInputException;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.util.List;
import java.util.function.Consumer;

/**
 * The gateway of {@code aap replay}: no network. A request is answered from the cache by its hash; when the hash
 * misses (an observation differed, e.g. a timing in test output), the recorded reply at the same position of the
 * original trajectory is used and a warning says so; past the recorded replies the replay fails with what to do.
 */
public final class ReplayGateway implements ModelGateway {

    private final String chain;
    private final ResponseCache cache;
    private final List<ModelReply> recorded;
    private final Consumer<String> warn;
    private final int contextTokens;
    private final double temperature;
    private int position;

    public ReplayGateway(String chain, ResponseCache cache, List<ModelReply> recorded, Consumer<String> warn) {
        this(chain, cache, recorded, warn, ModelSpec.FALLBACK_CONTEXT_TOKENS, 0.0);
    }

    /**
     * @param contextTokens the window the original run worked with (its requests were condensed for it, and the same
     *                      window makes the same requests, so they hit the cache)
     * @param temperature   the original run's temperature (part of every request's cache key)
     */
    public ReplayGateway(String chain, ResponseCache cache, List<ModelReply> recorded, Consumer<String> warn,
                         int contextTokens, double temperature) {
        this.chain = chain;
        this.cache = cache;
        this.recorded = List.copyOf(recorded);
        this.warn = warn;
        this.contextTokens = contextTokens;
        this.temperature = temperature;
    }

    @Override
    public synchronized ModelReply chat(ChatRequest request) {
        int at = position++;
        var hit = cache.get(ResponseCache.key(chain, request));
        if (hit.isPresent()) {
            return hit.get();
        }
        if (at < recorded.size()) {
            warn.accept("replay: model request " + (at + 1) + " differs from the recorded one; using the recorded"
                    + " reply");
            return recorded.get(at);
        }
        throw new BadInputException("replay: the run made model request number " + (at + 1) + ", but the recorded"
                + " run has only " + recorded.size() + " replies; the replay diverged (was the repository or aap"
                + " changed?)");
    }

    @Override
    public String describe() {
        return chain;
    }

    @Override
    public int contextTokens() {
        return contextTokens;
    }

    @Override
    public double temperature() {
        return temperature;
    }
}

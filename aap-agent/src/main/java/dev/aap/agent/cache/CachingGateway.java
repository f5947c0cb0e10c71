package dev.aap.agent.cache;

import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.langchain4j.model.chat.request.ChatRequest;

/** Answers a request from the cache when it was seen before, else asks the models and stores the answer. */
public final class CachingGateway implements ModelGateway {

    private final ModelGateway inner;
    private final ResponseCache cache;

    public CachingGateway(ModelGateway inner, ResponseCache cache) {
        this.inner = inner;
        this.cache = cache;
    }

    @Override
    public ModelReply chat(ChatRequest request) {
        String key = ResponseCache.key(inner.describe(), request);
        var hit = cache.get(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        ModelReply reply = inner.chat(request);
        cache.put(key, reply);
        return reply;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public int contextTokens() {
        return inner.contextTokens();
    }

    @Override
    public double temperature() {
        return inner.temperature();
    }
}

package dev.aap.agent.model;

import dev.aap.core.EnvironmentException;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Tries each model of the chain in turn, retrying 429, 5xx and one read timeout per model with backoff, and reports
 * the first model's failure when none answers (the first model is the one the user cares about). A prompt refused as
 * too long for the context window ends the call at once with {@link ContextTooLongException}: the caller must send
 * less, and another model would get the same prompt.
 */
final class ChainGateway implements ModelGateway {

    /** One model of the chain with its client. */
    record Link(ModelSpec spec, ChatModel model) {
    }

    private record Failed(ModelSpec spec, Failure failure, int attempts) {
    }

    private final List<Link> chain;
    private final ModelSettings settings;
    private final Backoff backoff;

    ChainGateway(List<Link> chain, ModelSettings settings) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty model chain");
        }
        this.chain = List.copyOf(chain);
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff());
    }

    @Override
    public ModelReply chat(ChatRequest request) {
        ChatRequest outgoing = withoutModelName(request);
        long start = System.nanoTime();
        int[] attempts = {0};
        Failed first = null;
        for (Link link : chain) {
            int before = attempts[0];
            try {
                ChatResponse response = attempt(link, ProviderClients.adapt(link.spec(), outgoing), attempts);
                return reply(link.spec(), response, millisSince(start), attempts[0]);
            } catch (GaveUp gaveUp) {
                if (gaveUp.failure instanceof Failure.ContextTooLong tooLong) {
                    throw tooLong.toContextException(link.spec());
                }
                if (first == null) {
                    first = new Failed(link.spec(), gaveUp.failure, attempts[0] - before);
                }
            }
        }
        throw first.failure().toException(first.spec(), first.attempts(), settings.timeout());
    }

    @Override
    public String describe() {
        return chain.stream().map(link -> link.spec().id()).collect(Collectors.joining(","));
    }

    /** The smallest window of the chain: a fallback must not get a prompt its server would cut or refuse. */
    @Override
    public int contextTokens() {
        return Models.contextTokens(chain.stream().map(Link::spec).toList(), settings);
    }

    @Override
    public double temperature() {
        return settings.temperature();
    }

    private ChatResponse attempt(Link link, ChatRequest request, int[] attempts) throws GaveUp {
        int retries = 0;
        while (true) {
            attempts[0]++;
            long start = System.nanoTime();
            Failure failure;
            try {
                ChatResponse response = link.model().chat(request);
                settings.listener().attempted(link.spec().id(), attempts[0], "ok", millisSince(start));
                return response;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new EnvironmentException("interrupted while waiting for " + link.spec().id());
                }
                failure = Failures.classify(e);
            }
            settings.listener().attempted(link.spec().id(), attempts[0], failure.outcome(), millisSince(start));
            if (retries >= failure.retryBudget(settings.maxRetries())) {
                throw new GaveUp(failure);
            }
            retries++;
            sleep(backoff.delay(retries).toMillis());
        }
    }

    /** The request without a model name, sampling at the settings' temperature unless it names its own. */
    private ChatRequest withoutModelName(ChatRequest request) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(request.messages())
                .maxOutputTokens(request.maxOutputTokens())
                .temperature(request.temperature() != null ? request.temperature() : settings.temperature());
        if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
            builder.toolSpecifications(request.toolSpecifications());
        }
        return builder.build();
    }

    private static ModelReply reply(ModelSpec spec, ChatResponse response, long millis, int attempts) {
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        if (usage instanceof AnthropicTokenUsage cachedToo) {
            // Anthropic counts prompt tokens read from or written to its prompt cache apart from input_tokens; the
            // whole prompt is what fills the window and what the token budget means (cost is over-counted a little
            // for cache reads, which bill at a tenth, and under-counted for cache writes, which bill at 1.25)
            in += zeroIfNull(cachedToo.cacheReadInputTokens()) + zeroIfNull(cachedToo.cacheCreationInputTokens());
        }
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new ModelReply(response.aiMessage(), spec.id(), in, out, millis, attempts, false);
    }

    private static int zeroIfNull(Integer n) {
        return n == null ? 0 : n;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting to retry the model");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Control flow out of {@link #attempt}: this model is done for. */
    private static final class GaveUp extends Exception {
        private final transient Failure failure;

        GaveUp(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}

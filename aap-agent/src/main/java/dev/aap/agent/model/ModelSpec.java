package dev.aap.agent.model;

import dev.aap.core.BadInputException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One model the user asked for, as {@code provider:name} plus the server to reach it at, parsed from {@code --model}.
 *
 * @param provider the wire protocol to speak
 * @param name     the provider's model name; may itself contain colons ({@code qwen2.5-coder:7b})
 * @param baseUrl  the server root as LangChain4j expects it, without a trailing slash; the provider's default when
 *                 given as null or blank
 */
public record ModelSpec(Provider provider, String name, String baseUrl) {

    /** The wire protocols aap speaks, with where each one's public server lives. */
    public enum Provider {
        /** OpenAI Chat Completions, also spoken by vLLM, llama.cpp's server and LM Studio. */
        OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
        /** Anthropic Messages. */
        ANTHROPIC("anthropic", "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
        /** Ollama's native {@code /api/chat}; no key. */
        OLLAMA("ollama", "http://localhost:11434", null);

        private final String id;
        private final String defaultBaseUrl;
        private final String keyVariable;

        Provider(String id, String defaultBaseUrl, String keyVariable) {
            this.id = id;
            this.defaultBaseUrl = defaultBaseUrl;
            this.keyVariable = keyVariable;
        }

        /** The lower-case name used in {@code --model}. */
        public String id() {
            return id;
        }

        /** Where the provider's own server lives. */
        public String defaultBaseUrl() {
            return defaultBaseUrl;
        }

        /** The environment variable holding the API key, or null when the provider takes none. */
        public String keyVariable() {
            return keyVariable;
        }
    }

    static final String FORMS = "expected PROVIDER:NAME[,PROVIDER:NAME...] with PROVIDER one of openai, anthropic, "
            + "ollama, e.g. openai:gpt-4o-mini, anthropic:claude-sonnet-4-5, ollama:qwen2.5-coder:7b, "
            + "or a fallback chain openai:gpt-4o-mini,ollama:qwen2.5-coder:7b";

    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        if (name == null || name.isBlank()) {
            throw new BadInputException("a model needs a name: " + FORMS);
        }
        name = name.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? provider.defaultBaseUrl() : checkedUrl(baseUrl.strip());
    }

    /**
     * Parses {@code --model}: a comma-separated fallback chain of {@code provider:name}. The name is everything after
     * the first colon. {@code baseUrl} (from {@code --base-url}, may be null) applies to every model of the same
     * provider as the first model; models of other providers use their provider's default server.
     */
    public static List<ModelSpec> parseChain(String spec, String baseUrl) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("no model given: " + FORMS);
        }
        List<ModelSpec> chain = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            chain.add(parseOne(part.strip(), spec));
        }
        Provider first = chain.getFirst().provider();
        return chain.stream()
                .map(m -> m.provider() == first ? new ModelSpec(m.provider(), m.name(), baseUrl) : m)
                .toList();
    }

    private static ModelSpec parseOne(String part, String whole) {
        int colon = part.indexOf(':');
        if (colon <= 0 || colon == part.length() - 1) {
            throw new BadInputException("bad --model '" + whole + "': " + FORMS);
        }
        String providerId = part.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        for (Provider p : Provider.values()) {
            if (p.id().equals(providerId)) {
                return new ModelSpec(p, part.substring(colon + 1), null);
            }
        }
        throw new BadInputException("unknown model provider '" + providerId + "' in --model '" + whole + "': " + FORMS);
    }

    private static String checkedUrl(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = URI.create(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadInputException("bad --base-url '" + url + "': expected http(s)://HOST[:PORT][/PATH], e.g. "
                + "http://localhost:8000/v1 for vLLM or http://localhost:11434 for Ollama");
    }

    /** {@code provider:name}, as the user wrote it in {@code --model}. */
    public String id() {
        return provider.id() + ":" + name;
    }

    /** True when the model is reached at a server other than its provider's own. */
    public boolean customBaseUrl() {
        return !baseUrl.equals(provider.defaultBaseUrl());
    }

    /** The window a gateway assumes when it cannot tell (a replay of a run that did not record its window). */
    public static final int FALLBACK_CONTEXT_TOKENS = 32_768;

    /**
     * The context window (prompt plus answer, in tokens) aap assumes for this model unless the user sets one with
     * {@code --context-tokens} or {@code context_tokens}.
     */
    public int defaultContextTokens() {
        return switch (provider) {
            case ANTHROPIC -> 200_000; // every current Claude model
            // vLLM, llama.cpp and LM Studio serve whatever window they were started with; 32k is what most coder
            // models are served at, and a server started with less says so in its error (the loop then condenses)
            case OPENAI -> customBaseUrl() ? FALLBACK_CONTEXT_TOKENS : openAiWindow(name.toLowerCase(Locale.ROOT));
            // Ollama's own default (2048, later 4096) silently drops the start of a longer prompt, i.e. the task.
            // Every request therefore carries num_ctx; 8192 holds the system prompt, the task with its retrieved
            // code and a few observations, every model Ollama serves for coding takes it, and it keeps the KV cache
            // small enough for a laptop (it grows linearly with num_ctx, and Ollama reloads the model whenever
            // num_ctx changes, so it is one fixed value per run). Larger windows are a --context-tokens away.
            case OLLAMA -> 8_192;
        };
    }

    private static int openAiWindow(String model) {
        if (model.startsWith("gpt-5")) {
            return 272_000; // its input limit; the 400k window includes reasoning and output
        }
        if (model.matches("o\\d.*")) {
            return 200_000;
        }
        if (model.startsWith("gpt-3.5")) {
            return 16_385;
        }
        if (model.equals("gpt-4") || model.startsWith("gpt-4-0")) {
            return 8_192;
        }
        // gpt-4o, gpt-4o-mini, gpt-4-turbo; gpt-4.1 takes 1M, but a 128k budget keeps each step's cost and latency
        // sane and condensing keeps what matters
        return 128_000;
    }
}

package dev.aap.agent.model;

import java.util.List;

/** Turns the user's {@code --model} chain into a {@link ModelGateway}; the one way to get one. */
public final class Models {

    private Models() {
    }

    /**
     * Builds a client per model of {@code chain} (no network yet). Throws {@link dev.aap.core.BadInputException} when
     * a model needs a key the settings' environment lacks.
     */
    public static ModelGateway connect(List<ModelSpec> chain, ModelSettings settings) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("empty model chain");
        }
        return new ChainGateway(chain.stream()
                .map(spec -> new ChainGateway.Link(spec, ProviderClients.chatModel(spec, settings)))
                .toList(), settings);
    }

    /** The window a gateway for {@code chain} works with: the smallest of its models' (no client is built). */
    public static int contextTokens(List<ModelSpec> chain, ModelSettings settings) {
        return chain.stream().mapToInt(settings::contextTokens).min().orElse(ModelSpec.FALLBACK_CONTEXT_TOKENS);
    }
}

package dev.aap.agent.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * USD prices per million tokens by {@code provider:name}: a small built-in list, overridden and extended by
 * {@code AAP_HOME/prices.yaml}. Local models (Ollama) cost nothing; a model not in the table is "price unknown".
 */
public final class PriceTable {

    /** Dollars per million input and output tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {

        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
        }
    }

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The built-in prices (list prices as published by the providers in 2025; check them for your contract). */
    public static PriceTable builtIn() {
        var m = new HashMap<String, Price>();
        m.put("openai:gpt-4o", new Price(2.50, 10.00));
        m.put("openai:gpt-4o-mini", new Price(0.15, 0.60));
        m.put("openai:gpt-4.1", new Price(2.00, 8.00));
        m.put("openai:gpt-4.1-mini", new Price(0.40, 1.60));
        m.put("openai:gpt-4.1-nano", new Price(0.10, 0.40));
        m.put("openai:o4-mini", new Price(1.10, 4.40));
        m.put("anthropic:claude-sonnet-4-5", new Price(3.00, 15.00));
        m.put("anthropic:claude-sonnet-4-0", new Price(3.00, 15.00));
        m.put("anthropic:claude-3-5-haiku-latest", new Price(0.80, 4.00));
        m.put("anthropic:claude-haiku-4-5", new Price(1.00, 5.00));
        m.put("anthropic:claude-opus-4-1", new Price(15.00, 75.00));
        return new PriceTable(m);
    }

    /**
     * The built-in table with {@code file} laid over it when it exists. The file maps {@code provider:name} to
     * {@code {input: USD per million, output: USD per million}}.
     */
    public static PriceTable load(Path file) {
        PriceTable base = builtIn();
        if (!Files.isRegularFile(file)) {
            return base;
        }
        var m = new HashMap<>(base.prices);
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                return base; // empty, or comments only: nothing to lay over the built-in prices
            }
            if (!root.isObject()) {
                throw new BadInputException(file + " must map provider:model to {input: N, output: N}");
            }
            for (var it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode in = e.getValue().get("input");
                JsonNode out = e.getValue().get("output");
                if (in == null || out == null || !in.isNumber() || !out.isNumber()) {
                    throw new BadInputException(file + ": '" + e.getKey() + "' needs numeric input and output prices"
                            + " (USD per million tokens)");
                }
                m.put(e.getKey().toLowerCase(Locale.ROOT), new Price(in.asDouble(), out.asDouble()));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
        return new PriceTable(m);
    }

    /** The price of {@code model} ({@code provider:name}); empty when unknown. Ollama models are free. */
    public Optional<Price> price(String model) {
        String key = model.toLowerCase(Locale.ROOT);
        if (key.startsWith("ollama:")) {
            return Optional.of(new Price(0, 0));
        }
        Price p = prices.get(key);
        if (p == null) {
            // dated snapshots ("gpt-4o-2024-08-06") cost what their family costs
            p = prices.entrySet().stream().filter(e -> key.startsWith(e.getKey() + "-"))
                    .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                    .map(Map.Entry::getValue).orElse(null);
        }
        return Optional.ofNullable(p);
    }
}

package dev.aap.agent.usage;

import dev.aap.core.run.ModelUsage;

import java.util.Set;
import java.util.TreeSet;

/** Adds up the model calls of one run; thread-safe. */
public final class UsageMeter {

    private final PriceTable prices;
    private final Set<String> unpriced = new TreeSet<>();
    private int calls;
    private long input;
    private long output;
    private double cost;
    private final java.util.Map<String, Integer> byRole = new java.util.TreeMap<>();

    public UsageMeter(PriceTable prices) {
        this.prices = prices;
    }

    /**
     * Records one call and returns its cost: 0 when the price is unknown or the answer came from the cache (its
     * tokens are counted, nothing was spent).
     */
    public synchronized double record(String model, long inputTokens, long outputTokens, boolean cached) {
        return record("other", model, inputTokens, outputTokens, cached);
    }

    /** {@link #record(String, long, long, boolean)} for a call made by {@code role}. */
    public synchronized double record(String role, String model, long inputTokens, long outputTokens,
                                      boolean cached) {
        byRole.merge(role, 1, Integer::sum);
        calls++;
        input += inputTokens;
        output += outputTokens;
        if (cached) {
            return 0;
        }
        var price = prices.price(model);
        if (price.isEmpty()) {
            unpriced.add(model);
            return 0;
        }
        double c = price.get().cost(inputTokens, outputTokens);
        cost += c;
        return c;
    }

    public synchronized ModelUsage total() {
        return new ModelUsage(calls, input, output, Math.round(cost * 1_000_000) / 1_000_000.0, unpriced.isEmpty(),
                byRole);
    }

    /** Models used without a known price, e.g. for a "price unknown" note. */
    public synchronized Set<String> unpriced() {
        return Set.copyOf(unpriced);
    }
}

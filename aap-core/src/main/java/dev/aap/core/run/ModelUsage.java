package dev.aap.core.run;

/**
 * What a run spent on language models; all zero for the offline brain.
 *
 * @param modelCalls   model requests answered (cached answers included)
 * @param inputTokens  prompt tokens reported by the providers
 * @param outputTokens completion tokens reported by the providers
 * @param costUsd      cost from the price table; 0 for local or unknown models
 * @param priceKnown   false when some model had no price in the table (its calls are counted at 0)
 */
public record ModelUsage(int modelCalls, long inputTokens, long outputTokens, double costUsd, boolean priceKnown) {

    public static ModelUsage none() {
        return new ModelUsage(0, 0, 0, 0, true);
    }

    public ModelUsage plus(ModelUsage o) {
        return new ModelUsage(modelCalls + o.modelCalls, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                costUsd + o.costUsd, priceKnown && o.priceKnown);
    }
}

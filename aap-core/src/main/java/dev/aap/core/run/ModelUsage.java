package dev.aap.core.run;

/**
 * What a run spent on language models; all zero for the offline brain.
 *
 * @param modelCalls   model requests answered (cached answers included)
 * @param inputTokens  prompt tokens reported by the providers
 * @param outputTokens completion tokens reported by the providers
 * @param costUsd      cost from the price table; 0 for local or unknown models
 * @param priceKnown   false when some model had no price in the table (its calls are counted at 0)
 * @param callsByRole  model calls per role (coder, spec_refiner, planner, critic, integrator), to see what each costs
 */
public record ModelUsage(int modelCalls, long inputTokens, long outputTokens, double costUsd, boolean priceKnown,
                         java.util.Map<String, Integer> callsByRole) {

    public ModelUsage {
        callsByRole = callsByRole == null ? java.util.Map.of() : java.util.Map.copyOf(callsByRole);
    }

    public ModelUsage(int modelCalls, long inputTokens, long outputTokens, double costUsd, boolean priceKnown) {
        this(modelCalls, inputTokens, outputTokens, costUsd, priceKnown, java.util.Map.of());
    }

    public static ModelUsage none() {
        return new ModelUsage(0, 0, 0, 0, true);
    }

    public ModelUsage plus(ModelUsage o) {
        var roles = new java.util.TreeMap<String, Integer>(callsByRole);
        o.callsByRole.forEach((k, v) -> roles.merge(k, v, Integer::sum));
        return new ModelUsage(modelCalls + o.modelCalls, inputTokens + o.inputTokens, outputTokens + o.outputTokens,
                costUsd + o.costUsd, priceKnown && o.priceKnown, roles);
    }
}

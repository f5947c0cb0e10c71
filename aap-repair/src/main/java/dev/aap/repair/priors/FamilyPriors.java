package dev.aap.repair.priors;

import java.util.Map;

/**
 * The family prior of every operator of one language, as the search ranks candidates by it.
 *
 * @param language   {@code java} or {@code python}; empty for {@link #NONE}
 * @param byOperator operator name to prior in (0, 1]
 * @param floor      the prior of an operator the table does not list (the language's lowest)
 * @param source     where the numbers come from, for the run's log
 */
public record FamilyPriors(String language, Map<String, Double> byOperator, double floor, String source) {

    /** No family priors: candidates keep the operators' own numbers. */
    public static final FamilyPriors NONE = new FamilyPriors("", Map.of(), 1, "none");

    public FamilyPriors {
        byOperator = Map.copyOf(byOperator);
    }

    public boolean isNone() {
        return byOperator.isEmpty();
    }

    /** The operator's family prior; an operator missing from the table gets the floor. */
    public double of(String operator) {
        return byOperator.getOrDefault(operator, floor);
    }
}

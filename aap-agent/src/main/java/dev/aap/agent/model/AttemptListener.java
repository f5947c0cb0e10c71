package dev.aap.agent.model;

/**
 * Hears about every HTTP attempt the gateway makes, so the trajectory can show retries and fallbacks as they happen.
 */
@FunctionalInterface
public interface AttemptListener {

    /** Hears nothing. */
    AttemptListener NONE = (model, attempt, outcome, millis) -> { };

    /**
     * Called after each attempt.
     *
     * @param model   {@code provider:name} of the model tried
     * @param attempt 1-based count of attempts in this {@link ModelGateway#chat} call, across the whole chain
     * @param outcome {@code ok}, or what went wrong, e.g. {@code HTTP 429: Rate limit reached}
     * @param millis  how long the attempt took (the backoff sleep before it not included)
     */
    void attempted(String model, int attempt, String outcome, long millis);
}

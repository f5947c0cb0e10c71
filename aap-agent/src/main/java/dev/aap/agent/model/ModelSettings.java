package dev.aap.agent.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How patiently, with which keys and with which generation settings the gateway talks to models; tests pass their own
 * keys and tiny backoffs here.
 *
 * @param timeout        connect and read timeout of one HTTP attempt
 * @param maxRetries     retries per model after the first attempt, for 429 and 5xx (a timeout is retried once)
 * @param initialBackoff wait before the first retry; doubles per retry, with jitter
 * @param env            where {@code OPENAI_API_KEY} and {@code ANTHROPIC_API_KEY} are looked up
 * @param listener       told about every attempt
 * @param contextTokens  the context window of every model of the chain, in tokens; null for each model's own
 *                       ({@link ModelSpec#defaultContextTokens()})
 * @param temperature    the sampling temperature of requests that name none (0: the same prompt gives the same
 *                       answer as far as the provider allows, which the response cache and replays rely on)
 */
public record ModelSettings(Duration timeout, int maxRetries, Duration initialBackoff, Map<String, String> env,
                            AttemptListener listener, Integer contextTokens, double temperature) {

    /** Settings with each model's own window and temperature 0. */
    public ModelSettings(Duration timeout, int maxRetries, Duration initialBackoff, Map<String, String> env,
                         AttemptListener listener) {
        this(timeout, maxRetries, initialBackoff, env, listener, null, 0.0);
    }

    public ModelSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxRetries < 0 || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("maxRetries and initialBackoff must not be negative");
        }
        if (contextTokens != null && contextTokens < MIN_CONTEXT_TOKENS) {
            throw new IllegalArgumentException("contextTokens must be at least " + MIN_CONTEXT_TOKENS + ": "
                    + contextTokens);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2: " + temperature);
        }
        env = Map.copyOf(env);
        listener = listener == null ? AttemptListener.NONE : listener;
    }

    /** Below this no system prompt, task and answer fit together. */
    public static final int MIN_CONTEXT_TOKENS = 2048;

    /**
     * The process environment, a 120 s timeout per attempt ({@code AAP_MODEL_TIMEOUT_SECONDS} overrides it: a large
     * model on a CPU can take longer), 4 retries starting at 1 s, no listener.
     */
    public static ModelSettings defaults() {
        return new ModelSettings(Duration.ofSeconds(timeoutSeconds(System.getenv("AAP_MODEL_TIMEOUT_SECONDS"))), 4,
                Duration.ofSeconds(1), System.getenv(), AttemptListener.NONE);
    }

    static long timeoutSeconds(String setting) {
        if (setting == null || setting.isBlank()) {
            return 120;
        }
        try {
            long s = Long.parseLong(setting.strip());
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new dev.aap.core.BadInputException("AAP_MODEL_TIMEOUT_SECONDS must be a positive number of seconds,"
                + " got '" + setting + "'");
    }

    /** The same settings telling {@code newListener} about attempts. */
    public ModelSettings withListener(AttemptListener newListener) {
        return new ModelSettings(timeout, maxRetries, initialBackoff, env, newListener, contextTokens, temperature);
    }

    /** The same settings looking keys up in {@code newEnv}. */
    public ModelSettings withEnv(Map<String, String> newEnv) {
        return new ModelSettings(timeout, maxRetries, initialBackoff, newEnv, listener, contextTokens, temperature);
    }

    /** The same settings with one window for every model ({@code null}: each model's own). */
    public ModelSettings withContextTokens(Integer tokens) {
        return new ModelSettings(timeout, maxRetries, initialBackoff, env, listener, tokens, temperature);
    }

    /** The same settings sampling at {@code newTemperature} by default. */
    public ModelSettings withTemperature(double newTemperature) {
        return new ModelSettings(timeout, maxRetries, initialBackoff, env, listener, contextTokens, newTemperature);
    }

    /** The window of {@code spec}: the user's setting, else the model's default. */
    public int contextTokens(ModelSpec spec) {
        return contextTokens != null ? contextTokens : spec.defaultContextTokens();
    }

    String key(String variable) {
        String value = variable == null ? null : env.get(variable);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

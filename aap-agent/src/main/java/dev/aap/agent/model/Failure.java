package dev.aap.agent.model;

import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.agent.model.ModelSpec.Provider;

import java.time.Duration;

/** Why one HTTP attempt at a model failed, reduced to what decides retrying and what the user is told. */
sealed interface Failure {

    /** The server answered with a non-2xx status; {@code detail} is the provider's own error message. */
    record Http(int status, String detail) implements Failure {
    }

    /**
     * The server refused the prompt as longer than the model's context window; the numbers are -1 where its error
     * did not state them. Neither a retry nor another model of the chain gets a different prompt, so this is never
     * retried and never falls back: the caller must send less.
     */
    record ContextTooLong(int status, int limitTokens, int promptTokens, String detail) implements Failure {

        /** What the caller catches. */
        ContextTooLongException toContextException(ModelSpec spec) {
            return new ContextTooLongException(spec.id(), limitTokens, promptTokens, detail);
        }
    }

    /** The server accepted the connection but sent no answer within the timeout. */
    record Timeout(String detail) implements Failure {
    }

    /** No connection: refused, unknown host, connect timeout, TLS failure. */
    record Unreachable(String detail) implements Failure {
    }

    /** The client refused the request before sending it (a feature the provider lacks). */
    record Rejected(String detail) implements Failure {
    }

    /** The server answered 2xx with something that is not the provider's protocol. */
    record Unreadable(String detail) implements Failure {
    }

    /** Short text for the attempt listener. */
    default String outcome() {
        return switch (this) {
            case Http h -> "HTTP " + h.status() + ": " + h.detail();
            case ContextTooLong c -> "context too long (HTTP " + c.status() + ": " + c.detail() + ")";
            case Timeout t -> "timed out: " + t.detail();
            case Unreachable u -> "unreachable: " + u.detail();
            case Rejected r -> "rejected by the client: " + r.detail();
            case Unreadable u -> "unreadable response: " + u.detail();
        };
    }

    /** How many retries of the same model this kind of failure deserves. */
    default int retryBudget(int maxRetries) {
        return switch (this) {
            case Http h -> h.status() == 429 || h.status() >= 500 ? maxRetries : 0;
            case ContextTooLong c -> 0;
            case Timeout t -> Math.min(1, maxRetries);
            case Unreachable u -> 0;
            case Rejected r -> 0;
            case Unreadable u -> 0;
        };
    }

    /** The error the user sees when this was the first failure of a chain in which no model answered. */
    default AapException toException(ModelSpec spec, int attempts, Duration timeout) {
        String where = spec.provider().id() + " API at " + spec.baseUrl();
        return switch (this) {
            case Http h when h.status() == 401 || h.status() == 403 -> new BadInputException(
                    "the " + where + " rejected the key (HTTP " + h.status() + ": " + h.detail() + "): "
                            + keyAdvice(spec.provider()));
            case Http h when h.status() == 404 -> new BadInputException(
                    "unknown model " + spec.name() + " at " + spec.baseUrl() + " (HTTP 404: " + h.detail() + "); "
                            + modelAdvice(spec));
            case Http h when h.status() == 429 || h.status() >= 500 -> new EnvironmentException(
                    "the " + where + " kept failing for " + spec.name() + " (HTTP " + h.status() + ": " + h.detail()
                            + ") after " + attempts + plural(attempts) + "; try again later or add a fallback model"
                            + " to --model, e.g. " + spec.id() + ",ollama:qwen2.5-coder:7b");
            case Http h -> new BadInputException(
                    "the " + where + " refused the request for " + spec.name() + " (HTTP " + h.status() + ": "
                            + h.detail() + "); check that the model supports tool calling and the context fits");
            case ContextTooLong c -> new BadInputException(
                    "the prompt is too long for " + spec.id() + " (HTTP " + c.status() + ": " + c.detail() + "); if the"
                            + " model's window is smaller than aap assumed, pass --context-tokens");
            case Timeout t -> new EnvironmentException(
                    "no answer from " + spec.baseUrl() + " for " + spec.name() + " within " + seconds(timeout)
                            + " (" + attempts + plural(attempts) + "); is the server overloaded or the model too slow?");
            case Unreachable u -> new EnvironmentException(
                    "cannot reach " + spec.baseUrl() + " (" + u.detail() + "): is the server running? check --base-url"
                            + (spec.provider() == Provider.OLLAMA ? " or start it with 'ollama serve'" : ""));
            case Rejected r -> new BadInputException(
                    spec.id() + " cannot take this request: " + r.detail());
            case Unreadable u -> new EnvironmentException(
                    "the server at " + spec.baseUrl() + " sent an answer for " + spec.name() + " that is not the "
                            + spec.provider().id() + " protocol (" + u.detail() + "); check --base-url");
        };
    }

    private static String keyAdvice(Provider provider) {
        return provider.keyVariable() == null
                ? "this server wants credentials aap does not send for " + provider.id()
                : "check " + provider.keyVariable();
    }

    private static String modelAdvice(ModelSpec spec) {
        return switch (spec.provider()) {
            case OLLAMA -> "pull it with 'ollama pull " + spec.name() + "' or fix the name in --model";
            case OPENAI -> "fix the name in --model; for a local server check that --base-url is the URL that "
                    + "/chat/completions follows, e.g. http://localhost:8000/v1";
            case ANTHROPIC -> "fix the name in --model, e.g. anthropic:claude-sonnet-4-5";
        };
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static String plural(int attempts) {
        return attempts == 1 ? " attempt" : " attempts";
    }
}

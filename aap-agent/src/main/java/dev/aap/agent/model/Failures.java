package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Reads what went wrong out of whatever LangChain4j and the JDK HTTP client threw. */
final class Failures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;

    private Failures() {
    }

    /** Classifies by the cause chain, most specific first: an HTTP status wins over any wrapper's type. */
    static Failure classify(Throwable thrown) {
        if (firstOf(thrown, HttpException.class) instanceof HttpException h) {
            String detail = providerMessage(h.getMessage());
            return ContextErrors.read(h.statusCode(), h.getMessage(), detail)
                    .<Failure>map(c -> c)
                    .orElseGet(() -> new Failure.Http(h.statusCode(), detail));
        }
        if (firstOf(thrown, HttpConnectTimeoutException.class) != null) {
            return new Failure.Unreachable("connect timed out");
        }
        Throwable timeout = firstOf(thrown, HttpTimeoutException.class, SocketTimeoutException.class,
                TimeoutException.class);
        if (timeout != null) {
            return new Failure.Timeout(describe(timeout));
        }
        if (firstOf(thrown, ConnectException.class) instanceof ConnectException c) {
            return new Failure.Unreachable(c.getMessage() == null ? "connection refused" : describe(c));
        }
        if (firstOf(thrown, UnknownHostException.class, UnresolvedAddressException.class,
                UnresolvedModelServerException.class) != null) {
            return new Failure.Unreachable("unknown host");
        }
        Throwable unreachable = firstOf(thrown, NoRouteToHostException.class, SSLException.class);
        if (unreachable != null) {
            return new Failure.Unreachable(describe(unreachable));
        }
        Throwable rejected = firstOf(thrown, UnsupportedFeatureException.class, IllegalArgumentException.class);
        if (rejected != null) {
            return new Failure.Rejected(describe(rejected));
        }
        return new Failure.Unreadable(describe(root(thrown)));
    }

    /** The provider's own error text from an error body: OpenAI, Anthropic and Ollama shapes, else the raw body. */
    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return "empty response body";
        }
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode error = node.path("error");
            if (error.isTextual()) {
                return trim(error.asText());
            }
            if (error.path("message").isTextual()) {
                return trim(error.path("message").asText());
            }
            if (node.path("message").isTextual()) {
                return trim(node.path("message").asText());
            }
        } catch (Exception notJson) {
            // fall through to the raw body
        }
        return trim(body);
    }

    static String trim(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        int location = message.indexOf(" at [Source");
        return trim(name + ": " + (location > 0 ? message.substring(0, location) : message));
    }

    @SafeVarargs
    private static Throwable firstOf(Throwable thrown, Class<? extends Throwable>... types) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 20; depth++) {
            t = t.getCause();
        }
        return t;
    }
}

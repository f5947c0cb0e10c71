package dev.aap.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON over HTTPS to a forge's REST API: authentication headers from a supplier (tokens expire and are renewed),
 * one retry on 502/503/504 and on 429 (after Retry-After, at most 10 s), and every failure as a one-line
 * {@link ForgeException} that names the call and never the token.
 */
public final class Rest {

    /** Says what a failed call means on this forge: the status and the forge's own message become one line. */
    @FunctionalInterface
    public interface Explainer {
        String explain(String call, int status, String forgeMessage);
    }

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final Supplier<Map<String, String>> auth;
    private final Explainer explainer;

    public Rest(HttpClient http, String base, Supplier<Map<String, String>> auth, Explainer explainer) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.auth = auth;
        this.explainer = explainer;
    }

    /** An HTTP client with the timeouts aap uses for forges. */
    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public JsonNode get(String path) {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body);
    }

    public JsonNode patch(String path, Object body) {
        return call("PATCH", path, body);
    }

    public JsonNode put(String path, Object body) {
        return call("PUT", path, body);
    }

    /** Calls {@code method path}; a 2xx answer's JSON (or null JSON when empty), else a {@link ForgeException}. */
    public JsonNode call(String method, String path, Object body) {
        String call = method + " " + path.replaceAll("\\?.*", "");
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = send(method, path, body, call);
            int status = r.statusCode();
            if (status / 100 == 2) {
                return r.body() == null || r.body().isBlank() ? NullNode.getInstance() : parse(r.body(), call);
            }
            boolean again = status == 429 || status == 502 || status == 503 || status == 504;
            if (again && attempt == 1) {
                pause(r);
                continue;
            }
            throw new ForgeException(explainer.explain(call, status, message(r.body())), status);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body, String call) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "aap");
        auth.get().forEach(b::header);
        try {
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                        StandardCharsets.UTF_8));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ForgeException(explainer.explain(call, 0, "cannot reach " + URI.create(base).getHost() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException(call + " was interrupted", 0);
        }
    }

    private static void pause(HttpResponse<String> r) {
        long seconds = r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(0, Math.min(10, seconds))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException("interrupted while waiting to retry", 0);
        }
    }

    private static JsonNode parse(String body, String call) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ForgeException(call + " answered something that is not JSON", 0);
        }
    }

    /** The forge's own error message: GitHub's {@code message}, GitLab's {@code message} or {@code error}. */
    private static String message(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(body);
            JsonNode m = n.has("message") ? n.get("message") : n.path("error");
            String text = m.isTextual() ? m.asText() : m.isMissingNode() ? "" : m.toString();
            JsonNode errors = n.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                text += ": " + errors.get(0).path("message").asText(errors.get(0).toString());
            }
            return text.lines().findFirst().orElse("");
        } catch (IOException e) {
            return body.lines().findFirst().orElse("");
        }
    }
}

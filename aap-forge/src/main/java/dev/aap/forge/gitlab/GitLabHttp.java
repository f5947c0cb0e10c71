package dev.aap.forge.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.aap.forge.ForgeException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * GitLab's REST v4 over HTTP: the token header, timeouts, one retry on a busy or rate-limited server, and the one-line
 * errors that say what to do. Never puts the token into a message.
 */
final class GitLabHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_WAIT = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one call is about, for its error messages: "commenting on issue 42", "issue 42". */
    record Call(String doing, String what) {
    }

    /** An answer of any status, its body parsed when it is JSON. */
    record Reply(int status, JsonNode body, HttpHeaders headers) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** GitLab's own words on a failure ({@code message} or {@code error}), on one line. */
        String message() {
            JsonNode m = body.has("message") ? body.get("message") : body.path("error");
            String text = m.isTextual() ? m.asText() : m.isMissingNode() || m.isNull() ? "" : m.toString();
            return text.replaceAll("\\s+", " ").strip();
        }
    }

    private final HttpClient client;
    private final URI api;
    private final String project;
    private final String token;

    GitLabHttp(HttpClient client, URI baseUrl, String project, String token) {
        this.client = client;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.api = URI.create(base + "/api/v4/");
        this.project = project;
        this.token = token;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code path} is relative to {@code /api/v4/}; fails with a {@link ForgeException} unless the answer is 2xx. */
    JsonNode send(String method, String path, JsonNode body, Call call) {
        Reply reply = exchange(method, path, body, call);
        if (!reply.ok()) {
            throw failure(reply, call);
        }
        return reply.body();
    }

    /** Like {@link #send} but hands back any answer GitLab gave, for callers that expect some 4xx. */
    Reply exchange(String method, String path, JsonNode body, Call call) {
        HttpRequest request = request(method, path, body);
        Reply reply = once(request, call);
        Optional<Duration> wait = retryAfter(reply.status(), reply.headers().firstValue("Retry-After"));
        if (wait.isEmpty()) {
            return reply;
        }
        pause(wait.get(), call);
        return once(request, call);
    }

    ForgeException failure(Reply reply, Call call) {
        int s = reply.status();
        String message = switch (s) {
            case 401 -> "GitLab refused the token (401): check GITLAB_TOKEN (a project or group access token with"
                    + " the api scope, role Developer or higher)";
            case 403 -> "The GitLab token lacks permission for " + call.doing() + " in " + project
                    + " (403): give it the api scope and the Developer role or higher";
            case 404 -> "GitLab has no " + call.what() + " in " + project
                    + " (404): check the project path and that the token can see it";
            case 429 -> "GitLab is rate-limiting " + call.doing() + " (429) even after waiting: try again later";
            case 301, 302, 307, 308 -> "GitLab redirected " + call.doing() + " (" + s + ") to "
                    + reply.headers().firstValue("Location").orElse("another address")
                    + ": set the GitLab base URL to where it points";
            default -> "GitLab answered " + s + " to " + call.doing() + " in " + project
                    + (reply.message().isEmpty() ? "" : ": " + clip(reply.message()));
        };
        return new ForgeException(scrub(message), s);
    }

    private HttpRequest request(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("PRIVATE-TOKEN", token).header("Accept", "application/json").header("User-Agent", "aap");
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private Reply once(HttpRequest request, Call call) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(call, "timed out connecting");
        } catch (HttpTimeoutException e) {
            throw unreachable(call, "gave no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            throw unreachable(call, "refused the connection");
        } catch (IOException e) {
            throw unreachable(call, "failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException("Interrupted while " + call.doing() + " on GitLab", 0);
        }
        return new Reply(response.statusCode(), parse(response.body()), response.headers());
    }

    private ForgeException unreachable(Call call, String what) {
        return new ForgeException("GitLab at " + api.getHost() + (api.getPort() < 0 ? "" : ":" + api.getPort())
                + " " + what + " while " + call.doing() + ": check the URL and the network", 0);
    }

    /** How long to wait before the one retry, or empty when the answer is final. */
    static Optional<Duration> retryAfter(int status, Optional<String> header) {
        if (status != 429 && status != 502 && status != 503 && status != 504) {
            return Optional.empty();
        }
        Duration wait = header.map(GitLabHttp::parseRetryAfter).orElse(DEFAULT_WAIT);
        return Optional.of(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    /** Retry-After is either seconds or an HTTP date. */
    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return DEFAULT_WAIT;
            }
        }
    }

    private static void pause(Duration wait, Call call) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForgeException("Interrupted while waiting to retry " + call.doing() + " on GitLab", 0);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            // proxies answer 502s with HTML: keep the status, drop the page
            return MissingNode.getInstance();
        }
    }

    private String scrub(String message) {
        return token.isEmpty() ? message : message.replace(token, "***");
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code aap serve} REST API as the command line uses it: JSON in and out, server-sent events, and the one place
 * where HTTP failures become aap's errors (2: the request or the token is wrong; 3: the server is unreachable, busy
 * or failing).
 */
final class ServerClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An answer the caller reads: its status and JSON body (null when it had none). */
    record Reply(int status, JsonNode body) {
    }

    /** One server-sent event: its {@code id:} (0 when it had none), {@code event:} name and {@code data:}. */
    record SseEvent(long id, String name, String data) {
    }

    private final String base;
    private final String token;
    private final HttpClient http;

    private ServerClient(String base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client for the server at {@code url} ({@code http://host:port}, a trailing slash is dropped). */
    static ServerClient of(String url, String token) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new BadInputException("'" + Secrets.mask(url) + "' is not a server address: give --server (or"
                    + " AAP_SERVER) as http://host:port");
        }
        return new ServerClient(u, token == null || token.isBlank() ? null : token.strip());
    }

    String base() {
        return base;
    }

    JsonNode get(String path) {
        return send(request(path).GET()).body();
    }

    Reply post(String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return send(b);
    }

    void delete(String path) {
        send(request(path).DELETE());
    }

    /** A text artifact, or empty when the server has none for us (missing, or a token without artifact:read). */
    Optional<String> text(String path) {
        HttpResponse<String> r = exchange(request(path).GET(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 403 || r.statusCode() == 404) {
            return Optional.empty();
        }
        fail(r.statusCode(), r.body(), r);
        return Optional.of(r.body());
    }

    /**
     * Reads the event stream at {@code path} after event {@code lastEventId} until the server ends it, handing each
     * event to {@code each}; heartbeat comments are skipped.
     */
    void events(String path, long lastEventId, Consumer<SseEvent> each) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET();
        authorize(b);
        if (lastEventId > 0) {
            b.header("Last-Event-ID", Long.toString(lastEventId));
        }
        HttpResponse<Stream<String>> r = exchange(b, HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = r.body()) {
            if (r.statusCode() != 200) {
                fail(r.statusCode(), String.join("\n", lines.toList()), r);
            }
            parse(lines.iterator(), each);
        } catch (UncheckedIOException e) {
            throw unreachable(e.getCause());
        }
    }

    private static void parse(Iterator<String> lines, Consumer<SseEvent> each) {
        long id = 0;
        String name = "message";
        var data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    each.accept(new SseEvent(id, name, data.toString()));
                }
                id = 0;
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = parseId(field(line));
            } else if (line.startsWith("event:")) {
                name = field(line);
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(field(line));
            }
        }
    }

    private static String field(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String query(String name, String value) {
        return value == null ? "" : "&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Accept", "application/json");
        authorize(b);
        return b;
    }

    private void authorize(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Reply send(HttpRequest.Builder b) {
        HttpResponse<String> r = exchange(b, HttpResponse.BodyHandlers.ofString());
        fail(r.statusCode(), r.body(), r);
        return new Reply(r.statusCode(), r.body() == null || r.body().isBlank() ? null : readJson(r.body()));
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while talking to the aap server at " + base);
        }
    }

    private EnvironmentException unreachable(Throwable e) {
        String why = switch (e) {
            case HttpConnectTimeoutException t -> "no connection within 10 s";
            case HttpTimeoutException t -> "no answer within " + TIMEOUT.toSeconds() + " s";
            case ConnectException c -> "connection refused";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new EnvironmentException("cannot reach the aap server at " + base + ": " + why
                + "; is `aap serve` running? (AAP_SERVER)");
    }

    /** Turns an error status into aap's error, with the server's problem detail; 2xx passes. */
    private void fail(int status, String body, HttpResponse<?> r) {
        if (status < 400) {
            return;
        }
        String detail = detail(body);
        switch (status) {
            case 401 -> throw new BadInputException((token == null ? "the server needs a token"
                    : "the server refused the token") + ": set AAP_TOKEN or --token (aap token create makes one)");
            case 429 -> throw new EnvironmentException("the server is busy: " + detail + " (Retry-After: "
                    + r.headers().firstValue("Retry-After").orElse("?") + " s)");
            default -> {
                if (status >= 500) {
                    throw new EnvironmentException("the aap server at " + base + " failed (" + status + "): " + detail);
                }
                throw new BadInputException(detail);
            }
        }
    }

    private static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "no detail given";
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n.hasNonNull("detail")) {
                return n.get("detail").asText();
            }
        } catch (IOException e) {
            // not a problem document: the start of the body says more than nothing
        }
        String b = body.strip();
        return b.length() > 300 ? b.substring(0, 300) + "..." : b;
    }

    private JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new EnvironmentException("the aap server at " + base + " answered with something that is not JSON: "
                    + detail(body));
        }
    }
}

package dev.aap.server.api;

import java.util.Map;

/**
 * An HTTP error the client can act on, answered as RFC 9457 {@code application/problem+json}: the status, a short
 * title, and a detail that says what to do.
 */
public final class Problem extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public Problem(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public Problem(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public static Problem unprocessable(String detail) {
        return new Problem(422, "Unprocessable Content", detail);
    }

    public static Problem tooMany(String detail, long retryAfterSeconds) {
        return new Problem(429, "Too Many Requests", detail,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}

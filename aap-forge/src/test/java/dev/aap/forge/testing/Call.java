package dev.aap.forge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST request to the fake forge: its method, decoded path segments, query, body (JSON or form), and the way
 * back as JSON. Parameters are looked up in the query, then the body, as GitLab does.
 */
final class Call {

    static final ObjectMapper JSON = new ObjectMapper();

    final HttpExchange exchange;
    final String method;
    final List<String> segments;
    final String body;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final JsonNode json;

    Call(HttpExchange exchange, String base, String body) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod();
        this.body = body;
        String raw = exchange.getRequestURI().getRawPath().substring(base.length());
        this.segments = new ArrayList<>();
        for (String s : raw.split("/")) {
            if (!s.isEmpty()) {
                segments.add(decode(s));
            }
        }
        parseForm(exchange.getRequestURI().getRawQuery());
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode parsed = MissingNode.getInstance();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            parseForm(body);
        } else if (!body.isBlank()) {
            try {
                parsed = JSON.readTree(body);
            } catch (IOException e) {
                parsed = null;
            }
        }
        this.json = parsed;
    }

    /** Null when the body was meant to be JSON but is not. */
    JsonNode json() {
        return json;
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The first value of a query, form or top-level JSON parameter, or null. */
    String param(String name) {
        List<String> values = params(name);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a parameter: repeated query or form keys ({@code a[]=1&a[]=2}) or a JSON array. */
    List<String> params(String name) {
        List<String> values = new ArrayList<>(params.getOrDefault(name, List.of()));
        values.addAll(params.getOrDefault(name + "[]", List.of()));
        if (values.isEmpty() && json != null && json.has(name) && !json.get(name).isNull()) {
            JsonNode node = json.get(name);
            if (node.isArray()) {
                node.forEach(n -> values.add(n.asText()));
            } else {
                values.add(node.asText());
            }
        }
        return values;
    }

    boolean has(String name) {
        return !params(name).isEmpty() || (json != null && json.has(name));
    }

    void reply(int status, Object value, String contentType) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void parseForm(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    /** Percent-decoding of a path segment: unlike a form, a '+' in a path is a plus. */
    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A JSON object that keeps its key order and allows nulls, written as key, value, key, value... */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package dev.aap.server;

import dev.aap.server.RawHttp.Request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates hostile requests against every route of a server: wrong JSON types, missing and extra fields, bodies
 * too large, too deep or not UTF-8, odd content types, traversal in path segments, bad query parameters and headers.
 */
final class BadRequests {

    /** A request and the statuses it may get; an empty set: any status below 500. */
    record Case(String kind, Request request, Set<Integer> expected) {
    }

    static final List<String> EVIL_SEGMENTS = List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2e%2e/%2e%2e/secret.txt", "..\\..\\secret.txt",
            "%5c..%5c..%5csecret.txt", "/etc/passwd", "%2fetc%2fpasswd", "....//....//etc/passwd",
            "%252e%252e%252fsecret.txt", "..;/..;/secret.txt", "%00", "a%00b", "%c0%ae%c0%ae/secret.txt", "%ff%fe",
            ".", "..", "../secret.txt", "../../secret.txt", "../../../outside.txt", "..%2fsecret.txt",
            "nested/../../secret.txt", "link.txt", "linkdir/secret.txt", "C:%5cWindows%5cwin.ini",
            "file:%2f%2f%2fetc%2fpasswd", "%7eroot", "a%20b", "x".repeat(300), "y".repeat(5000), "%0d%0aX-Injected:%201",
            "%e2%80%ae", "%u002e%u002e", "secret.txt", "outside.txt");

    private static final List<String> WRONG_VALUES = List.of("1", "-1", "1.5", "1e400", "true", "false", "null",
            "[]", "[1,2]", "{}", "{\"a\":{\"b\":[1]}}", "\"\"", "\"   \"", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"" + "x".repeat(5000) + "\"", "\"" + "x".repeat(120_000) + "\"",
            "99999999999999999999999", "-0", "\"../../etc/passwd\"", "\"-rf\"", "[\"\\u0000\"]", "[null]",
            "[" + "\"s\",".repeat(300) + "\"s\"]", "{\"\\u0000\":1}", "\"main..x\"", "\"file:///etc\"",
            "\"/etc\"", "\"git@host:x\"", "\"https://\"");

    private final Random rnd;
    private final List<RegisteredRoutes.Route> routes;
    private final String admin;
    private final String runId;

    BadRequests(Random rnd, List<RegisteredRoutes.Route> routes, String admin, String runId) {
        this.rnd = rnd;
        this.routes = List.copyOf(routes);
        this.admin = admin;
        this.runId = runId;
    }

    /** A sample body per route that takes one, valid but for what a case changes. */
    Map<String, Map<String, String>> bodies() {
        var tasks = new LinkedHashMap<String, String>();
        tasks.put("repo", "\"demo\"");
        tasks.put("strategy", "\"noop\"");
        tasks.put("base_ref", "\"main\"");
        tasks.put("issue", "\"an issue\"");
        tasks.put("goal", "\"a goal\"");
        tasks.put("acceptance_criteria", "[\"a\"]");
        tasks.put("target_tests", "[\"T#t\"]");
        tasks.put("model", "\"m\"");
        tasks.put("budget_seconds", "60");
        tasks.put("constraints", "{\"k\":1}");
        var repos = new LinkedHashMap<String, String>();
        repos.put("name", "\"r" + Integer.toHexString(rnd.nextInt()) + "\"");
        repos.put("url", "\"https://example.com/x.git\"");
        repos.put("default_branch", "\"main\"");
        repos.put("policy", "{}");
        repos.put("max_concurrent_runs", "2");
        var tokens = new LinkedHashMap<String, String>();
        tokens.put("name", "\"t" + Integer.toHexString(rnd.nextInt()) + "\"");
        tokens.put("scopes", "[\"run:read\"]");
        return Map.of("/api/v1/tasks", tasks, "/api/v1/repos", repos, "/api/v1/tokens", tokens);
    }

    /** Every route with every hostile segment, and every body field with every wrong value. */
    List<Case> sweep() {
        var out = new ArrayList<Case>();
        for (RegisteredRoutes.Route r : routes) {
            if (!r.path().contains("{")) {
                continue;
            }
            for (String evil : EVIL_SEGMENTS) {
                out.add(new Case("traversal", req(r.method(), r.with(evil), null, null), Set.of()));
            }
        }
        for (String evil : EVIL_SEGMENTS) {
            out.add(new Case("artifact", req("GET", "/api/v1/runs/" + runId + "/artifacts/" + evil, null, null),
                    Set.of(400, 404)));
        }
        bodies().forEach((path, fields) -> {
            for (String field : fields.keySet()) {
                for (String wrong : WRONG_VALUES) {
                    var changed = new LinkedHashMap<>(fields);
                    changed.put(field, wrong);
                    out.add(new Case("wrong-type", json("POST", path, changed), Set.of()));
                }
                var missing = new LinkedHashMap<>(fields);
                missing.remove(field);
                out.add(new Case("missing", json("POST", path, missing), Set.of()));
            }
        });
        return out;
    }

    /** One random hostile request. */
    Case random() {
        return switch (rnd.nextInt(12)) {
            case 0 -> extraFields();
            case 1 -> deep();
            case 2 -> badUtf8();
            case 3 -> notAnObject();
            case 4 -> contentType();
            case 5 -> query();
            case 6 -> idempotencyKey();
            case 7 -> lastEventId();
            case 8 -> authorization();
            case 9 -> oddMethod();
            case 10 -> traversal();
            default -> wrongType();
        };
    }

    /** Bodies over the limit: declared, chunked, and lying about their length. */
    List<Case> huge(long limit) {
        byte[] big = ("{\"repo\":\"demo\",\"issue\":\"" + "x".repeat((int) limit) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var out = new ArrayList<Case>();
        for (String path : List.of("/api/v1/tasks", "/api/v1/repos", "/api/v1/tokens")) {
            out.add(new Case("huge", req("POST", path, jsonType(), big), Set.of(413)));
            var chunked = new LinkedHashMap<>(jsonType());
            chunked.put("Transfer-Encoding", "chunked");
            out.add(new Case("huge-chunked", req("POST", path, chunked, chunk(big)), Set.of(413)));
        }
        out.add(new Case("short-body", new Request("POST", "/api/v1/tasks", withAuth(jsonType()),
                "{\"repo\":\"demo\"}".getBytes(StandardCharsets.UTF_8), 5), Set.of(400, 408)));
        return out;
    }

    private Case extraFields() {
        var fields = new LinkedHashMap<>(pickBody().getValue());
        int n = rnd.nextInt(3) == 0 ? 2000 : 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            fields.put("extra_" + i + "_" + rnd.nextInt(1000), pick(WRONG_VALUES.subList(0, 12)));
        }
        return new Case("extra-fields", json("POST", lastPath, fields), Set.of());
    }

    private Case deep() {
        int d = 32 + rnd.nextInt(300);
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String body = "{\"repo\":\"demo\",\"constraints\":" + open.repeat(d) + "1" + close.repeat(d) + "}";
        return new Case("deep", req("POST", pickBody().getKey(), jsonType(), body.getBytes(StandardCharsets.UTF_8)),
                Set.of(400));
    }

    private Case badUtf8() {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed,
                (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        byte[] b = bad[rnd.nextInt(bad.length)];
        byte[] pre = "{\"repo\":\"demo\",\"goal\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] post = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[pre.length + b.length + post.length];
        System.arraycopy(pre, 0, body, 0, pre.length);
        System.arraycopy(b, 0, body, pre.length, b.length);
        System.arraycopy(post, 0, body, pre.length + b.length, post.length);
        return new Case("bad-utf8", req("POST", pickBody().getKey(), jsonType(), body), Set.of(400));
    }

    private Case notAnObject() {
        String body = pick(List.of("", "[]", "1", "\"s\"", "null", "{", "{\"repo\":", "{\"repo\":\"demo\"",
                "{\"repo\":\"demo\",}", "{'repo':'demo'}", "{\"repo\":\"de\u0000mo\"}", "\u0000", "NaN",
                "{\"a\":1}{\"b\":2}", "\ufeff{\"repo\":\"demo\"}", "{\"repo\":\"demo\"} trailing"));
        return new Case("not-an-object", req("POST", pickBody().getKey(), jsonType(),
                body.getBytes(StandardCharsets.UTF_8)), Set.of());
    }

    private Case contentType() {
        String type = pick(List.of("text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/xml", "application/json-patch", "*/*", "json",
                "application/jsonx", "\u00ff\u00fe", "application/json;" + "x".repeat(9000), "a".repeat(300)));
        var entry = pickBody();
        byte[] body = body(entry.getValue()).getBytes(StandardCharsets.UTF_8);
        Set<Integer> expected = type.length() > 8000 ? Set.of() : Set.of(415);
        return new Case("content-type", req("POST", entry.getKey(), Map.of("Content-Type", type), body), expected);
    }

    private Case query() {
        String name = pick(List.of("status", "since", "cursor", "limit", "repo", "unknown"));
        String value = pick(List.of("", "queued", "RUNNING'", "' OR 1=1--", "yesterday", "2026-13-01T00:00:00Z",
                "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "0", "-1", "501", "1e3", "99999999999", "abc", "../x", "20261129-101500-a1b2c3'", "\u0000",
                "x".repeat(3000), "%ff", "20261129-101500-a1b2c3", "%"));
        String encoded = rnd.nextInt(4) == 0 ? value.replace(" ", "%20") : URLEncoder.encode(value,
                StandardCharsets.UTF_8);
        String target = "/api/v1/runs?" + name + "=" + encoded + (rnd.nextBoolean() ? "&" + name + "=x" : "");
        return new Case("query", req("GET", target, null, null), Set.of());
    }

    private Case idempotencyKey() {
        String key = pick(List.of("", " ", "k".repeat(201), "k".repeat(7000), "\u00e9t\u00e9", "\t",
                "a,b", "key-" + rnd.nextInt(5)));
        var h = new LinkedHashMap<>(jsonType());
        h.put("Idempotency-Key", key);
        var fields = new LinkedHashMap<>(bodies().get("/api/v1/tasks"));
        Set<Integer> expected = key.isBlank() || (key.length() > 200 && key.length() < 6000) ? Set.of(400) : Set.of();
        return new Case("idempotency-key", req("POST", "/api/v1/tasks", h,
                body(fields).getBytes(StandardCharsets.UTF_8)), expected);
    }

    private Case lastEventId() {
        String id = pick(List.of("abc", "-5", "999999999999999999999999", "1e3", " 3 ", "\u00ff", "", "0x10",
                "9223372036854775807", "-9223372036854775808", "3;4", "x".repeat(4000)));
        String run = rnd.nextInt(4) == 0 ? pick(EVIL_SEGMENTS) : runId;
        return new Case("last-event-id", req("GET", "/api/v1/runs/" + run + "/events",
                Map.of("Accept", "text/event-stream", "Last-Event-ID", id), null), Set.of());
    }

    private Case authorization() {
        String a = pick(List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer " + "z".repeat(300),
                "Bearer admin", "Token " + admin, "Bearer " + admin + "x", "Bearer \u00e9\u00e9", "bearer",
                "Bearer " + "q".repeat(20_000), "Bearer ../../etc/passwd", "Bearer %00", "Bearer  "
                        + admin.substring(1)));
        RegisteredRoutes.Route r = pick(routes);
        var h = new LinkedHashMap<String, String>();
        h.put("Authorization", a);
        Set<Integer> expected = r.scope().isPresent() && a.length() < 6000 ? Set.of(401) : Set.of();
        return new Case("authorization", RawHttp.Request.of(r.method(), r.with(runId), h, null), expected);
    }

    private Case oddMethod() {
        RegisteredRoutes.Route r = pick(routes);
        String m = pick(List.of("PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "DELETE", "POST", "GET"));
        return new Case("method", req(m, r.with(runId), null, null), Set.of());
    }

    private Case traversal() {
        RegisteredRoutes.Route r = pick(routes.stream().filter(x -> x.path().contains("{")).toList());
        String evil = pick(EVIL_SEGMENTS);
        String path = r.path().contains("{name}") && r.path().contains("{id}")
                ? r.path().replace("{id}", runId).replace("{name}", evil) : r.with(evil);
        return new Case("traversal", req(r.method(), path, null, null), Set.of());
    }

    private Case wrongType() {
        var entry = pickBody();
        var fields = new LinkedHashMap<>(entry.getValue());
        String field = pick(List.copyOf(fields.keySet()));
        fields.put(field, pick(WRONG_VALUES));
        if (rnd.nextBoolean()) {
            fields.remove(pick(List.copyOf(fields.keySet())));
        }
        return new Case("wrong-type", json("POST", entry.getKey(), fields), Set.of());
    }

    private String lastPath;

    private Map.Entry<String, Map<String, String>> pickBody() {
        var all = List.copyOf(bodies().entrySet());
        var e = all.get(rnd.nextInt(all.size()));
        lastPath = e.getKey();
        return e;
    }

    private <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    private Request json(String method, String path, Map<String, String> fields) {
        return req(method, path, jsonType(), body(fields).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(Map<String, String> fields) {
        var b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private static Map<String, String> jsonType() {
        return Map.of("Content-Type", "application/json");
    }

    private Map<String, String> withAuth(Map<String, String> headers) {
        var h = new LinkedHashMap<>(headers == null ? Map.<String, String>of() : headers);
        h.putIfAbsent("Authorization", "Bearer " + admin);
        return h;
    }

    private Request req(String method, String target, Map<String, String> headers, byte[] body) {
        return RawHttp.Request.of(method, target, withAuth(headers), body);
    }

    private static byte[] chunk(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += 8192) {
            int n = Math.min(8192, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}

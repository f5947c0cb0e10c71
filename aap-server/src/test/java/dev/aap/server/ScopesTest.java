package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.server.api.TokenSecrets;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.store.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route against every kind of token: 401 without a live token, 403 without the scope, through with it. */
class ScopesTest {

    /** The specification: what each route needs (empty: open). Kept by hand so a changed scope shows here. */
    private static final Map<String, Optional<String>> SPEC = spec();

    private static final List<String> SCOPES = List.of("run:read", "run:write", "artifact:read", "repo:admin",
            "metrics:read", "admin");

    private static final RunExecutor NO_PIPELINE = job -> new RunExecutor.Outcome("FAILED", 1, "none", null);

    @TempDir
    Path tmp;

    private static Map<String, Optional<String>> spec() {
        var m = new LinkedHashMap<String, Optional<String>>();
        m.put("GET /healthz", Optional.empty());
        m.put("GET /readyz", Optional.empty());
        m.put("GET /openapi.json", Optional.empty());
        m.put("GET /metrics", Optional.of("metrics:read"));
        m.put("GET /api/v1/agents", Optional.of("run:read"));
        m.put("POST /api/v1/tasks", Optional.of("run:write"));
        m.put("GET /api/v1/runs", Optional.of("run:read"));
        m.put("GET /api/v1/runs/{id}", Optional.of("run:read"));
        m.put("POST /api/v1/runs/{id}/cancel", Optional.of("run:write"));
        m.put("POST /api/v1/runs/{id}/retry", Optional.of("run:write"));
        m.put("GET /api/v1/runs/{id}/events", Optional.of("run:read"));
        m.put("GET /api/v1/updates", Optional.of("run:read"));
        m.put("GET /api/v1/runs/{id}/artifacts", Optional.of("artifact:read"));
        m.put("GET /api/v1/runs/{id}/artifacts/{name}", Optional.of("artifact:read"));
        m.put("GET /api/v1/runs/{id}/patch", Optional.of("artifact:read"));
        m.put("POST /api/v1/repos", Optional.of("repo:admin"));
        m.put("GET /api/v1/repos", Optional.of("run:read"));
        m.put("GET /api/v1/repos/{name}", Optional.of("run:read"));
        m.put("DELETE /api/v1/repos/{name}", Optional.of("repo:admin"));
        m.put("POST /api/v1/tokens", Optional.of("admin"));
        m.put("GET /api/v1/tokens", Optional.of("admin"));
        m.put("DELETE /api/v1/tokens/{name}", Optional.of("admin"));
        m.put("GET /api/v1/audit", Optional.of("admin"));
        m.put("GET /api/v1/audit/verify", Optional.of("admin"));
        // authenticated by the forge's signature, not a token
        m.put("POST /webhooks/github", Optional.empty());
        m.put("POST /webhooks/gitlab", Optional.empty());
        return m;
    }

    @Test
    void everyRouteAnswersEachTokenAsItsScopeSays() {
        try (Server server = TestServers.start(tmp.resolve("home"), NO_PIPELINE)) {
            Http admin = new Http(server.url(), server.adminToken().orElseThrow());
            var registered = RegisteredRoutes.of(server).stream().collect(Collectors.toMap(
                    r -> r.method() + " " + r.path(), RegisteredRoutes.Route::scope, (a, b) -> a, TreeMap::new));
            assertThat(registered).isEqualTo(new TreeMap<>(SPEC));

            String runId = finishedRun(server, admin);
            var tokens = new LinkedHashMap<String, Optional<String>>();
            tokens.put("no token", Optional.empty());
            for (String scope : SCOPES) {
                tokens.put(scope, Optional.of(create(admin, "t-" + scope.replace(':', '-'), scope)));
            }
            String none = TokenSecrets.newToken();
            new Tokens(server.database()).add("none", TokenSecrets.hash(none), Set.of());
            tokens.put("none", Optional.of(none));
            String revoked = create(admin, "revoked", "admin");
            assertThat(admin.delete("/api/v1/tokens/revoked").status()).isEqualTo(204);
            tokens.put("revoked", Optional.of(revoked));

            var wrong = new ArrayList<String>();
            SPEC.forEach((route, needed) -> tokens.forEach((label, token) -> {
                Http.Reply r = call(admin.as(token.orElse(null)), route, runId);
                int expected = expected(needed, label);
                boolean ok = expected == 0 ? r.status() != 401 && r.status() != 403 && r.status() < 500
                        : r.status() == expected;
                if (!ok) {
                    wrong.add(route + " with " + label + ": " + r.status() + " " + r.body());
                }
                if (r.status() == 401) {
                    assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
                }
                if (r.status() >= 400) {
                    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                }
            }));
            assertThat(wrong).isEmpty();
        }
    }

    @Test
    void metricsNeedNoTokenWhenTheServerOpensThem() {
        try (Server server = TestServers.start(tmp.resolve("home"), NO_PIPELINE,
                new TestServers.Limits(true, 1000, 1000))) {
            Http anonymous = new Http(server.url(), null);
            Http.Reply r = anonymous.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(RegisteredRoutes.of(server)).filteredOn(x -> x.path().equals("/metrics"))
                    .singleElement().extracting(RegisteredRoutes.Route::scope).isEqualTo(Optional.empty());
            assertThat(anonymous.get("/api/v1/runs").status()).isEqualTo(401);
        }
    }

    @Test
    void answers429WithRetryAfterOverATokensRate() {
        try (Server server = TestServers.start(tmp.resolve("home"), NO_PIPELINE,
                new TestServers.Limits(false, 1000, 3))) {
            Http admin = new Http(server.url(), server.adminToken().orElseThrow());
            var statuses = new ArrayList<Integer>();
            Http.Reply last = null;
            for (int i = 0; i < 5; i++) {
                last = admin.get("/api/v1/runs");
                statuses.add(last.status());
            }
            assertThat(statuses).startsWith(200, 200, 200).endsWith(429);
            assertThat(last.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(last.json().path("status").asInt()).isEqualTo(429);
            // open routes are not counted against anyone
            assertThat(admin.get("/healthz").status()).isEqualTo(200);
        }
    }

    /** 0: through the checks (any answer but 401, 403 and 5xx); else the status the checks must give. */
    private static int expected(Optional<String> needed, String token) {
        if (needed.isEmpty()) {
            return 0;
        }
        if (token.equals("no token") || token.equals("revoked")) {
            return 401;
        }
        return token.equals("admin") || token.equals(needed.get()) ? 0 : 403;
    }

    private static Http.Reply call(Http http, String route, String runId) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replace("{id}", runId)
                .replace("artifacts/{name}", "artifacts/patch.diff").replace("{name}", "nosuch");
        return switch (method) {
            case "GET" -> http.get(path);
            case "DELETE" -> http.delete(path);
            // empty objects: far enough to pass the checks, never far enough to change anything
            default -> http.send(http.builder(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(path.endsWith("/retry") ? "" : "{}")).build());
        };
    }

    private static String create(Http admin, String name, String scope) {
        Http.Reply r = admin.post("/api/v1/tokens", "{\"name\":\"" + name + "\",\"scopes\":[\"" + scope + "\"]}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("token").asText();
    }

    private String finishedRun(Server server, Http admin) {
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}").status())
                .isEqualTo(201);
        String runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\"}").json()
                .path("run_id").asText();
        JsonNode run = TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        return runId;
    }
}

package dev.aap.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document parses cleanly, covers exactly the registered routes, and matches live answers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {

    @TempDir
    static Path tmp;
    Server server;
    Http admin;
    String doc;
    OpenAPI api;

    @BeforeAll
    void start() {
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE);
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        Http.Reply served = admin.as(null).get("/openapi.json");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        doc = served.body();
        var options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(doc, null, options);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        api = parsed.getOpenAPI();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void parsesWithoutMessagesAsOpenApi3() {
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    }

    @Test
    void documentsEveryRegisteredRouteWithItsScope() {
        List<RegisteredRoutes.Route> routes = RegisteredRoutes.of(server);
        assertThat(routes).hasSizeGreaterThan(15);
        for (RegisteredRoutes.Route r : routes) {
            PathItem item = api.getPaths().get(r.path());
            assertThat(item).as("documented path %s", r.path()).isNotNull();
            Operation op = operations(item).get(r.method());
            assertThat(op).as("documented %s %s", r.method(), r.path()).isNotNull();
            Object declared = op.getExtensions() == null ? null : op.getExtensions().get("x-required-scope");
            assertThat(declared).as("x-required-scope of %s %s", r.method(), r.path())
                    .isEqualTo(r.scope().orElse(null));
            if (r.scope().isPresent()) {
                assertThat(op.getSecurity()).as("security of %s %s", r.method(), r.path()).isNotEmpty();
                assertThat(op.getSecurity().get(0)).containsKey("bearer");
                assertThat(op.getResponses()).containsKeys("401", "403", "429");
            } else {
                assertThat(op.getSecurity()).as("open route %s %s", r.method(), r.path()).isEmpty();
            }
        }
    }

    @Test
    void documentsNoRouteTheServerLacks() {
        var registered = new TreeSet<String>();
        RegisteredRoutes.of(server).forEach(r -> registered.add(r.method() + " " + r.path()));
        var documented = new TreeSet<String>();
        api.getPaths().forEach((path, item) -> operations(item).keySet().forEach(m -> documented.add(m + " " + path)));
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void answersEveryErrorAsProblemJsonAndStreamsAsEventStreams() {
        api.getPaths().forEach((path, item) -> operations(item).forEach((method, op) -> {
            for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
                if (e.getKey().startsWith("4")) {
                    assertThat(e.getValue().getContent()).as("%s %s %s", method, path, e.getKey())
                            .containsOnlyKeys("application/problem+json");
                }
            }
            if (path.endsWith("/events") || path.endsWith("/updates")) {
                assertThat(op.getResponses().get("200").getContent()).containsOnlyKeys("text/event-stream");
            }
        }));
        var problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getRequired()).contains("type", "title", "status", "detail", "instance");
    }

    @Test
    void liveAnswersMatchTheDocument() throws Exception {
        var validator = OpenApiInteractionValidator.createForInlineApiSpecification(doc).build();
        Path repo = TestServers.repo(tmp.resolve("repo"));
        var calls = new ArrayList<Call>();
        calls.add(Call.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}"));
        calls.add(Call.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}"));
        calls.add(Call.post("/api/v1/repos", "{\"name\":\"x y\",\"url\":\"" + repo + "\"}"));
        calls.add(Call.get("/api/v1/repos"));
        calls.add(Call.get("/api/v1/repos/demo"));
        calls.add(Call.get("/api/v1/repos/none"));
        calls.add(Call.post("/api/v1/tokens", "{\"name\":\"reader\",\"scopes\":[\"run:read\"]}"));
        calls.add(Call.post("/api/v1/tokens", "{\"name\":\"bad\",\"scopes\":[\"root\"]}"));
        calls.add(Call.get("/api/v1/tokens"));
        calls.add(Call.get("/healthz"));
        calls.add(Call.get("/readyz"));
        calls.add(Call.get("/metrics"));
        calls.add(Call.get("/api/v1/agents"));
        calls.add(Call.get("/api/v1/runs?limit=0"));
        calls.add(Call.get("/api/v1/runs/20260101-000000-abcdef"));
        for (Call c : calls) {
            check(validator, c, admin);
        }
        Http.Reply sub = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\",\"goal\":\"g\"}");
        assertThat(sub.status()).isEqualTo(201);
        String run = sub.json().path("run_id").asText();
        JsonNode done = TestServers.await(() -> admin.get("/api/v1/runs/" + run).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        Files.writeString(server.home().resolve("runs").resolve(run).resolve("patch.diff"), "--- a\n+++ b\n");
        for (Call c : List.of(Call.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\"}"),
                Call.post("/api/v1/tasks", "{\"repo\":\"demo\",\"budget_seconds\":\"ten\"}"),
                Call.get("/api/v1/runs"), Call.get("/api/v1/runs?status=SUCCEEDED&limit=1"),
                Call.get("/api/v1/runs/" + run), Call.get("/api/v1/runs/" + run + "/artifacts"),
                Call.get("/api/v1/runs/" + run + "/patch"), Call.get("/api/v1/runs/" + run + "/artifacts/nope"),
                Call.post("/api/v1/runs/" + run + "/cancel", null),
                Call.post("/api/v1/runs/" + run + "/retry", null),
                Call.delete("/api/v1/tokens/reader"), Call.delete("/api/v1/tokens/reader"),
                Call.get("/api/v1/audit"), Call.get("/api/v1/audit?run=" + run + "&limit=1"),
                Call.get("/api/v1/audit?since=yesterday"), Call.get("/api/v1/audit/verify"))) {
            check(validator, c, admin);
        }
        check(validator, Call.get("/api/v1/runs"), admin.as(null));
        check(validator, Call.get("/api/v1/tokens"), admin.as("wrong"));
    }

    private record Call(String method, String path, String body) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body);
        }

        static Call delete(String path) {
            return new Call("DELETE", path, null);
        }
    }

    private static void check(OpenApiInteractionValidator validator, Call c, Http http) {
        var b = http.builder(c.path());
        switch (c.method()) {
            case "GET" -> b.GET();
            case "DELETE" -> b.DELETE();
            default -> b.header("Content-Type", "application/json").POST(c.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(c.body()));
        }
        Http.Reply reply = http.send(b.build());
        String path = c.path().contains("?") ? c.path().substring(0, c.path().indexOf('?')) : c.path();
        var req = new SimpleRequest.Builder(Request.Method.valueOf(c.method()), path);
        if (c.path().contains("?")) {
            for (String kv : c.path().substring(c.path().indexOf('?') + 1).split("&")) {
                String[] p = kv.split("=", 2);
                req.withQueryParam(p[0], p[1]);
            }
        }
        if (http.token() != null) {
            req.withAuthorization("Bearer " + http.token());
        }
        if (c.body() != null) {
            req.withContentType("application/json").withBody(c.body());
        }
        var res = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.raw().headers().map().forEach((k, v) -> res.withHeader(k, v));
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(c.method()), res.build());
        assertThat(report.getMessages()).as("%s %s answered %d %s", c.method(), c.path(), reply.status(),
                reply.body()).isEmpty();
    }

    private static Map<String, Operation> operations(PathItem item) {
        var out = new LinkedHashMap<String, Operation>();
        item.readOperationsMap().forEach((m, op) -> out.put(m.name(), op));
        return out;
    }
}

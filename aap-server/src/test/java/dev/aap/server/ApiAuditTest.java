package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.store.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's audit trail over real HTTP: who changed what through the API, who was refused, and a run's records
 * under the token that submitted it, all in the {@code audit} table and verifiable through the API.
 */
class ApiAuditTest {

    /** Stands in for the pipeline: records through the log and actor the server hands every run. */
    private static final RunExecutor AUDITING = job -> {
        job.audit().append(job.runId(), job.requester(), "run.started", Json.MAPPER.createObjectNode()
                .put("repo", job.repo().name()));
        job.audit().append(job.runId(), "aap", "run.finished", Json.MAPPER.createObjectNode()
                .put("status", "SUCCEEDED"));
        return new RunExecutor.Outcome("SUCCEEDED", 0, "audited", null);
    };

    @TempDir
    Path tmp;
    Server server;
    Http admin;

    @BeforeEach
    void start() {
        server = TestServers.start(tmp.resolve("home"), AUDITING);
        admin = TestServers.adminWithDemoRepo(server, tmp, 1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String token(String name, String scopes) {
        Http.Reply r = admin.post("/api/v1/tokens", "{\"name\":\"" + name + "\",\"scopes\":[" + scopes + "]}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("token").asText();
    }

    private List<JsonNode> records(String query) {
        Http.Reply r = admin.get("/api/v1/audit" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("records").forEach(out::add);
        return out;
    }

    @Test
    void aRunSubmittedWithATokenIsRecordedUnderThatTokenWithTheSubmitAndWithoutTheReads() {
        Http ci = admin.as(token("ci", "\"run:write\", \"run:read\""));
        Http.Reply sub = ci.post("/api/v1/tasks", "{\"repo\":\"demo\",\"goal\":\"audit me\"}");
        assertThat(sub.status()).as(sub.body()).isEqualTo(201);
        String runId = sub.json().path("run_id").asText();
        JsonNode run = TestServers.await(() -> ci.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

        List<JsonNode> ofRun = records("?run=" + runId);
        assertThat(ofRun).extracting(n -> n.path("action").asText()).containsExactly("run.started", "run.finished");
        assertThat(ofRun.getFirst().path("actor").asText()).isEqualTo("token:ci");

        List<JsonNode> all = records("");
        assertThat(all).filteredOn(n -> n.path("action").asText().equals("api.request")
                        && n.path("actor").asText().equals("token:ci")).singleElement()
                .satisfies(n -> {
                    assertThat(n.path("details").path("method").asText()).isEqualTo("POST");
                    assertThat(n.path("details").path("route").asText()).isEqualTo("/api/v1/tasks");
                    assertThat(n.path("details").path("status").asInt()).isEqualTo(201);
                    assertThat(n.path("runId").isNull()).isTrue();
                });
        assertThat(all).filteredOn(n -> n.path("actor").asText().equals("token:admin"))
                .extracting(n -> n.path("details").path("method").asText() + " " + n.path("details").path("route")
                        .asText())
                .containsExactly("POST /api/v1/repos", "POST /api/v1/tokens");
        assertThat(all).extracting(n -> n.path("seq").asLong()).isSorted();

        JsonNode verdict = admin.get("/api/v1/audit/verify").json();
        assertThat(verdict.path("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("records").asLong()).isEqualTo(all.size());
        assertThat(Files.exists(server.home().resolve("audit"))).as("the server keeps no day files").isFalse();
    }

    @Test
    void refusedTokensAreRecordedByNameOrHashButTheSecretIsNowhere() throws Exception {
        String reader = token("reader", "\"run:read\"");
        String bogus = "aap_" + "Z".repeat(40);

        assertThat(admin.as(bogus).post("/api/v1/tasks", "{\"repo\":\"demo\"}").status()).isEqualTo(401);
        assertThat(admin.as(reader).post("/api/v1/tasks", "{\"repo\":\"demo\"}").status()).isEqualTo(403);
        assertThat(admin.as(null).get("/api/v1/runs").status()).isEqualTo(401);

        List<JsonNode> refused = records("").stream()
                .filter(n -> n.path("action").asText().equals("api.refused")).toList();
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0).path("actor").asText()).isEqualTo("token:unknown");
        assertThat(refused.get(0).path("details").path("token_sha256_prefix").asText())
                .isEqualTo(sha256(bogus).substring(0, 12));
        assertThat(refused.get(0).path("details").path("status").asInt()).isEqualTo(401);
        assertThat(refused.get(1).path("actor").asText()).isEqualTo("token:reader");
        assertThat(refused.get(1).path("details").path("reason").asText()).isEqualTo("missing scope run:write");
        assertThat(refused.get(1).path("details").path("status").asInt()).isEqualTo(403);
        assertThat(refused.get(2).path("actor").asText()).isEqualTo("anonymous");
        assertThat(refused.get(2).path("details").path("route").asText()).isEqualTo("/api/v1/runs");

        String table = server.database().jdbi().withHandle(h -> h.createQuery(
                "select coalesce(string_agg(audit::text, E'\\n'), '') from audit").mapTo(String.class).one());
        assertThat(table).contains("token:reader").doesNotContain(bogus).doesNotContain(reader)
                .doesNotContain(sha256(bogus)).doesNotContain(sha256(reader));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}

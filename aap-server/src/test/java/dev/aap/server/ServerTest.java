package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTest {

    @TempDir
    Path tmp;
    Server server;
    Http admin;

    @BeforeEach
    void start() {
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE);
        admin = TestServers.adminWithDemoRepo(server, tmp, 4);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void runsASubmittedTaskToItsEndAndKeepsItsEvents() {
        Http.Reply r = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\","
                + "\"constraints\":{\"steps\":3,\"step_millis\":50}}");
        assertThat(r.status()).isEqualTo(201);
        String runId = r.json().path("run_id").asText();
        assertThat(r.header("Location")).isEqualTo("/api/v1/runs/" + runId);
        JsonNode run = TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("node").asText()).isEqualTo(server.node());
        assertThat(run.path("attempt").asInt()).isEqualTo(1);
        assertThat(run.path("steps")).hasSize(3);

        assertThat(admin.get("/api/v1/runs/" + runId + "/events").status()).isEqualTo(406);
        Http.Reply events = admin.send(admin.builder("/api/v1/runs/" + runId + "/events")
                .header("Accept", "text/event-stream").GET().build());
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("id: 1\n").contains("event: step_started").contains("id: 7\n")
                .doesNotContain("id: 8\n");
    }

    @Test
    void metricsCountRunsStepsAndRequestsAndNeedAScope() {
        String runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\","
                + "\"constraints\":{\"steps\":2,\"step_millis\":10}}").json().path("run_id").asText();
        TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json().path("status").asText(),
                "SUCCEEDED"::equals, Duration.ofSeconds(20));
        assertThat(admin.as(null).get("/metrics").status()).isEqualTo(401);
        String text = admin.get("/metrics").body();
        assertThat(text).contains("aap_runs_finished_total{brain=\"steps\",status=\"SUCCEEDED\"} 1.0")
                .contains("aap_step_duration_seconds_count{step=\"step1\"} 1")
                .contains("aap_queue_depth")
                .contains("aap_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/tasks\",status=\"201\"}");
    }

    @Test
    void healthAndReadinessAreOpenAndNameTheNode() {
        Http open = admin.as(null);
        assertThat(open.get("/healthz").status()).isEqualTo(200);
        Http.Reply ready = open.get("/readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("node").asText()).isEqualTo(server.node());
        assertThat(open.get("/api/v1/runs").status()).isEqualTo(401);
        assertThat(open.get("/api/v1/runs").header("Content-Type")).startsWith("application/problem+json");
    }
}

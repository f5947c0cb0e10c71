package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestDatabase;
import dev.aap.server.TestServers;
import dev.aap.server.queue.TestExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void serverLogsAreJsonLinesWithTheNodeTheRunIdsAndNoSecrets() throws Exception {
        var captured = new ByteArrayOutputStream();
        String node = Server.newNodeId();
        Path home = tmp.resolve("home");
        String bearer = "aap_" + "Q".repeat(40);
        String key = "sk-ant-api03-" + "k".repeat(30);
        try (var logs = JsonLogs.start(captured, node);
             Server server = Server.start(new dev.aap.server.ServerConfig(home, TestDatabase.fresh(), "127.0.0.1", 0,
                     1, true, false, 5, 100, 1000, 1_048_576, List.of(), 500, job -> {
                         throw new IllegalStateException("no pipeline here");
                     }, TestExecutors.all(home), java.util.Map::of), node)) {
            var admin = new Http(server.url(), server.adminToken().orElseThrow());
            Path repo = TestServers.repo(tmp.resolve("repo"));
            assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}").status())
                    .isEqualTo(201);
            String runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\"}").json()
                    .path("run_id").asText();
            TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json().path("status").asText(),
                    "SUCCEEDED"::equals, Duration.ofSeconds(20));
            // a request with a bad token, and a line that quotes credentials the way a careless library would
            assertThat(admin.as(bearer).get("/api/v1/runs").status()).isEqualTo(401);
            Logger.getLogger("dev.aap.test").info("calling with Authorization: Bearer " + bearer + " and key " + key
                    + " to postgresql://aap:hunter2@db:5432/aap?password=hunter3 with PRIVATE-TOKEN: glpat-abc123");
            Thread.sleep(200);
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        String all = captured.toString(StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("timestamp").asText()).isNotEmpty();
            assertThat(l.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(l.path("logger").asText()).isNotEmpty();
            assertThat(l.has("message")).isTrue();
            assertThat(l.path("node").asText()).isEqualTo(node);
        });
        assertThat(lines).filteredOn(l -> l.path("message").asText().contains("ended SUCCEEDED"))
                .singleElement().satisfies(l -> {
                    assertThat(l.path("run_id").asText()).matches("\\d{8}-\\d{6}-[0-9a-f]{6}");
                    assertThat(l.path("task_id").asText()).isNotEmpty();
                });
        JsonNode quoted = lines.stream().filter(l -> l.path("logger").asText().equals("dev.aap.test")).findFirst()
                .orElseThrow();
        assertThat(quoted.path("message").asText()).isEqualTo("calling with Authorization: Bearer *** and key ***"
                + " to postgresql://aap:***@db:5432/aap?password=*** with PRIVATE-TOKEN: ***");
        assertThat(all).doesNotContain(bearer).doesNotContain(key).doesNotContain("hunter2")
                .doesNotContain("hunter3").doesNotContain("glpat-abc123");
    }
}

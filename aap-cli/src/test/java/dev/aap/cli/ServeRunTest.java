package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.AgentSettings;
import dev.aap.core.run.RunStore;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.ServerConfig;
import dev.aap.server.TestDatabase;
import dev.aap.server.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real runs through the server: the same pipeline as aap fix, started over HTTP, stopped over HTTP. */
class ServeRunTest {

    private static final java.util.Set<String> FINISHED = java.util.Set.of("SUCCEEDED", "FAILED", "NEEDS_HUMAN",
            "CANCELLED");

    @TempDir
    Path tmp;
    Server server;
    Http api;

    @BeforeEach
    void start() {
        Path home = tmp.resolve("home");
        RunStore store = RunStore.open(home);
        var agent = AgentSettings.defaults((task, listener) -> {
            throw new IllegalStateException("no model in this test");
        });
        var executor = new PipelineExecutor(store, RealSandbox.bwrap(), agent, null, null);
        var cfg = new ServerConfig(home, TestDatabase.fresh(), "127.0.0.1", 0, 2, true, false, 5, 100, 1000,
                1_048_576, List.of(), 500, executor, Map.of(), Map::of);
        server = Server.start(cfg);
        api = new Http(server.url(), server.adminToken().orElseThrow());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTaskSubmittedOverHttpEndsAsAVerifiedBranchWithItsArtifacts() throws Exception {
        Path repo = Cli.exampleRepo("python-pricing", tmp.resolve("pricing"));
        String refsBefore = Cli.git(repo, "for-each-ref", "refs/heads");
        assertThat(api.post("/api/v1/repos", "{\"name\":\"pricing\",\"url\":\"" + repo + "\"}").status())
                .isEqualTo(201);
        String runId = api.post("/api/v1/tasks", "{\"repo\":\"pricing\",\"strategy\":\"search\"}").json()
                .path("run_id").asText();

        JsonNode run = TestServers.await(() -> api.get("/api/v1/runs/" + runId).json(),
                n -> FINISHED.contains(n.path("status").asText()), Duration.ofSeconds(240));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("task_kind").asText()).isEqualTo("repair");
        assertThat(run.path("steps")).extracting(JsonNode::asText)
                .containsExactly("prepare", "code", "verify", "review", "integrate");
        String branch = run.path("branch").asText();
        assertThat(branch).startsWith("aap/" + runId);
        assertThat(Cli.git(repo, "for-each-ref", "refs/heads")).isNotEqualTo(refsBefore).contains(branch);
        assertThat(Cli.git(repo, "status", "--porcelain")).isEmpty();

        Http.Reply patch = api.get("/api/v1/runs/" + runId + "/patch");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.body()).contains("--- a/pricing.py").contains("+++ b/pricing.py");
        assertThat(api.get("/api/v1/runs/" + runId + "/artifacts").json().path("artifacts").toString())
                .contains("pr.md").contains("checks/baseline.log").contains("run.json");
        assertThat(api.get("/api/v1/runs/" + runId + "/artifacts/pr.md").body()).contains("## Tests");
        // the run's trail is in the server's audit table, under the token that submitted it; no day files
        var trail = new java.util.ArrayList<JsonNode>();
        api.get("/api/v1/audit?run=" + runId).json().path("records").forEach(trail::add);
        assertThat(trail.getFirst().path("action").asText()).isEqualTo("run.started");
        assertThat(trail.getFirst().path("actor").asText()).isEqualTo("token:admin");
        assertThat(trail).extracting(n -> n.path("action").asText()).contains("sandbox.exec", "policy.verdict",
                "git.commit").endsWith("run.finished");
        assertThat(Files.exists(tmp.resolve("home").resolve("audit"))).isFalse();
        assertThat(api.get("/api/v1/runs/" + runId + "/artifacts/..%2F..%2Fpg%2Fpostgres.log").status())
                .isEqualTo(404);
    }

    @Test
    void cancellingARunInAHungTestStopsItAndItsProcesses() throws Exception {
        Path repo = tmp.resolve("hang");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("calc.py"), "def add(a, b):\n    return a - b\n");
        Files.writeString(repo.resolve("test_calc.py"), """
                import time
                from calc import add

                def test_add():
                    assert add(2, 3) == 5

                def test_hangs():
                    time.sleep(600)
                """);
        Cli.git(repo, "init", "-q", "-b", "main");
        Cli.git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "add", ".");
        Cli.git(repo, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "init");
        api.post("/api/v1/repos", "{\"name\":\"hang\",\"url\":\"" + repo + "\"}");
        String runId = api.post("/api/v1/tasks", "{\"repo\":\"hang\",\"strategy\":\"search\"}").json()
                .path("run_id").asText();
        String marker = runId;
        // the baseline test run is in flight when a process of this run's workspace runs pytest
        boolean hung = TestServers.await(() -> testProcesses(marker) > 0, b -> b, Duration.ofSeconds(60));
        assertThat(hung).as("pytest of run " + runId + " started").isTrue();
        Thread.sleep(1000);

        long t0 = System.nanoTime();
        assertThat(api.post("/api/v1/runs/" + runId + "/cancel", "").status()).isEqualTo(202);
        JsonNode run = TestServers.await(() -> api.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("CANCELLED"), Duration.ofSeconds(20));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(run.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(millis).as("cancelled within seconds").isLessThan(15_000);
        assertThat(TestServers.await(() -> testProcesses(marker), n -> n == 0, Duration.ofSeconds(10)))
                .as("no process of the run is left").isZero();
        assertThat(Cli.git(repo, "for-each-ref", "refs/heads")).doesNotContain("aap/");
    }

    /** Processes whose command line names this run (its workspace path holds the run id). */
    private static long testProcesses(String runId) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(runId)).count();
    }

}

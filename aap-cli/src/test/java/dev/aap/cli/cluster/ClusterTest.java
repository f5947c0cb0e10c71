package dev.aap.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real {@code aap serve} processes on one real PostgreSQL; one is SIGKILLed while it runs work. The other takes
 * its runs over when their leases run out and continues them from their checkpoints: nothing is lost, no
 * checkpointed step runs twice.
 */
class ClusterTest {

    private static final int RUNS = 20;
    private static final int STEPS = 4;

    @RegisterExtension
    final ServeProcesses servers = new ServeProcesses(Path.of("target", "cluster-logs", "ClusterTest"));

    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void aKilledServersRunsAreFinishedByTheOtherFromTheirCheckpoints() throws Exception {
        long t0 = System.nanoTime();
        TestPostgres.Db db = TestPostgres.fresh();
        long pgUp = System.nanoTime();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("AAP_HOME", home.toString(), "AAP_DATABASE_URL", db.url());
        // the test watches runs every 20 ms to kill A between two steps: far above a token's default rate
        List<String> args = List.of("--port", "0", "--test-strategies", "--allow-local-repos", "--lease-seconds", "3",
                "--workers", "2", "--rate-limit", "1000000");
        // both start at once on the empty database: one migrates it (the other waits on Flyway's lock), one token
        ServeProcess a = servers.start("A", ServeProcess.javaLauncher(), args, env);
        ServeProcess b = servers.start("B", ServeProcess.javaLauncher(), args, env);
        a.awaitListening(Duration.ofSeconds(60));
        b.awaitListening(Duration.ofSeconds(60));
        assertThat(Stream.of(a.adminToken(), b.adminToken()).filter(Objects::nonNull)).as("admin tokens printed")
                .hasSize(1);
        String token = a.adminToken() != null ? a.adminToken() : b.adminToken();
        long started = System.nanoTime();
        var apiA = new ApiClient(a.url(), token);
        var apiB = new ApiClient(b.url(), token);
        String nodeA = apiA.expect(200, apiA.get("/readyz")).path("node").asText();
        String nodeB = apiB.expect(200, apiB.get("/readyz")).path("node").asText();
        assertThat(nodeA).isNotEqualTo(nodeB);

        Path repo = gitRepo(tmp.resolve("repo"));
        apiA.expect(201, apiA.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo
                + "\",\"max_concurrent_runs\":8}"));
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            ApiClient api = i % 2 == 0 ? apiA : apiB;
            runIds.add(api.expect(201, api.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\","
                    + "\"constraints\":{\"steps\":" + STEPS + ",\"step_millis\":300}}")).path("run_id").asText());
        }

        String heldByA = awaitRunOf(apiB, nodeA, Duration.ofSeconds(30));
        long killedAt = System.nanoTime();
        int exit = a.kill();
        assertThat(exit).as("exit value of a SIGKILLed JVM is 128 + 9").isEqualTo(137);

        Map<String, JsonNode> finalRuns = awaitAllEnded(apiB, runIds, Duration.ofSeconds(90));
        long ended = System.nanoTime();
        finalRuns.forEach((id, run) -> assertThat(run.path("status").asText()).as("status of " + id)
                .isEqualTo("SUCCEEDED"));
        JsonNode page = apiB.expect(200, apiB.get("/api/v1/runs"));
        assertThat(page.path("runs")).hasSize(RUNS);
        assertThat(page.path("next_cursor").isNull()).isTrue();

        Set<String> takenOver = new HashSet<>();
        finalRuns.forEach((id, run) -> {
            int attempt = run.path("attempt").asInt();
            assertThat(attempt).as("attempt of " + id).isBetween(1, 2);
            if (attempt == 2) {
                takenOver.add(id);
                assertThat(run.path("node").asText()).as("node of taken-over run " + id).isEqualTo(nodeB);
            }
        });
        assertThat(takenOver).as("runs A held at the kill").contains(heldByA);

        Map<String, List<Integer>> ledger = ledger(home.resolve("test-ledger.log"));
        try (Connection c = db.connect()) {
            Map<String, String> checkpointedBy = checkpoints(c);
            for (String id : runIds) {
                checkLedger(id, takenOver.contains(id), ledger, checkpointedBy, nodeA, nodeB);
            }
            assertThat(finishedEvents(c)).as("run_finished events per run")
                    .hasSize(RUNS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        }
        System.out.printf("ClusterTest: PostgreSQL up in %d ms, servers in %d ms (A %d ms, B %d ms); kill after %d ms; all %d runs ended"
                        + " %d ms after the kill (%d taken over: %s); total %d ms%n",
                ms(pgUp - t0), ms(started - pgUp), a.millisToListening(), b.millisToListening(), ms(killedAt - started), RUNS,
                ms(ended - killedAt), takenOver.size(), takenOver, ms(System.nanoTime() - t0));
    }

    /**
     * Per step of one run: checkpointed by A before the kill means executed exactly once, by A's attempt; the one
     * step A may have been in when it died is the only one executed twice (once per attempt); the last step once.
     */
    private static void checkLedger(String id, boolean takenOver, Map<String, List<Integer>> ledger,
                                    Map<String, String> checkpointedBy, String nodeA, String nodeB) {
        int repeats = 0;
        for (int i = 1; i <= STEPS; i++) {
            String key = id + " step" + i;
            List<Integer> attempts = ledger.getOrDefault(key, List.of());
            String by = checkpointedBy.get(key);
            assertThat(by).as("checkpoint of " + key).isNotNull();
            assertThat(attempts).as("executions of " + key).isNotEmpty();
            if (i == STEPS) {
                assertThat(attempts).as("the last step of " + id + " ran once").hasSize(1);
            }
            if (!takenOver) {
                assertThat(attempts).as("executions of " + key + " (never taken over)").containsExactly(1);
            } else if (by.equals(nodeA)) {
                assertThat(attempts).as("executions of " + key + ", checkpointed by A").containsExactly(1);
            } else {
                assertThat(by).as("checkpoint of " + key).isEqualTo(nodeB);
                if (attempts.size() > 1) {
                    repeats++;
                    assertThat(attempts).as("a step in flight at the kill: A's try, then B's").containsExactly(1, 2);
                } else {
                    assertThat(attempts).as("executions of " + key + " after the takeover").containsExactly(2);
                }
            }
        }
        assertThat(repeats).as("steps of " + id + " executed twice").isLessThanOrEqualTo(1);
    }

    /** Polls until a run is RUNNING on {@code node} with one or two of its steps checkpointed; returns its id. */
    private static String awaitRunOf(ApiClient api, String node, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode r : api.expect(200, api.get("/api/v1/runs?status=RUNNING")).path("runs")) {
                if (!node.equals(r.path("node").asText())) {
                    continue;
                }
                String id = r.path("run_id").asText();
                int done = api.expect(200, api.get("/api/v1/runs/" + id)).path("steps").size();
                if (done >= 1 && done <= 2) {
                    return id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run was RUNNING on " + node + " with a step done within " + max);
    }

    private static Map<String, JsonNode> awaitAllEnded(ApiClient api, List<String> ids, Duration max)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        var runs = new TreeMap<String, JsonNode>();
        while (true) {
            for (String id : ids) {
                JsonNode r = api.expect(200, api.get("/api/v1/runs/" + id));
                runs.put(id, r);
            }
            boolean all = runs.values().stream().noneMatch(r -> Set.of("QUEUED", "RUNNING")
                    .contains(r.path("status").asText()));
            if (all) {
                return runs;
            }
            if (System.nanoTime() > end) {
                var open = runs.entrySet().stream().filter(e -> Set.of("QUEUED", "RUNNING")
                        .contains(e.getValue().path("status").asText())).map(Map.Entry::getKey).toList();
                throw new AssertionError("runs still open after " + max + ": " + open);
            }
            Thread.sleep(200);
        }
    }

    /** "run stepN" → the attempts that executed it, in ledger order. */
    private static Map<String, List<Integer>> ledger(Path file) throws Exception {
        var out = new HashMap<String, List<Integer>>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.trim().split(" ");
            assertThat(p).as("ledger line '" + line + "'").hasSize(3);
            out.computeIfAbsent(p[0] + " " + p[1], k -> new ArrayList<>()).add(Integer.parseInt(p[2]));
        }
        return out;
    }

    /** "run stepN" → the node that recorded its checkpoint. */
    private static Map<String, String> checkpoints(Connection c) throws SQLException {
        var out = new HashMap<String, String>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("select run_id, step, node from steps")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }

    private static Map<String, Integer> finishedEvents(Connection c) throws SQLException {
        var out = new HashMap<String, Integer>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select run_id, count(*) from events where type = 'run_finished' group by run_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    static Path gitRepo(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("README.md"), "cluster test\n");
        Git.check(dir, "init", "-q", "-b", "main");
        Git.check(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
        Git.check(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
        return dir;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestDatabase;
import dev.aap.server.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aap submit}, {@code aap runs} and {@code aap token} against a real server on a fresh database. */
class RemoteCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Server server;
    String adminToken;
    Http admin;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void start() {
        server = TestServers.start(tmp.resolve("home"), job -> {
            throw new IllegalStateException("no pipeline in this test");
        });
        adminToken = server.adminToken().orElseThrow();
        admin = new Http(server.url(), adminToken);
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\",\"max_concurrent_runs\":4}")
                .status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Result aap(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The command with the server and admin token in front of its own arguments. */
    private Result remote(String command, String... args) {
        var all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of("--server", server.url(), "--token", adminToken));
        all.addAll(List.of(args));
        return aap(all.toArray(String[]::new));
    }

    @Test
    void auditVerifyWithServerReportsTheServersTableAndNamesATamperedRecord() {
        Result ok = remote("audit verify");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("intact: ").contains("records");

        server.database().jdbi().useHandle(h -> h.execute("update audit set details = '{}' where seq = 1"));
        Result bad = remote("audit verify");
        assertThat(bad.exit()).isEqualTo(dev.aap.core.run.ExitCodes.NOT_FOUND);
        assertThat(bad.err()).contains("server audit table broken at", "(seq 1)", "signature");
        assertThat(remote("audit verify", "--file", "x.jsonl").err()).contains("give one");
    }

    @Test
    void submitWithWaitFollowsAStepsRunToItsEndAndExitsZero() {
        Result r = remote("submit", "--repo", "demo", "--strategy", "steps", "--goal", "walk three steps",
                "--constraints", "{\"steps\":3,\"step_millis\":50}", "--wait");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("step step1 ...").contains("step step3 done in 50 ms")
                .contains("finished: SUCCEEDED (exit 0): 3 steps");
        assertThat(r.out()).startsWith("SUCCEEDED: 3 steps").contains(server.url() + "/api/v1/runs/");
    }

    @Test
    void waitingOnARunThatIsCancelledExitsWith130() throws Exception {
        CompletableFuture<Result> waiting = CompletableFuture.supplyAsync(() -> remote("submit", "--repo", "demo",
                "--strategy", "steps", "--constraints", "{\"steps\":50,\"step_millis\":200}", "--wait"));
        JsonNode running = TestServers.await(() -> admin.get("/api/v1/runs?status=RUNNING").json().path("runs"),
                runs -> runs.size() == 1, Duration.ofSeconds(20));
        assertThat(running).hasSize(1);
        String runId = running.get(0).path("run_id").asText();
        assertThat(admin.post("/api/v1/runs/" + runId + "/cancel", "{}").status()).isEqualTo(202);

        Result r = waiting.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.err()).isEqualTo(130);
        assertThat(r.err()).contains("step step1 ...").contains("finished: CANCELLED (exit 130)");
        assertThat(r.out()).startsWith("CANCELLED: ");
    }

    @Test
    void submitWithoutWaitPrintsTheRunAndWhereToFollowItAndAKeyGivesTheSameRunTwice() throws Exception {
        Result first = remote("submit", "--repo", "demo", "--strategy", "noop", "--issue", "nothing to do",
                "--acceptance", "stays green", "--target-test", "a.BTest#c", "--idempotency-key", "k-1", "--json");
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode ids = JSON.readTree(first.out());
        String runId = ids.path("run_id").asText();
        assertThat(ids.path("url").asText()).isEqualTo(server.url() + "/api/v1/runs/" + runId);
        assertThat(ids.path("existing").asBoolean()).isFalse();
        JsonNode task = admin.get("/api/v1/runs/" + runId).json().path("task");
        assertThat(task.path("issue").asText()).isEqualTo("nothing to do");
        assertThat(task.toString()).contains("stays green").contains("a.BTest#c");

        Result again = remote("submit", "--repo", "demo", "--strategy", "noop", "--issue", "nothing to do",
                "--acceptance", "stays green", "--target-test", "a.BTest#c", "--idempotency-key", "k-1");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith(runId + "\n").contains("already submitted with this idempotency key")
                .contains("follow it: " + server.url() + "/api/v1/runs/" + runId + "/events");
    }

    @Test
    void runsListsAndShowsTheServersRunsFollowingTheCursorUpToTheLimit() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\",\"goal\":\"g" + i + "\"}")
                    .json().path("run_id").asText());
        }
        TestServers.await(() -> admin.get("/api/v1/runs?status=SUCCEEDED").json().path("runs").size(), n -> n == 3,
                Duration.ofSeconds(20));

        Result all = remote("runs", "--page-size", "1", "--status", "SUCCEEDED", "--repo", "demo");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out().lines().toList()).hasSize(4).first().asString()
                .startsWith("RUN                    STATUS      EXIT  BRAIN    SECONDS  COST      MESSAGE");
        assertThat(all.out()).contains(ids.get(0)).contains(ids.get(1)).contains(ids.get(2))
                .contains("SUCCEEDED   0     noop").contains("nothing to do (noop)");

        Result two = remote("runs", "--page-size", "1", "--limit", "2");
        assertThat(two.out().lines().toList()).hasSize(3);
        assertThat(remote("runs", "--status", "FAILED").out().lines().toList()).hasSize(1);

        Result show = remote("runs", "show", ids.get(0));
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("\"run_id\" : \"" + ids.get(0) + "\"").contains("\"status\" : \"SUCCEEDED\"");
    }

    @Test
    void anUnreachableServerExitsThreeAndSaysWhatToCheck() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = aap("submit", "--server", "http://127.0.0.1:" + port, "--token", "aap_x", "--repo", "demo");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("aap: cannot reach the aap server at http://127.0.0.1:" + port
                + ": connection refused; is `aap serve` running? (AAP_SERVER)\n");
        assertThat(aap("runs", "--server", "http://127.0.0.1:" + port).exit()).isEqualTo(3);
        assertThat(aap("runs", "--server", "not a url").err()).contains("is not a server address");
    }

    @Test
    void aBadTokenExitsTwoWithoutPrintingIt() {
        String wrong = "aap_" + "W".repeat(40);
        Result r = aap("runs", "--server", server.url(), "--token", wrong);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("aap: the server refused the token: set AAP_TOKEN or --token (aap token create"
                + " makes one)\n");
        assertThat(r.out() + r.err()).doesNotContain(wrong);
    }

    @Test
    void refusalsOfTheServerExitTwoWithItsDetail() {
        String reader = remote("token create", "--name", "reader", "--scopes", "run:read").out().strip();
        Result forbidden = aap("submit", "--server", server.url(), "--token", reader, "--repo", "demo");
        assertThat(forbidden.exit()).isEqualTo(2);
        assertThat(forbidden.err()).contains("this needs a token with the scope 'run:write'");

        Result unknownRepo = remote("submit", "--repo", "nope", "--goal", "x");
        assertThat(unknownRepo.exit()).isEqualTo(2);
        assertThat(unknownRepo.err()).contains("repository 'nope' is not registered");

        Result noRun = remote("runs", "show", "20200101-000000-abcdef");
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err()).isEqualTo("aap: no run 20200101-000000-abcdef\n");
        assertThat(noRun.err()).doesNotContain("\tat ");
    }

    @Test
    void overTheRateLimitExitsThreeWithWhenToRetry() {
        try (Server slow = TestServers.start(tmp.resolve("slow"), TestDatabase.fresh(), job -> {
            throw new IllegalStateException("unused");
        }, 2)) {
            String token = slow.adminToken().orElseThrow();
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(aap("runs", "--server", slow.url(), "--token", token));
            }
            assertThat(results.get(0).exit()).isZero();
            Result limited = results.get(2);
            assertThat(limited.exit()).isEqualTo(3);
            assertThat(limited.err()).startsWith("aap: the server is busy: token 'admin' is over its rate limit")
                    .containsPattern("\\(Retry-After: \\d+ s\\)\n$");
        }
    }

    @Test
    void tokensAreMadeListedAndRevokedThroughTheApi() {
        Result made = remote("token create", "--name", "ci", "--scopes", "run:read,run:write");
        assertThat(made.exit()).as(made.err()).isZero();
        String token = made.out().strip();
        assertThat(token).matches("aap_[A-Za-z0-9]{40}");
        assertThat(made.err()).contains("shown only once");
        assertThat(admin.as(token).get("/api/v1/runs").status()).isEqualTo(200);

        Result list = remote("token list");
        assertThat(list.out()).containsPattern("ci +run:read,run:write +\\S+ +-").contains("admin");
        assertThat(list.out()).doesNotContain(token);

        assertThat(remote("token revoke", "ci").exit()).isZero();
        assertThat(admin.as(token).get("/api/v1/runs").status()).isEqualTo(401);
        assertThat(remote("token revoke", "ci").err()).contains("no live token named 'ci'");
        assertThat(remote("token create", "--name", "x", "--scopes", "run:fly").err()).contains("unknown scope"
                + " 'run:fly'");
        Result needsAdmin = aap("token", "list", "--server", server.url(), "--token",
                remote("token create", "--name", "w", "--scopes", "run:write").out().strip());
        assertThat(needsAdmin.exit()).isEqualTo(2);
        assertThat(needsAdmin.err()).contains("scope 'admin'");
    }

    @Test
    void tokensGoStraightIntoTheDatabaseWithoutAServer() {
        String db = TestDatabase.fresh();
        try (Server other = TestServers.start(tmp.resolve("other"), db, job -> {
            throw new IllegalStateException("unused");
        }, 1000)) {
            Result made = aap("token", "create", "--database-url", db, "--name", "robot", "--scopes", "run:read");
            assertThat(made.exit()).as(made.err()).isZero();
            String token = made.out().strip();
            assertThat(new Http(other.url(), token).get("/api/v1/runs").status()).isEqualTo(200);

            assertThat(aap("token", "list", "--database-url", db).out()).contains("robot").contains("admin");
            assertThat(aap("token", "revoke", "robot", "--database-url", db).out()).isEqualTo("revoked robot\n");
            assertThat(new Http(other.url(), token).get("/api/v1/runs").status()).isEqualTo(401);
            assertThat(aap("token", "create", "--database-url", db, "--name", "robot", "--scopes", "run:read")
                    .err()).contains("exists already");
        }
    }
}

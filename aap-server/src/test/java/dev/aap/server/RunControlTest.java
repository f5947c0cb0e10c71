package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Submitting with idempotency keys, a full queue, and cancelling and retrying runs, against a real server. */
class RunControlTest {

    @TempDir
    Path tmp;
    Server server;
    Http admin;

    private void start(int maxQueuedPerRepo) {
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE,
                new TestServers.Limits(false, maxQueuedPerRepo, 10_000));
        admin = TestServers.adminWithDemoRepo(server, tmp, 1);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSameKeyAndBodyGiveTheSameTaskAndOneRun() {
        start(1000);
        String body = "{\"repo\":\"demo\",\"strategy\":\"noop\",\"goal\":\"once\"}";
        Http.Reply first = admin.post("/api/v1/tasks", body, "Idempotency-Key", "key-1");
        Http.Reply again = admin.post("/api/v1/tasks", body, "Idempotency-Key", "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("task_id")).isEqualTo(first.json().path("task_id"));
        assertThat(again.json().path("run_id")).isEqualTo(first.json().path("run_id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(admin.get("/api/v1/runs").json().path("runs")).hasSize(1);

        Http.Reply other = admin.post("/api/v1/tasks", body.replace("once", "twice"), "Idempotency-Key", "key-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("detail").asText()).contains("key-1").contains("new key");
        assertThat(admin.get("/api/v1/runs").json().path("runs")).hasSize(1);

        // the same fields in another order are the same request
        Http.Reply reordered = admin.post("/api/v1/tasks", "{\"goal\":\"once\",\"strategy\":\"noop\",\"repo\":\"demo\"}",
                "Idempotency-Key", "key-1");
        assertThat(reordered.status()).isEqualTo(200);
        assertThat(reordered.json().path("run_id")).isEqualTo(first.json().path("run_id"));
    }

    @Test
    void anIdempotencyKeyBelongsToTheTokenThatUsedIt() {
        start(1000);
        String other = admin.post("/api/v1/tokens", "{\"name\":\"ci\",\"scopes\":[\"run:write\",\"run:read\"]}")
                .json().path("token").asText();
        String body = "{\"repo\":\"demo\",\"strategy\":\"noop\",\"goal\":\"mine\"}";
        Http.Reply mine = admin.post("/api/v1/tasks", body, "Idempotency-Key", "shared");
        Http.Reply theirs = admin.as(other).post("/api/v1/tasks", body, "Idempotency-Key", "shared");
        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().path("task_id")).isNotEqualTo(mine.json().path("task_id"));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneTask() throws Exception {
        start(1000);
        String body = "{\"repo\":\"demo\",\"strategy\":\"noop\",\"goal\":\"race\"}";
        var go = new CountDownLatch(1);
        var answers = new ArrayList<Future<Http.Reply>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return admin.post("/api/v1/tasks", body, "Idempotency-Key", "race-key");
                }));
            }
            go.countDown();
        }
        var tasks = new HashSet<String>();
        var runs = new HashSet<String>();
        int created = 0;
        for (Future<Http.Reply> f : answers) {
            Http.Reply r = f.get();
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            created += r.status() == 201 ? 1 : 0;
            tasks.add(r.json().path("task_id").asText());
            runs.add(r.json().path("run_id").asText());
        }
        assertThat(created).isEqualTo(1);
        assertThat(tasks).hasSize(1);
        assertThat(runs).hasSize(1);
        assertThat(admin.get("/api/v1/runs").json().path("runs")).hasSize(1);
    }

    @Test
    void aFullQueueAnswers429AndRunsCanBeCancelledAndRetried() {
        start(1);
        String running = submit("{\"repo\":\"demo\",\"strategy\":\"steps\",\"constraints\":{\"steps\":100,"
                + "\"step_millis\":100}}");
        await(running, "RUNNING");
        // the repository's one slot is taken: the next run waits, and the one after finds the queue full
        String queued = submit("{\"repo\":\"demo\",\"strategy\":\"noop\"}");
        Http.Reply full = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\"}");
        assertThat(full.status()).isEqualTo(429);
        assertThat(full.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(full.header("Retry-After"))).isPositive();
        assertThat(get(queued).path("status").asText()).isEqualTo("QUEUED");

        Http.Reply cancelled = admin.post("/api/v1/runs/" + queued + "/cancel", "");
        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(get(queued).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(admin.post("/api/v1/runs/" + queued + "/cancel", "").status()).isEqualTo(409);

        assertThat(admin.post("/api/v1/runs/" + running + "/retry", "").status()).isEqualTo(409);
        Http.Reply stopping = admin.post("/api/v1/runs/" + running + "/cancel", "");
        assertThat(stopping.status()).isEqualTo(202);
        assertThat(stopping.json().path("status").asText()).isIn("RUNNING", "CANCELLED");
        await(running, "CANCELLED");

        Http.Reply retried = admin.post("/api/v1/runs/" + queued + "/retry", "");
        assertThat(retried.status()).isEqualTo(201);
        String again = retried.json().path("run_id").asText();
        assertThat(again).isNotEqualTo(queued);
        assertThat(retried.json().path("task_id").asText()).isEqualTo(get(queued).path("task_id").asText());
        assertThat(retried.header("Location")).isEqualTo("/api/v1/runs/" + again);
        JsonNode done = await(again, "SUCCEEDED");
        assertThat(done.path("task_id").asText()).isEqualTo(get(queued).path("task_id").asText());
        assertThat(done.path("task").path("strategy").asText()).isEqualTo("noop");
    }

    private String submit(String body) {
        Http.Reply r = admin.post("/api/v1/tasks", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("run_id").asText();
    }

    private JsonNode get(String run) {
        return admin.get("/api/v1/runs/" + run).json();
    }

    private JsonNode await(String run, String status) {
        JsonNode n = TestServers.await(() -> get(run), x -> x.path("status").asText().equals(status),
                Duration.ofSeconds(20));
        assertThat(n.path("status").asText()).as("run %s", run).isEqualTo(status);
        return n;
    }
}

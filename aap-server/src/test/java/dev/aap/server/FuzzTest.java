package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.store.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile requests against a real server: none gets a 5xx, every error is a clean problem+json, and no
 * file outside a run's directory is ever served. The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
class FuzzTest {

    private static final String MARKER = "SECRET-OUTSIDE-THE-RUN-7f3a";

    @TempDir
    Path tmp;
    Server server;
    Http admin;
    String runId;

    @BeforeEach
    void start() throws Exception {
        RunExecutor failing = job -> new RunExecutor.Outcome("FAILED", 1, "no pipeline in this test", null);
        server = TestServers.start(tmp.resolve("home"), failing, new TestServers.Limits(false, 100_000, 1_000_000));
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}").status())
                .isEqualTo(201);
        runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"noop\"}").json().path("run_id")
                .asText();
        JsonNode run = TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        Path home = server.home();
        Path dir = home.resolve("runs").resolve(runId);
        Files.writeString(dir.resolve("patch.diff"), "--- a\n+++ b\n");
        Files.createDirectories(dir.resolve("nested"));
        Files.writeString(dir.resolve("nested/log.txt"), "inside\n");
        for (Path outside : List.of(home.resolve("secret.txt"), home.resolve("runs/secret.txt"),
                tmp.resolve("outside.txt"))) {
            Files.writeString(outside, MARKER + "\n");
        }
        Files.createSymbolicLink(dir.resolve("link.txt"), home.resolve("secret.txt"));
        Files.createSymbolicLink(dir.resolve("linkdir"), home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void survivesThousandsOfHostileRequestsWithCleanProblemsAndNoEscapes() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        var gen = new BadRequests(new Random(seed), RegisteredRoutes.of(server), server.adminToken().orElseThrow(),
                runId);
        var cases = new ArrayList<BadRequests.Case>(gen.sweep());
        cases.addAll(gen.huge(1_048_576));
        for (int i = 0; i < 1200; i++) {
            cases.add(gen.random());
        }
        var failures = new ArrayList<String>();
        var byKind = new TreeMap<String, Integer>();
        for (BadRequests.Case c : cases) {
            byKind.merge(c.kind(), 1, Integer::sum);
            RawHttp.Reply r = RawHttp.send(server.port(), c.request());
            String why = verdict(c, r);
            if (why != null && failures.size() < 40) {
                failures.add(c.kind() + ": " + c.request() + "\n  -> " + r.status() + " " + r.header("content-type")
                        + " " + cut(r.text()) + "\n  " + why);
            }
        }
        System.out.println("FuzzTest sent " + cases.size() + " requests: " + byKind);
        assertThat(cases).hasSizeGreaterThan(1000);
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(admin.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void servesArtifactsInsideTheRunAndNothingBeyond() {
        String base = "/api/v1/runs/" + runId + "/artifacts/";
        assertThat(admin.get(base + "patch.diff").body()).isEqualTo("--- a\n+++ b\n");
        assertThat(admin.get(base + "nested/log.txt").body()).isEqualTo("inside\n");
        assertThat(admin.get(base + "link.txt").status()).isEqualTo(404);
        assertThat(admin.get(base + "linkdir/secret.txt").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/runs/" + runId + "/artifacts").body()).contains("nested/log.txt")
                .doesNotContain("secret");
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String verdict(BadRequests.Case c, RawHttp.Reply r) {
        String body = r.text();
        if (body.contains(MARKER) || body.contains("root:x:0:0")) {
            return "served a file outside the run directory";
        }
        if (r.status() >= 500) {
            return "server error";
        }
        if (!c.expected().isEmpty() && !c.expected().contains(r.status())) {
            return "expected one of " + c.expected();
        }
        if (r.status() < 400 || c.request().method().equals("HEAD")) {
            return null;
        }
        String type = r.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "an error that is not application/problem+json";
        }
        JsonNode p;
        try {
            p = Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return "a problem that is not JSON";
        }
        if (p.path("status").asInt() != r.status() || !p.path("title").isTextual()
                || !p.path("detail").isTextual()) {
            return "a problem without status, title and detail";
        }
        if (body.contains("at dev.aap") || body.contains("Exception") || body.contains("\tat ")
                || body.contains("org.eclipse") || body.contains("io.javalin")) {
            return "a problem that shows server internals";
        }
        return null;
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

}

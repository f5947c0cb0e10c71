package dev.aap.server.forge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.forge.webhook.Signatures;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestServers;
import dev.aap.server.WebhookSettings;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.queue.RunJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed GitHub deliveries in GitHub's shapes against a real server: what starts work, once, and what does not. */
class GitHubWebhookTest {

    private static final String SECRET = "whsec-test";

    @TempDir
    Path tmp;
    Server server;
    Http admin;
    final List<RunJob> executed = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hold;

    @BeforeEach
    void start() {
        RunExecutor recorder = job -> {
            executed.add(job);
            if (hold) {
                Thread self = Thread.currentThread();
                job.cancellation().onCancel(self::interrupt);
                release.await();
            }
            return new RunExecutor.Outcome("SUCCEEDED", 0, "recorded", null);
        };
        server = TestServers.startWithWebhooks(tmp.resolve("home"), recorder, new WebhookSettings(SECRET, null, "aap"));
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"pager\",\"url\":\"" + repo + "\","
                + "\"forge\":{\"kind\":\"github\",\"repository\":\"acme/pager\"}}").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void aLabeledIssueQueuesOneRunWithTheIssueAsItsTaskAndRedeliveriesStartNothing() {
        String delivery = UUID.randomUUID().toString();
        byte[] body = labeled("acme/pager", "aap").getBytes(StandardCharsets.UTF_8);
        Http.Reply first = deliver("issues", delivery, body, Signatures.githubHeader(SECRET, body));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String runId = first.json().path("run_id").asText();

        JsonNode run = TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("task").path("issue").asText()).startsWith("#42 Pager skips the last item")
                .contains("Page 3 of 3 is empty.");
        assertThat(run.path("task").path("origin").path("requester").asText()).isEqualTo("maintainer");
        assertThat(admin.get("/api/v1/runs?repo=pager").json().path("runs")).hasSize(1);

        // GitHub redelivers with the same id; a flaky proxy may send it many times
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            Http.Reply again = deliver("issues", delivery, body, Signatures.githubHeader(SECRET, body));
            millis.add((System.nanoTime() - t0) / 1_000_000);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
        }
        Collections.sort(millis);
        System.out.println("webhook duplicate answers: p50 " + millis.get(49) + " ms, p95 " + millis.get(94)
                + " ms, max " + millis.get(99) + " ms");
        assertThat(admin.get("/api/v1/runs?repo=pager").json().path("runs")).hasSize(1);
        assertThat(executed).hasSize(1);
    }

    @Test
    void forgedOrMissingSignaturesAreRefusedBeforeAnythingIsRead() {
        byte[] body = labeled("acme/pager", "aap").getBytes(StandardCharsets.UTF_8);
        byte[] altered = labeled("acme/pager", "aap").replace("42", "43").getBytes(StandardCharsets.UTF_8);
        assertThat(deliver("issues", "d1", body, Signatures.githubHeader("wrong", body)).status()).isEqualTo(401);
        assertThat(deliver("issues", "d2", body, null).status()).isEqualTo(401);
        assertThat(deliver("issues", "d3", altered, Signatures.githubHeader(SECRET, body)).status()).isEqualTo(401);
        assertThat(deliver("issues", "d4", body, "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/runs").json().path("runs")).isEmpty();
    }

    @Test
    void outsidersBotsOtherLabelsAndUnregisteredRepositoriesAreAnswered2xxAndStartNothing() {
        List<String> bodies = List.of(
                comment("/aap fix", "CONTRIBUTOR", "drive-by", "User"),
                comment("/aap fix", "MEMBER", "aap-app[bot]", "Bot"),
                labeled("acme/pager", "bug"),
                labeled("someone/else", "aap"));
        List<String> events = List.of("issue_comment", "issue_comment", "issues", "issues");
        for (int i = 0; i < bodies.size(); i++) {
            byte[] b = bodies.get(i).getBytes(StandardCharsets.UTF_8);
            Http.Reply r = deliver(events.get(i), "ignored-" + i, b, Signatures.githubHeader(SECRET, b));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("ignored");
        }
        assertThat(admin.get("/api/v1/runs").json().path("runs")).isEmpty();
    }

    @Test
    void stopAndRetryCommandsFromAMemberActOnTheIssuesRuns() {
        hold = true;
        byte[] label = labeled("acme/pager", "aap").getBytes(StandardCharsets.UTF_8);
        String runId = deliver("issues", "l1", label, Signatures.githubHeader(SECRET, label)).json()
                .path("run_id").asText();
        TestServers.await(() -> executed.size(), n -> n == 1, Duration.ofSeconds(20));

        byte[] stop = comment("/aap stop", "MEMBER", "dev", "User").getBytes(StandardCharsets.UTF_8);
        Http.Reply stopped = deliver("issue_comment", "c1", stop, Signatures.githubHeader(SECRET, stop));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(202);
        JsonNode run = TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json(),
                n -> n.path("status").asText().equals("CANCELLED"), Duration.ofSeconds(20));
        assertThat(run.path("status").asText()).isEqualTo("CANCELLED");

        hold = false;
        byte[] retry = comment("/aap retry", "OWNER", "dev", "User").getBytes(StandardCharsets.UTF_8);
        Http.Reply again = deliver("issue_comment", "c2", retry, Signatures.githubHeader(SECRET, retry));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().path("run_id").asText()).isNotEqualTo(runId);
        assertThat(admin.get("/api/v1/runs?repo=pager").json().path("runs")).hasSize(2);
    }

    private Http.Reply deliver(String event, String delivery, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("User-Agent", "GitHub-Hookshot/test")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        return admin.send(b.build());
    }

    private static String labeled(String repository, String label) {
        return """
                {"action":"labeled","label":{"name":"%s"},
                 "issue":{"number":42,"title":"Pager skips the last item","body":"Page 3 of 3 is empty.",
                          "state":"open","html_url":"https://github.com/%s/issues/42"},
                 "repository":{"full_name":"%s"},"sender":{"login":"maintainer","type":"User"}}
                """.formatted(label, repository, repository);
    }

    private static String comment(String text, String association, String login, String type) {
        return """
                {"action":"created",
                 "issue":{"number":42,"title":"Pager skips the last item","body":"","state":"open"},
                 "comment":{"body":"%s","author_association":"%s","user":{"login":"%s","type":"%s"}},
                 "repository":{"full_name":"acme/pager"},"sender":{"login":"%s","type":"%s"}}
                """.formatted(text, association, login, type, login, type);
    }
}

package dev.aap.cli.cluster;

import dev.aap.forge.Forges;
import dev.aap.forge.Rest;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.webhook.Signatures;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestServers;
import dev.aap.server.WebhookSettings;
import dev.aap.server.queue.RunExecutor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast a webhook is answered (the run is queued, not run inline) and that duplicates never start a second run:
 * GitHub redeliveries of one delivery id, the many events of one review, GitLab retries with one Idempotency-Key.
 * Prints its figures; run with {@code -Dgroups=bench -DexcludedGroups=none -Dtest=WebhookBench}.
 */
@Tag("bench")
class WebhookBench {

    private static final String SECRET = "whsec-bench";
    private static final String GITLAB = "gl-bench";

    @TempDir
    Path tmp;

    @Test
    void webhookLatencyAndDuplicates() throws Exception {
        AtomicInteger executed = new AtomicInteger();
        RunExecutor instant = job -> {
            executed.incrementAndGet();
            return new RunExecutor.Outcome("SUCCEEDED", 0, "bench", null);
        };
        var gitlab = TestForge.start(tmp.resolve("forge"));
        gitlab.token("glpat-bench");
        String project = gitlab.gitlabProject("acme/pager", TestServers.repo(tmp.resolve("gl-source")));
        gitlab.issue("acme/pager", 7, "t", "d", "dev");
        gitlab.permission("acme/pager", "dev", "write");
        var forges = new Forges(new Forges.Credentials(null, null, null, "glpat-bench"), Rest.client(),
                Clock.systemUTC());
        try (gitlab; Server server = TestServers.startWithWebhooks(tmp.resolve("home"), instant,
                new WebhookSettings(SECRET, GITLAB, "aap", forges, null))) {
            Http admin = new Http(server.url(), server.adminToken().orElseThrow());
            Path repo = TestServers.repo(tmp.resolve("repo"));
            admin.post("/api/v1/repos", "{\"name\":\"pager\",\"url\":\"" + repo + "\",\"max_concurrent_runs\":4,"
                    + "\"forge\":{\"kind\":\"github\",\"repository\":\"acme/pager\"}}");
            admin.post("/api/v1/repos", "{\"name\":\"pager-gl\",\"url\":\"" + project + "\",\"forge\":{\"kind\":"
                    + "\"gitlab\",\"repository\":\"acme/pager\",\"base_url\":\"" + gitlab.gitlabUrl() + "\"}}");

            for (int i = 0; i < 50; i++) {
                post(admin, server, labeled(100_000 + i), UUID.randomUUID().toString(), "issues");
            }
            var sequential = new Latencies();
            for (int i = 1; i <= 500; i++) {
                long t0 = System.nanoTime();
                int status = post(admin, server, labeled(i), UUID.randomUUID().toString(), "issues");
                sequential.add(System.nanoTime() - t0);
                assertThat(status).isEqualTo(202);
            }
            System.out.println("webhook, new issue, 1 client:   " + sequential.summary());

            var parallel = new Latencies();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int i = 1; i <= 400; i++) {
                    int n = 1000 + i;
                    pool.submit(() -> {
                        long t0 = System.nanoTime();
                        post(admin, server, labeled(n), UUID.randomUUID().toString(), "issues");
                        parallel.add(System.nanoTime() - t0);
                    });
                }
            }
            System.out.println("webhook, new issue, 8 clients:  " + parallel.summary());

            int before = countRuns(admin);
            String delivery = UUID.randomUUID().toString();
            var duplicates = new Latencies();
            for (int i = 0; i < 101; i++) {
                long t0 = System.nanoTime();
                post(admin, server, labeled(5000), delivery, "issues");
                duplicates.add(System.nanoTime() - t0);
            }
            for (int i = 0; i < 100; i++) {
                post(admin, server, review(), UUID.randomUUID().toString(), "pull_request_review_comment");
            }
            String key = UUID.randomUUID().toString();
            for (int i = 0; i < 100; i++) {
                postGitLab(admin, server, key);
            }
            int after = countRuns(admin);
            System.out.println("webhook, 101 redeliveries of one id: " + duplicates.summary());
            System.out.println("runs started by 101 redeliveries + 100 events of one review + 100 GitLab retries"
                    + " (one key each): " + (after - before) + " (3 expected: one per delivery/review/key)");
            assertThat(after - before).isEqualTo(3);
        }
    }

    private static int countRuns(Http admin) {
        int n = 0;
        String cursor = null;
        do {
            var page = admin.get("/api/v1/runs?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            n += page.path("runs").size();
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return n;
    }

    private static int post(Http admin, Server server, String json, String delivery, String event) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var req = HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", Signatures.githubHeader(SECRET,
                        body)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return admin.send(req).status();
    }

    private static void postGitLab(Http admin, Server server, String key) {
        String json = """
                {"object_kind":"issue","user":{"id":3,"username":"dev"},
                 "project":{"id":15,"path_with_namespace":"acme/pager"},
                 "object_attributes":{"iid":7,"title":"t","description":"d","state":"opened","url":"x"},
                 "changes":{"labels":{"previous":[],"current":[{"title":"aap"}]}}}""";
        var req = HttpRequest.newBuilder(URI.create(server.url() + "/webhooks/gitlab"))
                .header("Content-Type", "application/json").header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Token", GITLAB).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        admin.send(req);
    }

    private static String labeled(int issue) {
        return """
                {"action":"labeled","label":{"name":"aap"},
                 "issue":{"number":%d,"title":"Issue %d","body":"text","state":"open","html_url":"x"},
                 "repository":{"full_name":"acme/pager"},"sender":{"login":"maintainer","type":"User"}}"""
                .formatted(issue, issue);
    }

    private static String review() {
        return """
                {"action":"created","comment":{"id":1,"pull_request_review_id":777,"body":"rename",
                  "author_association":"MEMBER","user":{"login":"dev","type":"User"}},
                 "pull_request":{"number":9,"state":"open","merged":false,"html_url":"x","head":{"ref":"aap/issue-3"}},
                 "repository":{"full_name":"acme/pager"},"sender":{"login":"dev","type":"User"}}""";
    }
}

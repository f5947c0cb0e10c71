package dev.aap.server.forge;

import dev.aap.forge.Forges;
import dev.aap.forge.Rest;
import dev.aap.forge.testing.TestForge;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitLab deliveries in GitLab's shapes against a real server and a local GitLab: the secret token, one run per
 * Idempotency-Key, and the author's role looked up on the project before anything starts.
 */
class GitLabWebhookTest {

    private static final String HOOK_TOKEN = "gl-hook-secret";
    private static final String API_TOKEN = "glpat-test-0123456789";
    private static final String PROJECT = "acme/tools/pager";

    @TempDir
    Path tmp;
    TestForge gitlab;
    Server server;
    Http admin;
    final List<RunJob> executed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        gitlab = TestForge.start(tmp.resolve("forge"));
        gitlab.token(API_TOKEN);
        Path repo = TestServers.repo(tmp.resolve("repo"));
        String url = gitlab.gitlabProject(PROJECT, repo);
        gitlab.issue(PROJECT, 42, "Pager skips the last item", "Page 3 of 3 is empty.", "reporter");
        gitlab.permission(PROJECT, "dev", "write");
        gitlab.permission(PROJECT, "guest", "read");
        RunExecutor recorder = job -> {
            executed.add(job);
            return new RunExecutor.Outcome("FAILED", 1, "recorded only", null);
        };
        var forges = new Forges(new Forges.Credentials(null, null, null, API_TOKEN), Rest.client(),
                Clock.systemUTC());
        server = TestServers.startWithWebhooks(tmp.resolve("home"), recorder,
                new WebhookSettings(null, HOOK_TOKEN, "aap", forges, null));
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"pager\",\"url\":\"" + url + "\",\"forge\":{\"kind\":"
                + "\"gitlab\",\"repository\":\"" + PROJECT + "\",\"base_url\":\"" + gitlab.gitlabUrl() + "\"}}")
                .status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
        gitlab.close();
    }

    @Test
    void aLabelAddedByADeveloperQueuesOneRunThatReportsOnTheIssueAndRetriesStartNothing() {
        String key = UUID.randomUUID().toString();
        Http.Reply first = deliver("Issue Hook", key, HOOK_TOKEN, labelAdded("dev"));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        for (int i = 0; i < 20; i++) {
            Http.Reply again = deliver("Issue Hook", key, HOOK_TOKEN, labelAdded("dev"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("duplicate");
        }
        String runId = first.json().path("run_id").asText();
        TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json().path("status").asText(),
                "FAILED"::equals, Duration.ofSeconds(20));
        assertThat(executed).hasSize(1);
        assertThat(executed.get(0).spec().issue()).startsWith("#42 Pager skips the last item");
        // the run reported on the issue: an award emoji and one comment, ended with the reason
        assertThat(gitlab.reactions(PROJECT, 42)).containsExactly("eyes");
        var comments = TestServers.await(() -> gitlab.comments(PROJECT, 42),
                c -> !c.isEmpty() && c.get(0).body().contains("recorded only"), Duration.ofSeconds(10));
        assertThat(comments).singleElement().satisfies(c -> assertThat(c.body())
                .contains("Run ended **FAILED**: recorded only", "/aap retry", "<!-- aap -->"));
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndStartsNothing() {
        assertThat(deliver("Issue Hook", "k1", "wrong", labelAdded("dev")).status()).isEqualTo(401);
        assertThat(deliver("Issue Hook", "k2", null, labelAdded("dev")).status()).isEqualTo(401);
        assertThat(admin.get("/api/v1/runs").json().path("runs")).isEmpty();
    }

    @Test
    void reportersBotsAndUnregisteredProjectsAreAnswered200AndStartNothing() {
        List<String> bodies = List.of(labelAdded("guest"), labelAdded("stranger"), labelAdded("project_15_bot_x"),
                labelAdded("dev").replace(PROJECT, "someone/else"), note("/aap fix", "guest"));
        List<String> events = List.of("Issue Hook", "Issue Hook", "Issue Hook", "Issue Hook", "Note Hook");
        for (int i = 0; i < bodies.size(); i++) {
            Http.Reply r = deliver(events.get(i), "ignored-" + i, HOOK_TOKEN, bodies.get(i));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("ignored");
        }
        assertThat(deliver("Issue Hook", "ignored-0b", HOOK_TOKEN, labelAdded("guest")).json().path("detail")
                .asText()).contains("no write access");
        assertThat(admin.get("/api/v1/runs").json().path("runs")).isEmpty();
    }

    @Test
    void aFixCommandInANoteByADeveloperQueuesARun() {
        Http.Reply r = deliver("Note Hook", UUID.randomUUID().toString(), HOOK_TOKEN, note("/aap fix", "dev"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        TestServers.await(executed::size, n -> n == 1, Duration.ofSeconds(20));
    }

    private Http.Reply deliver(String event, String key, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var b = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/webhooks/gitlab"))
                .header("Content-Type", "application/json").header("X-Gitlab-Event", event)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("X-Gitlab-Token", token);
        }
        return admin.send(b.build());
    }

    private static String labelAdded(String username) {
        return """
                {"object_kind":"issue","event_type":"issue","user":{"id":3,"username":"%s","name":"X"},
                 "project":{"id":15,"path_with_namespace":"%s","web_url":"x"},
                 "object_attributes":{"iid":42,"title":"Pager skips the last item","description":"Page 3 of 3 is empty.",
                   "state":"opened","action":"update","url":"http://gitlab/acme/tools/pager/-/issues/42"},
                 "labels":[{"title":"aap"}],
                 "changes":{"labels":{"previous":[],"current":[{"title":"aap"}]}}}""".formatted(username, PROJECT);
    }

    private static String note(String text, String username) {
        return """
                {"object_kind":"note","event_type":"note","user":{"id":3,"username":"%s","name":"X"},
                 "project":{"id":15,"path_with_namespace":"%s","web_url":"x"},
                 "object_attributes":{"id":1241,"note":"%s","noteable_type":"Issue","system":false,"action":"create",
                   "url":"http://gitlab/acme/tools/pager/-/issues/42#note_1241"},
                 "issue":{"iid":42,"title":"Pager skips the last item","description":"Page 3 of 3 is empty.",
                   "state":"opened"}}""".formatted(username, PROJECT, text);
    }
}

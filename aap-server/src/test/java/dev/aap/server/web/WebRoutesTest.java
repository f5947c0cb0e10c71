package dev.aap.server.web;

import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's routes over plain HTTP: public shells without data, fragments behind the API's scopes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebRoutesTest {

    @TempDir
    static Path tmp;
    Server server;
    Http admin;
    Http anonymous;
    String runId;

    @BeforeAll
    void start() {
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE);
        admin = new Http(server.url(), server.adminToken().orElseThrow());
        anonymous = admin.as(null);
        Path repo = TestServers.repo(tmp.resolve("repo"));
        assertThat(admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo + "\"}").status()).isEqualTo(201);
        runId = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\",\"goal\":\"<b>bold</b>\","
                + "\"constraints\":{\"steps\":2,\"step_millis\":10}}").json().path("run_id").asText();
        TestServers.await(() -> admin.get("/api/v1/runs/" + runId).json().path("status").asText(),
                "SUCCEEDED"::equals, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pagesAreOpenShellsThatCarryNoRunData() {
        Http.Reply list = anonymous.get("/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type")).startsWith("text/html");
        assertThat(list.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(list.body()).contains("hx-get=\"/ui/runs\"").contains("<option value=\"steps\">")
                .doesNotContain(runId).doesNotContain("<script>").doesNotContain(" style=");

        Http.Reply run = anonymous.get("/runs/" + runId);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body()).contains("data-run=\"" + runId + "\"").doesNotContain("SUCCEEDED")
                .doesNotContain("demo");
        assertThat(anonymous.get("/runs/not-a-run").status()).isEqualTo(404);
    }

    @Test
    void fragmentsNeedATokenWithTheScopeOfTheDataTheyShow() {
        for (String path : new String[] {"/ui/runs", "/ui/runs/" + runId + "/row", "/ui/runs/" + runId + "/detail",
                "/ui/runs/" + runId + "/artifacts", "/ui/repos"}) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
        }
        String token = admin.post("/api/v1/tokens", "{\"name\":\"reader\",\"scopes\":[\"run:read\"]}").json()
                .path("token").asText();
        Http reader = admin.as(token);
        assertThat(reader.get("/ui/runs/" + runId + "/detail").status()).isEqualTo(200);
        assertThat(reader.get("/ui/runs/" + runId + "/artifacts").status()).isEqualTo(403);
        assertThat(admin.get("/ui/runs").header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void fragmentsShowTheRunEscaped() {
        Http.Reply rows = admin.get("/ui/runs");
        assertThat(rows.body()).contains("id=\"run-" + runId + "\"").contains("status-SUCCEEDED");
        Http.Reply detail = admin.get("/ui/runs/" + runId + "/detail");
        assertThat(detail.body()).contains("<span class=\"name\">step1</span>").contains("step2")
                .contains("id=\"retry\"").doesNotContain("id=\"cancel\"")
                .contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold");
        assertThat(admin.get("/ui/runs/" + runId + "/artifacts").body()).contains("data-artifact=\"patch.diff\"")
                .contains("data-artifact=\"pr.md\"");
        assertThat(admin.get("/ui/repos").body()).contains("<option value=\"demo\">demo</option>");
        assertThat(admin.get("/ui/runs/20261129-101500-a1b2c3/detail").status()).isEqualTo(404);
        assertThat(admin.get("/ui/runs?cursor=x'--").status()).isEqualTo(400);
    }

    @Test
    void servesItsScriptsStyleAndHtmxFromTheClassPath() {
        for (String path : new String[] {"/assets/aap.js", "/assets/pages.js", "/assets/dashboard.css",
                "/webjars/htmx.org/2.0.10/dist/htmx.min.js"}) {
            Http.Reply r = anonymous.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(anonymous.get("/assets/aap.js").header("Content-Type")).contains("javascript");
        assertThat(anonymous.get("/assets/dashboard.css").header("Content-Type")).startsWith("text/css");
        assertThat(anonymous.get("/assets/../db/migration/V1__service.sql").status()).isNotEqualTo(200);
    }
}

package dev.aap.forge.gitlab;

import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;
import dev.aap.forge.Marks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GitLabForge against a fake GitLab on 127.0.0.1 that answers with GitLab's JSON shapes and records requests. */
class GitLabForgeTest {

    private static final String TOKEN = "glpat-Secr3t-token-value";
    private static final String P = "/projects/acme%2Ftools%2Fpager";

    private FakeGitLab gitlab;
    private GitLabForge forge;

    @BeforeEach
    void start() throws IOException {
        gitlab = new FakeGitLab();
        forge = new GitLabForge(gitlab.uri(), "acme/tools/pager", TOKEN,
                "https://gitlab.example.com/acme/tools/pager.git", GitLabForge.defaultClient());
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    static String issueJson(String state) {
        return """
                {"id":301,"iid":42,"project_id":15,"title":"Pager skips the last item","description":"Page 3 of 3 is empty.",
                 "state":"%s","labels":["aap"],"author":{"id":9,"username":"reporter","name":"R"},
                 "web_url":"https://gitlab.example.com/acme/tools/pager/-/issues/42","confidential":false}
                """.formatted(state);
    }

    static String mergeRequestJson(long iid, String state) {
        return """
                {"id":700,"iid":%d,"project_id":15,"title":"Draft: Fix pager","description":"Fixes #42",
                 "state":"%s","source_branch":"aap/issue-42","target_branch":"main","source_project_id":15,
                 "target_project_id":15,"draft":true,"author":{"id":3,"username":"project_15_bot_aa11"},
                 "sha":"da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
                 "web_url":"https://gitlab.example.com/acme/tools/pager/-/merge_requests/%d"}
                """.formatted(iid, state, iid);
    }

    @Test
    void readsAnIssueWithTheTokenHeaderAndTheEncodedProjectPath() {
        gitlab.on("GET", P + "/issues/42", 200, issueJson("opened"));
        gitlab.on("GET", P + "/issues/43", 200, issueJson("closed").replace("\"iid\":42", "\"iid\":43"));

        assertThat(forge.issue(42)).isEqualTo(new Forge.Issue(42, "Pager skips the last item",
                "Page 3 of 3 is empty.", "open", "reporter", "https://gitlab.example.com/acme/tools/pager/-/issues/42"));
        FakeGitLab.Seen seen = gitlab.seen().get(0);
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.target()).isEqualTo("/api/v4/projects/acme%2Ftools%2Fpager/issues/42");
        assertThat(seen.headers().getFirst("PRIVATE-TOKEN")).isEqualTo(TOKEN);
        assertThat(seen.headers().getFirst("Authorization")).isNull();
        assertThat(forge.issue(43).state()).isEqualTo("closed");
        assertThat(forge.issue(43).open()).isFalse();
    }

    @Test
    void awardsEyesAndTakesAnEarlierAwardInStride() {
        gitlab.on("POST", P + "/issues/42/award_emoji", 201, "{\"id\":1,\"name\":\"eyes\"}")
                .on("POST", P + "/issues/42/award_emoji", 404,
                        "{\"message\":\"404 Award Emoji Name has already been taken Not Found\"}")
                .on("POST", P + "/issues/42/award_emoji", 400, "{\"message\":{\"name\":[\"has already been taken\"]}}");
        gitlab.on("POST", P + "/issues/9/award_emoji", 404, "{\"message\":\"404 Issue Not Found\"}");

        forge.react(42);
        forge.react(42);
        forge.react(42);
        assertThat(gitlab.seen()).hasSize(3).allSatisfy(s -> {
            assertThat(s.json().path("name").asText()).isEqualTo("eyes");
            assertThat(s.headers().getFirst("Content-Type")).startsWith("application/json");
        });
        assertThatThrownBy(() -> forge.react(9)).isInstanceOf(ForgeException.class).hasMessageContaining("issue 9");
    }

    @Test
    void commentsOnAnIssueAndEditsThatNote() {
        gitlab.on("POST", P + "/issues/42/notes", 201, "{\"id\":1241,\"body\":\"Working on it\",\"system\":false}");
        gitlab.on("PUT", P + "/issues/42/notes/1241", 200, "{\"id\":1241,\"body\":\"Done\"}");

        assertThat(forge.comment(42, "Working on it " + Marks.COMMENT)).isEqualTo(1241);
        assertThat(gitlab.last().json().path("body").asText()).isEqualTo("Working on it " + Marks.COMMENT);
        forge.editComment(42, 1241, "Done");
        assertThat(gitlab.last().method()).isEqualTo("PUT");
        assertThat(gitlab.last().json().path("body").asText()).isEqualTo("Done");
    }

    @Test
    void findsReadsAndMapsMergeRequests() {
        gitlab.on("GET", P + "/merge_requests?state=opened&source_branch=aap%2Fissue-42", 200,
                "[" + mergeRequestJson(7, "opened") + "]");
        gitlab.on("GET", P + "/merge_requests?state=opened&source_branch=aap%2Fissue-5", 200, "[]");
        gitlab.on("GET", P + "/merge_requests/8", 200, mergeRequestJson(8, "merged"));

        assertThat(forge.openPullRequest("aap/issue-42")).contains(new Forge.PullRequest(7,
                "https://gitlab.example.com/acme/tools/pager/-/merge_requests/7", "aap/issue-42", "main", "open",
                "project_15_bot_aa11", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"));
        assertThat(forge.openPullRequest("aap/issue-5")).isEmpty();
        assertThat(forge.pullRequest(8).state()).isEqualTo("merged");
    }

    @Test
    void opensADraftMergeRequestThatRemovesItsBranchAndKeepsItDraftOnUpdate() {
        gitlab.on("POST", P + "/merge_requests", 201, mergeRequestJson(7, "opened"));
        gitlab.on("PUT", P + "/merge_requests/7", 200, mergeRequestJson(7, "opened"));

        Forge.PullRequest created = forge.createPullRequest("aap/issue-42", "main", "Fix pager", "Fixes #42");
        assertThat(created.number()).isEqualTo(7);
        var sent = gitlab.last().json();
        assertThat(sent.path("source_branch").asText()).isEqualTo("aap/issue-42");
        assertThat(sent.path("target_branch").asText()).isEqualTo("main");
        assertThat(sent.path("title").asText()).isEqualTo("Draft: Fix pager");
        assertThat(sent.path("description").asText()).isEqualTo("Fixes #42");
        assertThat(sent.path("remove_source_branch").asBoolean()).isTrue();

        forge.updatePullRequest(7, "Fix pager, second try", "Fixes #42 " + Marks.COMMENT);
        assertThat(gitlab.last().method()).isEqualTo("PUT");
        assertThat(gitlab.last().json().path("title").asText()).isEqualTo("Draft: Fix pager, second try");
        forge.updatePullRequest(7, "Draft: already marked", "b");
        assertThat(gitlab.last().json().path("title").asText()).isEqualTo("Draft: already marked");
    }

    @Test
    void aSecondMergeRequestForTheBranchIsAConflictThatSaysSo() {
        gitlab.on("POST", P + "/merge_requests", 409,
                "{\"message\":[\"Another open merge request already exists for this source branch: !7\"]}");

        ForgeException e = catchThrowableOfType(ForgeException.class,
                () -> forge.createPullRequest("aap/issue-42", "main", "Fix pager", "b"));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("an open merge request already exists for aap/issue-42");
    }

    @Test
    void asksAKnownUserForReviewAndSkipsAnUnknownOne() {
        gitlab.on("GET", "/users?username=mai", 200, "[{\"id\":31,\"username\":\"mai\",\"state\":\"active\"}]");
        gitlab.on("GET", "/users?username=nobody", 200, "[]");
        gitlab.on("PUT", P + "/merge_requests/7", 200, mergeRequestJson(7, "opened"));

        forge.requestReview(7, "mai");
        assertThat(gitlab.last().target()).isEqualTo("/api/v4" + P + "/merge_requests/7");
        assertThat(gitlab.last().json().path("reviewer_ids").toString()).isEqualTo("[31]");
        int before = gitlab.seen().size();
        forge.requestReview(7, "nobody");
        assertThat(gitlab.seen()).hasSize(before + 1);
        assertThat(gitlab.last().method()).isEqualTo("GET");
    }

    @Test
    void commentsOnAMergeRequestAndRepliesInAThread() {
        gitlab.on("POST", P + "/merge_requests/7/notes", 201, "{\"id\":2001,\"body\":\"x\"}");
        gitlab.on("POST", P + "/merge_requests/7/discussions/6a9c1750b37d513a43987b574953fceb50b03ce7/notes", 201,
                "{\"id\":2002,\"body\":\"Fixed in abc\"}");

        assertThat(forge.commentOnPullRequest(7, "Updated")).isEqualTo(2001);
        forge.reply(7, new Forge.ReviewComment(1, "6a9c1750b37d513a43987b574953fceb50b03ce7", "a", 1, "", "b", "c"),
                "Fixed in abc");
        assertThat(gitlab.last().json().path("body").asText()).isEqualTo("Fixed in abc");
    }

    @Test
    void reviewCommentsAreTheOpenThreadsPeopleStartedAcrossPages() {
        String page1 = "[" + String.join(",",
                discussion("d1", note(11, "Off by one?", "mai", false, true, false, diffPosition("src/Pager.java",
                        "src/Pager.java", "17", "null"))),
                discussion("d2", note(12, "Resolved already", "mai", false, true, true, "null")),
                discussion("d3", note(13, "Nice work", "mai", false, false, false, "null")),
                discussion("d4", note(14, "added 1 commit", "mai", true, false, false, "null"))) + "]";
        String page2 = "[" + String.join(",",
                discussion("d5", note(15, "Why delete this?", "lee", false, true, false,
                        diffPosition("src/Old.java", "src/Old.java", "null", "8"))),
                discussion("d6", note(16, "Done " + Marks.COMMENT, "aap", false, true, false, "null")),
                discussion("d7", note(17, "Please add a test", "lee", false, true, false, "null"),
                        note(18, "Agreed", "mai", false, true, true, "null"))) + "]";
        gitlab.on("GET", P + "/merge_requests/7/discussions?per_page=100&page=1", 200, page1,
                "X-Next-Page", "2", "X-Page", "1");
        gitlab.on("GET", P + "/merge_requests/7/discussions?per_page=100&page=2", 200, page2,
                "X-Next-Page", "", "X-Page", "2");

        List<Forge.ReviewComment> comments = forge.reviewComments(7, 0);

        assertThat(comments).containsExactly(
                new Forge.ReviewComment(11, "d1", "src/Pager.java", 17, "", "Off by one?", "mai"),
                new Forge.ReviewComment(15, "d5", "src/Old.java", 8, "", "Why delete this?", "lee"),
                new Forge.ReviewComment(17, "d7", "", 0, "", "Please add a test", "lee"));
        assertThat(gitlab.seen()).hasSize(2);
    }

    @Test
    void permissionIsTheExactMembersAccessLevel() {
        gitlab.on("GET", P + "/members/all?per_page=100&query=dev", 200, """
                [{"id":1,"username":"dev2","access_level":50,"state":"active"},
                 {"id":2,"username":"dev","access_level":30,"state":"active"}]""");
        gitlab.on("GET", P + "/members/all?per_page=100&query=owner", 200,
                "[{\"id\":3,\"username\":\"owner\",\"access_level\":50}]");
        gitlab.on("GET", P + "/members/all?per_page=100&query=rep", 200,
                "[{\"id\":4,\"username\":\"rep\",\"access_level\":20}]");
        gitlab.on("GET", P + "/members/all?per_page=100&query=stranger", 200, "[]");
        gitlab.on("GET", P + "/members/all?per_page=100&query=gone", 200,
                "[{\"id\":5,\"username\":\"gone\",\"access_level\":40,\"state\":\"blocked\"}]");

        assertThat(forge.permission("dev")).isEqualTo("write");
        assertThat(forge.permission("owner")).isEqualTo("admin");
        assertThat(forge.permission("rep")).isEqualTo("read");
        assertThat(forge.permission("stranger")).isEqualTo("none");
        assertThat(forge.permission("gone")).isEqualTo("none");
        assertThat(GitLabForge.level(40)).isEqualTo("write");
        assertThat(GitLabForge.level(5)).isEqualTo("none");
    }

    @Test
    void gitAuthenticatesAsOauth2WithTheTokenOutsideTheUrl() {
        GitRemote remote = forge.remote();
        assertThat(remote.url()).isEqualTo("https://gitlab.example.com/acme/tools/pager.git");
        String header = remote.environment().get("GIT_CONFIG_VALUE_0");
        String credential = new String(Base64.getDecoder().decode(header.substring("Authorization: Basic ".length())),
                StandardCharsets.UTF_8);
        assertThat(credential).isEqualTo("oauth2:" + TOKEN);
        assertThat(remote.toString()).doesNotContain(TOKEN);
        assertThat(forge.toString()).doesNotContain(TOKEN).contains("acme/tools/pager");
    }

    @Test
    void refusalsAreOneLineMessagesThatSayWhatToCheckAndNeverTheToken() {
        gitlab.on("GET", P + "/issues/1", 401, "{\"message\":\"401 Unauthorized\"}");
        gitlab.on("POST", P + "/issues/2/notes", 403, "{\"message\":\"403 Forbidden\"}");
        gitlab.on("GET", P + "/issues/3", 404, "{\"message\":\"404 Issue Not Found\"}");
        gitlab.on("GET", P + "/issues/4", 500, "{\"message\":\"token " + TOKEN + " broke\\nsomething\"}");
        gitlab.on("GET", P + "/issues/5", 502, "<html>Bad Gateway</html>");
        gitlab.on("GET", P + "/issues/6", 301, "", "Location", "https://gitlab.example.com/api/v4/projects/15/issues/6");

        ForgeException unauthorized = catchThrowableOfType(ForgeException.class, () -> forge.issue(1));
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.getMessage()).startsWith("GitLab refused the token (401): check GITLAB_TOKEN");
        ForgeException forbidden = catchThrowableOfType(ForgeException.class, () -> forge.comment(2, "x"));
        assertThat(forbidden.getMessage()).contains("lacks permission for commenting on issue 2", "(403)");
        ForgeException missing = catchThrowableOfType(ForgeException.class, () -> forge.issue(3));
        assertThat(missing.getMessage()).isEqualTo("GitLab has no issue 3 in acme/tools/pager (404): check the "
                + "project path and that the token can see it");
        ForgeException broken = catchThrowableOfType(ForgeException.class, () -> forge.issue(4));
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.getMessage()).contains("500", "broke something").contains("***");
        ForgeException gateway = catchThrowableOfType(ForgeException.class, () -> forge.issue(5));
        assertThat(gateway.status()).isEqualTo(502);

        ForgeException moved = catchThrowableOfType(ForgeException.class, () -> forge.issue(6));
        assertThat(moved.getMessage()).contains("redirected", "https://gitlab.example.com/api/v4/projects/15/issues/6");

        for (ForgeException e : List.of(unauthorized, forbidden, missing, broken, gateway, moved)) {
            assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\n");
        }
    }

    @Test
    void aBusyGitLabIsAskedOnceMore() {
        gitlab.on("GET", P + "/issues/42", 503, "{\"message\":\"503 Service Unavailable\"}", "Retry-After", "0")
                .on("GET", P + "/issues/42", 200, issueJson("opened"));
        gitlab.on("GET", P + "/issues/43", 503, "", "Retry-After", "0");

        assertThat(forge.issue(42).title()).isEqualTo("Pager skips the last item");
        assertThat(gitlab.seen()).hasSize(2);
        ForgeException e = catchThrowableOfType(ForgeException.class, () -> forge.issue(43));
        assertThat(e.status()).isEqualTo(503);
        assertThat(gitlab.seen()).hasSize(4);
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() {
        gitlab.on("POST", P + "/issues/42/notes", 429, "{\"message\":\"Retry later\"}", "Retry-After", "1")
                .on("POST", P + "/issues/42/notes", 201, "{\"id\":5}");

        long started = System.nanoTime();
        assertThat(forge.comment(42, "hi")).isEqualTo(5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(gitlab.seen()).hasSize(2);
        assertThat(GitLabHttp.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(GitLabHttp.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(GitLabHttp.retryAfter(429, java.util.Optional.of("3600"))).contains(Duration.ofSeconds(10));
        assertThat(GitLabHttp.retryAfter(504, java.util.Optional.empty())).isPresent();
        assertThat(GitLabHttp.retryAfter(500, java.util.Optional.of("1"))).isEmpty();
    }

    @Test
    void anUnreachableGitLabIsStatusZeroNamingTheHost() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        GitLabForge down = new GitLabForge(URI.create("http://127.0.0.1:" + port), "acme/tools/pager", TOKEN,
                "https://x/y.git", GitLabForge.defaultClient());

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> down.issue(42));
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port, "reading issue 42").doesNotContain(TOKEN);
    }

    private static String discussion(String id, String... notes) {
        return "{\"id\":\"" + id + "\",\"individual_note\":false,\"notes\":[" + String.join(",", notes) + "]}";
    }

    private static String note(long id, String body, String author, boolean system, boolean resolvable,
                               boolean resolved, String position) {
        return """
                {"id":%d,"type":%s,"body":"%s","author":{"id":1,"username":"%s"},"system":%s,"resolvable":%s,
                 "resolved":%s,"noteable_type":"MergeRequest","noteable_iid":7,"position":%s}"""
                .formatted(id, position.equals("null") ? "\"DiscussionNote\"" : "\"DiffNote\"", body, author, system,
                        resolvable, resolvable && resolved, position);
    }

    private static String diffPosition(String oldPath, String newPath, String newLine, String oldLine) {
        return """
                {"base_sha":"b","start_sha":"s","head_sha":"h","old_path":"%s","new_path":"%s",
                 "position_type":"text","new_line":%s,"old_line":%s}""".formatted(oldPath, newPath, newLine, oldLine);
    }
}

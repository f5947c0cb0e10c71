package dev.aap.forge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.forge.GitRemote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TestForgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "tf-token-123";

    @TempDir
    Path tmp;
    private TestForge forge;
    private Path source;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        forge = TestForge.start(tmp.resolve("forge"));
        forge.token(TOKEN);
        source = tmp.resolve("source");
        Files.createDirectories(source);
        git(source, Map.of(), "init", "-q", "-b", "main");
        Files.writeString(source.resolve("Pager.java"), "class Pager {\n  int pages;\n  int last() {\n    return pages;\n  }\n}\n");
        git(source, Map.of(), "add", ".");
        git(source, Map.of(), "commit", "-q", "-m", "pager");
        git(source, Map.of(), "checkout", "-q", "-b", "aap/issue-7");
        Files.writeString(source.resolve("Pager.java"), "class Pager {\n  int pages;\n  int last() {\n    return pages - 1;\n  }\n}\n");
        git(source, Map.of(), "commit", "-q", "-am", "fix");
        git(source, Map.of(), "checkout", "-q", "main");
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void aPushWithTheTokenInGitsEnvironmentMovesTheBranchAndLeavesNoTokenInTheBareRepo() throws Exception {
        String url = forge.githubRepo("acme/pager", source);
        Path clone = tmp.resolve("clone");
        assertThat(git(tmp, Map.of(), "clone", "-q", url, clone.toString()).exit).isZero();
        Files.writeString(clone.resolve("README.md"), "pager\n");
        git(clone, Map.of(), "checkout", "-q", "-b", "aap/issue-8");
        git(clone, Map.of(), "add", ".");
        git(clone, Map.of(), "commit", "-q", "-m", "readme");

        Result push = git(clone, GitRemote.basic(url, "x-access-token", TOKEN).environment(),
                "push", "-q", url, "aap/issue-8");

        assertThat(push.exit).as(push.err).isZero();
        assertThat(forge.branchTip("acme/pager", "aap/issue-8")).contains(git(clone, Map.of(), "rev-parse", "HEAD").out.strip());
        assertThat(Files.readString(tmp.resolve("forge/git/acme/pager.git/config"))).doesNotContain(TOKEN);
        assertThat(forge.requests()).anyMatch(r -> r.path().endsWith("/git-receive-pack")
                && r.authorization() != null && r.authorization().startsWith("Basic "));
        assertThat(forge.requests()).noneMatch(r -> r.path().contains(TOKEN) || String.valueOf(r.query()).contains(TOKEN));
    }

    @Test
    void aPushWithoutOrWithAWrongTokenFailsAuthenticationAndAPrivateRepoRefusesAnonymousClones() throws Exception {
        String url = forge.githubRepo("acme/pager", source);
        Path clone = tmp.resolve("clone");
        git(tmp, Map.of(), "clone", "-q", url, clone.toString());
        Map<String, String> noPrompt = Map.of("GIT_TERMINAL_PROMPT", "0");

        Result anonymous = git(clone, noPrompt, "push", "-q", url, "main:refs/heads/other");
        Result wrong = git(clone, GitRemote.basic(url, "x-access-token", "nope").environment(),
                "push", "-q", url, "main:refs/heads/other");
        forge.privateRepos(true);
        Result privateClone = git(tmp, noPrompt, "clone", "-q", url, tmp.resolve("c2").toString());
        Result authorisedClone = git(tmp, GitRemote.basic(url, "oauth2", TOKEN).environment(),
                "clone", "-q", url, tmp.resolve("c3").toString());

        // a 401 makes git ask for a user name (a token in http.extraHeader is not one it knows of), which
        // GIT_TERMINAL_PROMPT=0 turns into a failure; git says "Authentication failed" only for its own credentials
        assertThat(anonymous.exit).isNotZero();
        assertThat(anonymous.err).containsAnyOf("Authentication failed", "terminal prompts disabled");
        assertThat(wrong.exit).isNotZero();
        assertThat(wrong.err).containsAnyOf("Authentication failed", "terminal prompts disabled");
        assertThat(privateClone.exit).isNotZero();
        assertThat(privateClone.err).containsAnyOf("Authentication failed", "terminal prompts disabled");
        assertThat(authorisedClone.exit).as(authorisedClone.err).isZero();
        assertThat(forge.branchTip("acme/pager", "other")).isEmpty();
    }

    @Test
    void anEditedCommentKeepsEveryBodyAndIsAuthoredByTheBot() throws Exception {
        forge.githubRepo("acme/pager", source);
        forge.issue("acme/pager", 7, "Pager skips the last item", "Page 3 of 3 is empty.", "reporter");

        JsonNode created = github("POST", "/repos/acme/pager/issues/7/comments", Map.of("body", "Working on it"), 201);
        long id = created.get("id").asLong();
        JsonNode edited = github("PATCH", "/repos/acme/pager/issues/comments/" + id, Map.of("body", "Done"), 200);
        github("POST", "/repos/acme/pager/issues/7/reactions", Map.of("content", "eyes"), 201);

        assertThat(created.at("/user/login").asText()).isEqualTo("aap-bot");
        assertThat(created.at("/user/type").asText()).isEqualTo("User");
        assertThat(created.get("html_url").asText()).endsWith("/acme/pager/issues/7#issuecomment-" + id);
        assertThat(edited.get("body").asText()).isEqualTo("Done");
        assertThat(forge.comments("acme/pager", 7)).containsExactly(
                new TestForge.Comment(id, "aap-bot", "Done", List.of("Done")));
        assertThat(forge.reactions("acme/pager", 7)).containsExactly("eyes");
        assertThat(github("GET", "/repos/acme/pager/issues/7", null, 200).at("/user/login").asText())
                .isEqualTo("reporter");
        assertThat(forge.requests()).anyMatch(r -> r.method().equals("PATCH") && ("Bearer " + TOKEN).equals(r.authorization()));
    }

    @Test
    void aWrongTokenOrAnUnknownRepositoryGetsGitHubsErrorBodies() throws Exception {
        forge.githubRepo("acme/pager", source);

        HttpResponse<String> wrong = send(HttpRequest.newBuilder(URI.create(forge.githubApi() + "/user"))
                .header("Authorization", "token wrong").build());
        JsonNode missing = github("GET", "/repos/acme/nope/issues/1", null, 404);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("message").asText()).isEqualTo("Bad credentials");
        assertThat(wrong.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(missing.get("message").asText()).isEqualTo("Not Found");
        assertThat(github("GET", "/user", null, 200).get("login").asText()).isEqualTo("aap-bot");
    }

    @Test
    void aSecondPullRequestForTheSameHeadIsAValidationFailure() throws Exception {
        forge.githubRepo("acme/pager", source);
        Map<String, Object> pr = Map.of("title", "Fix #7", "head", "acme:aap/issue-7", "base", "main",
                "body", "Fixes #7", "draft", true);

        JsonNode first = github("POST", "/repos/acme/pager/pulls", pr, 201);
        JsonNode second = github("POST", "/repos/acme/pager/pulls", pr, 422);
        JsonNode noBranch = github("POST", "/repos/acme/pager/pulls",
                Map.of("title", "x", "head", "acme:nothing", "base", "main"), 422);
        JsonNode open = github("GET", "/repos/acme/pager/pulls?state=open&head=acme:aap/issue-7", null, 200);

        assertThat(first.get("number").asLong()).isEqualTo(1);
        assertThat(first.at("/head/label").asText()).isEqualTo("acme:aap/issue-7");
        assertThat(first.at("/head/sha").asText()).isEqualTo(forge.branchTip("acme/pager", "aap/issue-7").orElseThrow());
        assertThat(first.get("draft").asBoolean()).isTrue();
        assertThat(first.get("merged").asBoolean()).isFalse();
        assertThat(second.get("message").asText()).isEqualTo("Validation Failed");
        assertThat(second.at("/errors/0/message").asText())
                .isEqualTo("A pull request already exists for acme:aap/issue-7.");
        assertThat(noBranch.at("/errors/0/field").asText()).isEqualTo("head");
        assertThat(open).hasSize(1);
        assertThat(forge.pulls("acme/pager")).extracting(TestForge.Pull::state).containsExactly("open");
    }

    @Test
    void reviewCommentsAreListedPerReviewAndRepliesAreRecorded() throws Exception {
        forge.githubRepo("acme/pager", source);
        github("POST", "/repos/acme/pager/pulls",
                Map.of("title", "Fix #7", "head", "aap/issue-7", "base", "main"), 201);
        long review = forge.review("acme/pager", 1, "maintainer", "Almost",
                List.of(new TestForge.ReviewNote("Pager.java", 4, "Off by one?")));

        JsonNode comments = github("GET", "/repos/acme/pager/pulls/1/reviews/" + review + "/comments", null, 200);
        long commentId = comments.get(0).get("id").asLong();
        JsonNode reply = github("POST", "/repos/acme/pager/pulls/1/comments/" + commentId + "/replies",
                Map.of("body", "Intended: last index"), 201);

        assertThat(comments.get(0).get("line").asInt()).isEqualTo(4);
        assertThat(comments.get(0).get("diff_hunk").asText()).endsWith("+    return pages - 1;");
        assertThat(comments.get(0).at("/user/login").asText()).isEqualTo("maintainer");
        assertThat(reply.get("in_reply_to_id").asLong()).isEqualTo(commentId);
        assertThat(forge.replies("acme/pager", 1)).containsExactly(
                new TestForge.Reply(commentId, null, "Intended: last index"));
    }

    @Test
    void aGitLabMergeRequestForABranchWithAnOpenOneIsAConflict() throws Exception {
        forge.gitlabProject("group/sub/pager", source);
        forge.permission("group/sub/pager", "maintainer", "admin");
        String project = "/projects/group%2Fsub%2Fpager";

        JsonNode first = gitlab("POST", project + "/merge_requests", "source_branch=aap%2Fissue-7"
                + "&target_branch=main&title=Draft%3A+Fix+%237&description=Closes+%237", 201);
        JsonNode second = gitlab("POST", project + "/merge_requests",
                "source_branch=aap%2Fissue-7&target_branch=main&title=again", 409);
        JsonNode member = gitlab("GET", project + "/members/all?query=maint", null, 200);
        JsonNode listed = gitlab("GET", project + "/merge_requests?source_branch=aap%2Fissue-7&state=opened",
                null, 200);

        assertThat(first.get("iid").asLong()).isEqualTo(1);
        assertThat(first.get("draft").asBoolean()).isTrue();
        assertThat(first.get("state").asText()).isEqualTo("opened");
        assertThat(first.get("web_url").asText()).endsWith("/group/sub/pager/-/merge_requests/1");
        assertThat(second.get("message").get(0).asText())
                .isEqualTo("Another open merge request already exists for this source branch: !1");
        assertThat(member.get(0).get("access_level").asInt()).isEqualTo(50);
        assertThat(listed).hasSize(1);
        assertThat(gitlab("GET", "/projects/" + first.get("project_id").asLong() + "/merge_requests/1", null, 200)
                .get("sha").asText()).isEqualTo(forge.branchTip("group/sub/pager", "aap/issue-7").orElseThrow());
    }

    @Test
    void aGitLabDiscussionShowsItsDiffNoteAndTakesRepliesAndIssueNotesKeepTheirEdits() throws Exception {
        forge.gitlabProject("group/pager", source);
        forge.issue("group/pager", 3, "Skips", "Last page", "reporter");
        String project = "/projects/group%2Fpager";
        gitlab("POST", project + "/merge_requests", "source_branch=aap%2Fissue-7&target_branch=main&title=Fix", 201);
        String discussion = forge.discussion("group/pager", 1, "maintainer", "Pager.java", 4, "Why -1?");

        JsonNode discussions = gitlab("GET", project + "/merge_requests/1/discussions", null, 200);
        gitlab("POST", project + "/merge_requests/1/discussions/" + discussion + "/notes", "body=Last+index", 201);
        JsonNode note = gitlab("POST", project + "/issues/3/notes", "body=On+it", 201);
        gitlab("PUT", project + "/issues/3/notes/" + note.get("id").asLong(), "body=Done", 200);
        gitlab("POST", project + "/issues/3/award_emoji?name=eyes", null, 201);

        JsonNode first = discussions.get(0).get("notes").get(0);
        assertThat(discussions.get(0).get("id").asText()).isEqualTo(discussion);
        assertThat(first.get("type").asText()).isEqualTo("DiffNote");
        assertThat(first.at("/position/new_line").asInt()).isEqualTo(4);
        assertThat(first.at("/position/new_path").asText()).isEqualTo("Pager.java");
        assertThat(first.get("resolved").asBoolean()).isFalse();
        assertThat(forge.replies("group/pager", 1)).containsExactly(
                new TestForge.Reply(first.get("id").asLong(), discussion, "Last index"));
        assertThat(note.at("/author/username").asText()).isEqualTo("aap-bot");
        assertThat(forge.comments("group/pager", 3)).extracting(TestForge.Comment::edits)
                .containsExactly(List.of("Done"));
        assertThat(forge.reactions("group/pager", 3)).containsExactly("eyes");
        assertThat(gitlab("GET", "/users?username=nobody", null, 200)).isEmpty();
    }

    @Test
    void anAppJwtBuysAnInstallationTokenAndAnExpiredJwtIsRefused() throws Exception {
        forge.githubRepo("acme/pager", source);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        forge.githubApp(42, key.getPublic(), 99);
        long now = Instant.now().getEpochSecond();
        String jwt = jwt(key.getPrivate(), "{\"iss\":\"42\",\"iat\":" + (now - 30) + ",\"exp\":" + (now + 540) + "}");
        String expired = jwt(key.getPrivate(), "{\"iss\":42,\"iat\":" + (now - 700) + ",\"exp\":" + (now - 100) + "}");

        HttpResponse<String> installation = send(HttpRequest.newBuilder(
                URI.create(forge.githubApi() + "/repos/acme/pager/installation"))
                .header("Authorization", "Bearer " + jwt).build());
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                URI.create(forge.githubApi() + "/app/installations/99/access_tokens"))
                .header("Authorization", "Bearer " + jwt).POST(HttpRequest.BodyPublishers.noBody()).build());
        String ghs = JSON.readTree(token.body()).get("token").asText();
        HttpResponse<String> user = send(HttpRequest.newBuilder(URI.create(forge.githubApi() + "/user"))
                .header("Authorization", "token " + ghs).build());
        HttpResponse<String> refused = send(HttpRequest.newBuilder(
                URI.create(forge.githubApi() + "/app/installations/99/access_tokens"))
                .header("Authorization", "Bearer " + expired).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(installation.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(installation.body()).get("id").asLong()).isEqualTo(99);
        assertThat(token.statusCode()).isEqualTo(201);
        assertThat(ghs).startsWith("ghs_");
        assertThat(Instant.parse(JSON.readTree(token.body()).get("expires_at").asText()))
                .isAfter(Instant.now().plusSeconds(3500));
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
                .isEqualTo("A JSON web token could not be decoded");
    }

    @Test
    void closeEndsABackendWhoseClientStoppedSendingHalfWay() throws Exception {
        String url = forge.githubRepo("acme/pager", source);
        String credential = Base64.getEncoder().encodeToString(("x:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(url + "/git-upload-pack");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.getOutputStream().write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Basic " + credential + "\r\n"
                    + "Content-Type: application/x-git-upload-pack-request\r\nContent-Length: 100000\r\n\r\n0032want")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long waited = 0;
            while (forge.requests().stream().noneMatch(r -> r.path().endsWith("/git-upload-pack")) && waited < 5000) {
                Thread.sleep(20);
                waited += 20;
            }
            long before = System.nanoTime();
            forge.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(3000);
        }
        // a killed process is alive until the kernel reaps it; give that a moment
        for (int i = 0; i < 100 && gitChildren() > 0; i++) {
            Thread.sleep(20);
        }
        assertThat(gitChildren()).isZero();
    }

    private static long gitChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("git")).count();
    }

    private static String jwt(PrivateKey key, String claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64.encodeToString(rsa.sign());
    }

    private JsonNode github(String method, String path, Map<String, Object> body, int status) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(forge.githubApi() + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, publisher).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private JsonNode gitlab(String method, String path, String form, int status) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(forge.gitlabUrl() + "/api/v4" + path))
                .header("PRIVATE-TOKEN", TOKEN).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result git(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test",
                "-c", "user.email=test@example.com", "-c", "credential.helper="));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        var stderr = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try {
                stderr.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.completeExceptionally(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String error = stderr.get(30, TimeUnit.SECONDS);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, error);
    }
}

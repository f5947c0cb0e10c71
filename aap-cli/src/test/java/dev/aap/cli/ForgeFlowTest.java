package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.AgentSettings;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import dev.aap.core.run.RunStore;
import dev.aap.forge.Forges;
import dev.aap.forge.Rest;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.webhook.Signatures;
import dev.aap.server.Http;
import dev.aap.server.Server;
import dev.aap.server.ServerConfig;
import dev.aap.server.TestDatabase;
import dev.aap.server.TestServers;
import dev.aap.server.WebhookSettings;
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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forge flow end to end: a signed GitHub delivery to a real server, a real run (pytest in the sandbox, a
 * scripted model over HTTP), and a local forge that speaks GitHub's REST API and takes the push over smart HTTP.
 */
class ForgeFlowTest {

    private static final String SECRET = "whsec-e2e";
    private static final String TOKEN = "ghp_e2eTestToken0123456789";
    private static final String REPO = "acme/pricing";
    private static final String GITLAB_HOOK = "gl-hook-e2e";

    @TempDir
    Path tmp;
    TestForge forge;
    ScriptedModelServer model;
    Server server;
    Http api;

    @BeforeEach
    void start() {
        forge = TestForge.start(tmp.resolve("forge"));
        forge.token(TOKEN);
        model = ScriptedModelServer.openAi();
        serve(false);
    }

    /** The server, with the model's roles around the Coder or without (the Coder alone follows a script). */
    private void serve(boolean roles) {
        if (server != null) {
            server.close();
        }
        Path home = tmp.resolve(roles ? "home-roles" : "home");
        RunStore store = RunStore.open(home);
        var agent = AgentSettings.defaults(ModelWiring.gateways(home, false, null, 0.0)).withEmbeddings(false)
                .withRoles(roles);
        var executor = new PipelineExecutor(store, RealSandbox.bwrap(), agent, "openai:gpt-4o-mini",
                model.baseUrl());
        var cfg = new ServerConfig(home, TestDatabase.fresh(), "127.0.0.1", 0, 1, false, false, 5, 100, 1_000_000,
                1_048_576, List.of(), 500, executor, Map.of(), Map::of);
        var forges = new Forges(new Forges.Credentials(TOKEN, null, null, TOKEN), Rest.client(), Clock.systemUTC());
        server = Server.start(cfg, Server.newNodeId(), new WebhookSettings(SECRET, GITLAB_HOOK, "aap", forges,
                "https://aap.example.com"));
        api = new Http(server.url(), server.adminToken().orElseThrow());
    }

    @AfterEach
    void stop() {
        server.close();
        model.close();
        forge.close();
    }

    @Test
    void aLabeledIssueEndsAsADraftPullRequestAndAReviewAsAFollowUpCommitOnItsBranch() throws Exception {
        Path repo = Cli.exampleRepo("python-pricing", tmp.resolve("pricing"));
        String url = forge.githubRepo(REPO, repo);
        forge.issue(REPO, 1, "Ten units get no discount", "bulk_discount(10) should be 0.05, it is 0.", "reporter");
        forge.permission(REPO, "maintainer", "write");
        assertThat(api.post("/api/v1/repos", "{\"name\":\"pricing\",\"url\":\"" + url + "\",\"forge\":{\"kind\":"
                + "\"github\",\"repository\":\"" + REPO + "\",\"base_url\":\"" + forge.githubApi() + "\"}}")
                .status()).isEqualTo(201);

        // the issue: the failing test is there, the model fixes the bound
        model.enqueue(edit("pricing.py", 10, 10, "    if quantity >= 10:"), AgentScripts.runTests(),
                submit("ten units get the small discount"));
        Http.Reply queued = deliver("issues", labeled());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode run = finished(queued.json().path("run_id").asText());
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

        assertThat(forge.reactions(REPO, 1)).containsExactly("eyes");
        List<TestForge.Comment> comments = forge.comments(REPO, 1);
        assertThat(comments).hasSize(1);
        TestForge.Comment progress = comments.get(0);
        assertThat(progress.edits().size()).as("edited as steps finish").isGreaterThanOrEqualTo(4);
        assertThat(progress.body()).contains("https://aap.example.com/runs/" + run.path("id").asText(),
                "- [x] verify", "Draft pull request opened", "aap/issue-1", "<!-- aap -->");
        List<TestForge.Pull> pulls = forge.pulls(REPO);
        assertThat(pulls).hasSize(1);
        TestForge.Pull pr = pulls.get(0);
        assertThat(pr.branch()).isEqualTo("aap/issue-1");
        assertThat(pr.base()).isEqualTo("main");
        assertThat(pr.draft()).isTrue();
        assertThat(pr.body()).contains("## Purpose", "## Changes", "## Tests", "Fixes #1");
        assertThat(pr.reviewers()).containsExactly("maintainer");
        String first = forge.branchTip(REPO, "aap/issue-1").orElseThrow();
        assertThat(first).isEqualTo(run.path("commit").asText());
        assertThat(Cli.git(repo, "rev-parse", "HEAD")).as("the user's main is untouched")
                .isNotEqualTo(first);
        assertThat(forge.requests()).allSatisfy(r -> assertThat(r.body() == null ? "" : r.body())
                .doesNotContain(TOKEN));

        // the review: a new behaviour, reproduced by a test first (issue mode), then the code
        long reviewId = forge.review(REPO, pr.number(), "maintainer", "One more thing.", List.of(
                new TestForge.ReviewNote("pricing.py", 17, "A negative unit price must raise ValueError.")));
        model.enqueue(edit("test_pricing.py", 31, 31, "        bulk_discount(-1)\\n\\n\\ndef test_negative_unit_price_is_rejected():\\n"
                        + "    with pytest.raises(ValueError):\\n        line_total(-1, 1)"), AgentScripts.runTests(),
                edit("pricing.py", 17, 17, "    if unit_cents < 0:\\n        raise ValueError(\\\"unit price must"
                        + " not be negative\\\")\\n    gross = unit_cents * quantity"), AgentScripts.runTests(),
                submit("reject negative unit prices"));
        Http.Reply review = deliver("pull_request_review", review(pr.number(), reviewId, "review"));
        assertThat(review.status()).as(review.body()).isEqualTo(202);
        Http.Reply sameReview = deliver("pull_request_review_comment", review(pr.number(), reviewId, "comment"));
        assertThat(sameReview.status()).as("one follow-up per review").isEqualTo(200);
        assertThat(sameReview.json().path("status").asText()).isEqualTo("duplicate");
        JsonNode followUp = finished(review.json().path("run_id").asText());
        assertThat(followUp.path("status").asText()).as(followUp.toString()).isEqualTo("SUCCEEDED");
        var requests = model.requests();
        assertThat(requests.get(requests.size() - 5).toString()).as("the review is the follow-up's task")
                .contains("A negative unit price must raise", "on pricing.py:17", "Follow-up on pull request #");

        String second = forge.branchTip(REPO, "aap/issue-1").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        Cli.git(repo, "fetch", "-q", url, "aap/issue-1");
        assertThat(Cli.git(repo, "rev-parse", "FETCH_HEAD^").strip()).as("a new commit on top, no force-push")
                .isEqualTo(first);
        assertThat(forge.replies(REPO, pr.number())).singleElement()
                .satisfies(r -> assertThat(r.body()).startsWith("Addressed in " + second.substring(0, 12)));
        assertThat(forge.pulls(REPO)).hasSize(1);

        // both runs' forge changes are in the server's audit table, under the forge identity
        List<JsonNode> issueTrail = audit(run.path("run_id").asText());
        assertThat(one(issueTrail, "run.started").path("actor").asText()).isEqualTo("webhook:github:maintainer");
        assertThat(issueTrail).filteredOn(n -> n.path("actor").asText().equals("github-token"))
                .extracting(n -> n.path("action").asText()).startsWith("forge.reaction.added", "forge.comment.posted")
                .contains("forge.comment.edited", "git.push", "forge.pull_request.created", "forge.review.requested");
        JsonNode push = one(issueTrail, "git.push").path("details");
        assertThat(push.path("branch").asText()).isEqualTo("aap/issue-1");
        assertThat(push.path("commit").asText()).isEqualTo(first);
        assertThat(push.path("forced").asBoolean()).isFalse();
        assertThat(one(issueTrail, "forge.pull_request.created").path("details").path("number").asLong())
                .isEqualTo(pr.number());
        assertThat(one(issueTrail, "forge.comment.posted").path("details").path("body_sha256").asText())
                .hasSize(64).isNotEqualTo(progress.body());
        List<JsonNode> reviewTrail = audit(followUp.path("run_id").asText());
        assertThat(one(reviewTrail, "git.push").path("details").path("how").asText()).isEqualTo("fast-forward");
        assertThat(one(reviewTrail, "forge.review.replied").path("details").path("pull_request").asLong())
                .isEqualTo(pr.number());
        assertThat(reviewTrail).extracting(n -> n.path("action").asText()).contains("forge.comment.posted",
                "run.finished");
        assertThat(api.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
    }

    private List<JsonNode> audit(String runId) {
        var out = new java.util.ArrayList<JsonNode>();
        api.get("/api/v1/audit?run=" + runId).json().path("records").forEach(out::add);
        return out;
    }

    private static JsonNode one(List<JsonNode> records, String action) {
        List<JsonNode> found = records.stream().filter(n -> n.path("action").asText().equals(action)).toList();
        assertThat(found).as(action).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aLabelAddedOnGitLabEndsAsADraftMergeRequestAndADiffNoteAsAFollowUpCommit() throws Exception {
        String project = "shop/backend/pricing";
        forge.privateRepos(true); // the server clones and fetches with the token too
        Path repo = Cli.exampleRepo("python-pricing", tmp.resolve("pricing-gl"));
        String url = forge.gitlabProject(project, repo);
        forge.issue(project, 5, "Ten units get no discount", "bulk_discount(10) should be 0.05.", "reporter");
        forge.permission(project, "dev", "write");
        assertThat(api.post("/api/v1/repos", "{\"name\":\"pricing-gl\",\"url\":\"" + url + "\",\"forge\":{\"kind\":"
                + "\"gitlab\",\"repository\":\"" + project + "\",\"base_url\":\"" + forge.gitlabUrl() + "\"}}")
                .status()).isEqualTo(201);
        model.enqueue(edit("pricing.py", 10, 10, "    if quantity >= 10:"), AgentScripts.runTests(),
                submit("ten units get the small discount"));
        String hook = """
                {"object_kind":"issue","event_type":"issue","user":{"id":3,"username":"dev","name":"Dev"},
                 "project":{"id":15,"path_with_namespace":"%s","web_url":"x"},
                 "object_attributes":{"iid":5,"title":"Ten units get no discount",
                   "description":"bulk_discount(10) should be 0.05.","state":"opened","action":"update","url":"x"},
                 "changes":{"labels":{"previous":[{"title":"bug"}],"current":[{"title":"bug"},{"title":"aap"}]}}}"""
                .formatted(project);
        var req = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/webhooks/gitlab"))
                .header("Content-Type", "application/json").header("X-Gitlab-Event", "Issue Hook")
                .header("X-Gitlab-Token", GITLAB_HOOK).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(hook)).build();
        Http.Reply queued = api.send(req);
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode run = finished(queued.json().path("run_id").asText());
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");

        assertThat(forge.reactions(project, 5)).containsExactly("eyes");
        assertThat(forge.comments(project, 5)).singleElement().satisfies(c -> assertThat(c.body())
                .contains("Draft pull request opened", "aap/issue-5"));
        assertThat(forge.pulls(project)).singleElement().satisfies(mr -> {
            assertThat(mr.branch()).isEqualTo("aap/issue-5");
            assertThat(mr.draft()).isTrue();
            assertThat(mr.title()).startsWith("Draft: ");
            assertThat(mr.body()).contains("## Purpose", "Closes #5");
            assertThat(mr.reviewers()).containsExactly("dev");
        });
        String first = run.path("commit").asText();
        assertThat(forge.branchTip(project, "aap/issue-5")).contains(first);

        // a diff note on the merge request: one follow-up on its branch, answered in the thread
        long mr = forge.pulls(project).get(0).number();
        String thread = forge.discussion(project, mr, "dev", "pricing.py", 17,
                "A negative unit price must raise ValueError.");
        model.enqueue(edit("test_pricing.py", 31, 31, "        bulk_discount(-1)\\n\\n\\ndef test_negative_unit_price"
                        + "_is_rejected():\\n    with pytest.raises(ValueError):\\n        line_total(-1, 1)"),
                AgentScripts.runTests(), edit("pricing.py", 17, 17, "    if unit_cents < 0:\\n        raise"
                        + " ValueError(\\\"unit price must not be negative\\\")\\n    gross = unit_cents * quantity"),
                AgentScripts.runTests(), submit("reject negative unit prices"));
        String note = """
                {"object_kind":"note","event_type":"note","user":{"id":3,"username":"dev","name":"Dev"},
                 "project_id":15,"project":{"id":15,"path_with_namespace":"%s","web_url":"x"},
                 "object_attributes":{"id":900,"note":"A negative unit price must raise ValueError.",
                   "noteable_type":"MergeRequest","type":"DiffNote","system":false,"action":"create",
                   "discussion_id":"%s","url":"x"},
                 "merge_request":{"iid":%d,"source_branch":"aap/issue-5","target_branch":"main",
                   "source_project_id":15,"target_project_id":15,"state":"opened","last_commit":{"id":"%s"}}}"""
                .formatted(project, thread, mr, first);
        var noteReq = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/webhooks/gitlab"))
                .header("Content-Type", "application/json").header("X-Gitlab-Event", "Note Hook")
                .header("X-Gitlab-Token", GITLAB_HOOK).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(note)).build();
        Http.Reply review = api.send(noteReq);
        assertThat(review.status()).as(review.body()).isEqualTo(202);
        JsonNode followUp = finished(review.json().path("run_id").asText());
        assertThat(followUp.path("status").asText()).as(followUp.toString()).isEqualTo("SUCCEEDED");
        String second = forge.branchTip(project, "aap/issue-5").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(forge.replies(project, mr)).singleElement().satisfies(r -> {
            assertThat(r.discussion()).isEqualTo(thread);
            assertThat(r.body()).startsWith("Addressed in " + second.substring(0, 12));
        });
    }

    @Test
    void blockingQuestionsAreAskedOnTheIssueAndAnAnswerFromAMaintainerResumesTheWork() throws Exception {
        serve(true);
        Path repo = Cli.exampleRepo("python-pricing", tmp.resolve("pricing"));
        String url = forge.githubRepo(REPO, repo);
        forge.issue(REPO, 1, "Small orders get the wrong discount", "Fix the discount for small orders.",
                "reporter");
        forge.permission(REPO, "maintainer", "write");
        api.post("/api/v1/repos", "{\"name\":\"pricing\",\"url\":\"" + url + "\",\"forge\":{\"kind\":\"github\","
                + "\"repository\":\"" + REPO + "\",\"base_url\":\"" + forge.githubApi() + "\"}}");
        var coder = new java.util.concurrent.ConcurrentLinkedQueue<Reply>(List.of(
                edit("pricing.py", 10, 10, "    if quantity >= 10:"), AgentScripts.runTests(),
                submit("ten units get the small discount")));
        model.otherwise(req -> {
            String system = req.path("messages").get(0).path("content").asText();
            String last = req.path("messages").get(req.path("messages").size() - 1).toString();
            if (system.contains("Spec-Refiner")) {
                // asks until answered; asked again after the answers, the question is settled instead
                return Reply.text("{\"acceptance_criteria\": [\"ten units get the small discount\"],"
                        + " \"blocking_questions\": [\"Is the small discount for ten units and more, or above ten?\"]}");
            }
            if (system.contains("Planner")) {
                return Reply.text("{\"subtasks\": [\"fix the bound\"]}");
            }
            if (system.contains("Critic")) {
                return Reply.text("{\"verdict\": \"approve\", \"notes\": []}");
            }
            if (system.contains("Integrator")) {
                return Reply.text("{\"commit_message\": \"fix: ten units get the small discount\"}");
            }
            Reply next = coder.poll();
            return next != null ? next : Reply.httpError(500, "the coder's script ran out after: " + last);
        });

        Http.Reply queued = deliver("issues", labeled());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        JsonNode asked = finished(queued.json().path("run_id").asText());
        assertThat(asked.path("status").asText()).as(asked.toString()).isEqualTo("NEEDS_INPUT");
        assertThat(asked.path("exit_code").asInt()).isEqualTo(5);
        assertThat(asked.path("questions").toString()).contains("ten units and more, or above ten");
        assertThat(forge.comments(REPO, 1)).singleElement().satisfies(c -> assertThat(c.body())
                .contains("aap needs answers", "1. Is the small discount for ten units and more", "Answer in a"));
        assertThat(forge.pulls(REPO)).isEmpty();
        assertThat(coder).as("the Coder never ran").hasSize(3);

        Http.Reply outsider = deliver("issue_comment", plainComment("me too", "NONE", "drive-by"));
        assertThat(outsider.json().path("status").asText()).isEqualTo("ignored");
        Http.Reply answered = deliver("issue_comment", plainComment("Ten and more: the docstring is right.",
                "MEMBER", "maintainer"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        JsonNode resumed = finished(answered.json().path("run_id").asText());
        assertThat(resumed.path("status").asText()).as(resumed.toString()).isEqualTo("SUCCEEDED");
        assertThat(resumed.path("task").path("issue").asText()).contains("Answers to aap's questions (from"
                + " maintainer)", "Ten and more");
        assertThat(forge.pulls(REPO)).singleElement().satisfies(pr -> assertThat(pr.branch())
                .isEqualTo("aap/issue-1"));
        Http.Reply late = deliver("issue_comment", plainComment("thanks!", "MEMBER", "maintainer"));
        assertThat(late.json().path("status").asText()).as("no run waits for answers now").isEqualTo("ignored");
    }

    private static String plainComment(String text, String association, String login) {
        return "{\"action\":\"created\",\"issue\":{\"number\":1,\"title\":\"Small orders get the wrong discount\","
                + "\"body\":\"Fix the discount for small orders.\",\"state\":\"open\",\"html_url\":\"x\"},"
                + "\"comment\":{\"id\":" + Math.abs(text.hashCode()) + ",\"body\":\"" + text + "\",\"author_association\":\""
                + association + "\",\"user\":{\"login\":\"" + login + "\",\"type\":\"User\"}},"
                + "\"repository\":{\"full_name\":\"acme/pricing\"},\"sender\":{\"login\":\"" + login
                + "\",\"type\":\"User\"}}";
    }

    private JsonNode finished(String runId) {
        return TestServers.await(() -> api.get("/api/v1/runs/" + runId).json(),
                n -> Set.FINISHED.contains(n.path("status").asText()), Duration.ofSeconds(200));
    }

    private Http.Reply deliver(String event, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var req = HttpRequest.newBuilder(java.net.URI.create(server.url() + "/webhooks/github"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", Signatures.githubHeader(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return api.send(req);
    }

    private static String labeled() {
        return """
                {"action":"labeled","label":{"name":"aap"},
                 "issue":{"number":1,"title":"Ten units get no discount","body":"bulk_discount(10) should be 0.05, it is 0.",
                          "state":"open","html_url":"https://github.com/acme/pricing/issues/1","user":{"login":"reporter","type":"User"}},
                 "repository":{"full_name":"acme/pricing"},"sender":{"login":"maintainer","type":"User"}}""";
    }

    private static String review(long pr, long reviewId, String kind) {
        String item = kind.equals("review")
                ? "\"review\":{\"id\":" + reviewId + ",\"state\":\"changes_requested\",\"body\":\"One more thing.\","
                + "\"author_association\":\"MEMBER\",\"user\":{\"login\":\"maintainer\",\"type\":\"User\"}}"
                : "\"comment\":{\"id\":77,\"pull_request_review_id\":" + reviewId + ",\"body\":\"A negative unit"
                + " price must raise ValueError.\",\"author_association\":\"MEMBER\",\"user\":{\"login\":"
                + "\"maintainer\",\"type\":\"User\"}}";
        return "{\"action\":\"" + (kind.equals("review") ? "submitted" : "created") + "\"," + item + ","
                + "\"pull_request\":{\"number\":" + pr + ",\"state\":\"open\",\"merged\":false,\"html_url\":\"x\","
                + "\"head\":{\"ref\":\"aap/issue-1\"},\"base\":{\"ref\":\"main\"}},"
                + "\"repository\":{\"full_name\":\"acme/pricing\"},\"sender\":{\"login\":\"maintainer\",\"type\":"
                + "\"User\"}}";
    }

    private static Reply edit(String file, int start, int end, String patch) {
        return Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"" + file + "\", \"edit_type\":"
                + " \"replace\", \"locator\": {\"line_range\": {\"start\": " + start + ", \"end\": " + end + "}},"
                + " \"patch\": \"" + patch + "\", \"rationale_summary\": \"as asked\"}"));
    }

    private static Reply submit(String summary) {
        return Reply.toolCalls(Reply.call("submit", "{\"summary\": \"" + summary + "\"}"));
    }

    private static final class Set {
        static final java.util.Set<String> FINISHED = java.util.Set.of("SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT",
                "CANCELLED");
    }
}

package dev.aap.forge.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;
import dev.aap.forge.Marks;
import dev.aap.forge.gitlab.GitLabHttp.Call;
import dev.aap.forge.gitlab.GitLabHttp.Reply;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One GitLab project through the REST API v4 ({@code gitlab.com} or a self-managed instance), authenticated by a
 * project, group or personal access token with the {@code api} scope.
 */
public final class GitLabForge implements Forge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_PAGES = 50;

    private final URI baseUrl;
    private final String projectPath;
    private final String token;
    private final String cloneUrl;
    private final String project;
    private final GitLabHttp http;

    /**
     * @param baseUrl     the instance, e.g. {@code https://gitlab.com}
     * @param projectPath the project's full path, e.g. {@code group/sub/project}
     * @param client      the HTTP client; {@link #defaultClient()} has the 10 s connect timeout
     */
    public GitLabForge(URI baseUrl, String projectPath, String token, String cloneUrl, HttpClient client) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.projectPath = Objects.requireNonNull(projectPath, "projectPath");
        this.token = Objects.requireNonNull(token, "token");
        this.cloneUrl = Objects.requireNonNull(cloneUrl, "cloneUrl");
        // the API names a project by its URL-encoded path, slashes included
        this.project = "projects/" + encode(projectPath) + "/";
        this.http = new GitLabHttp(Objects.requireNonNull(client, "client"), baseUrl, projectPath, token);
    }

    /** An HTTP client with the connect timeout GitLab calls should have. */
    public static HttpClient defaultClient() {
        return GitLabHttp.defaultClient();
    }

    @Override
    public String kind() {
        return "gitlab";
    }

    @Override
    public String repository() {
        return projectPath;
    }

    @Override
    public Issue issue(long number) {
        JsonNode i = http.send("GET", project + "issues/" + number, null, new Call("reading issue " + number,
                "issue " + number));
        String state = i.path("state").asText("");
        return new Issue(i.path("iid").asLong(number), i.path("title").asText(""), i.path("description").asText(""),
                "opened".equals(state) ? "open" : state, i.path("author").path("username").asText(""),
                i.path("web_url").asText(""));
    }

    @Override
    public void react(long issue) {
        Call call = new Call("awarding an emoji on issue " + issue, "issue " + issue);
        Reply reply = http.exchange("POST", project + "issues/" + issue + "/award_emoji",
                NODES.objectNode().put("name", "eyes"), call);
        // depending on the version, a second award is a 400 or a 404 saying the name "has already been taken"
        boolean already = reply.status() >= 400 && reply.status() < 500 && reply.status() != 401
                && reply.status() != 403 && reply.message().toLowerCase(Locale.ROOT).contains("already");
        if (!reply.ok() && !already) {
            throw http.failure(reply, call);
        }
    }

    @Override
    public long comment(long issue, String body) {
        return http.send("POST", project + "issues/" + issue + "/notes", NODES.objectNode().put("body", body),
                new Call("commenting on issue " + issue, "issue " + issue)).path("id").asLong();
    }

    @Override
    public void editComment(long issue, long commentId, String body) {
        http.send("PUT", project + "issues/" + issue + "/notes/" + commentId, NODES.objectNode().put("body", body),
                new Call("editing note " + commentId + " on issue " + issue, "note " + commentId + " on issue "
                        + issue));
    }

    @Override
    public Optional<PullRequest> openPullRequest(String branch) {
        JsonNode list = http.send("GET", project + "merge_requests?state=opened&source_branch=" + encode(branch),
                null, new Call("listing the merge requests from " + branch, "merge requests"));
        for (JsonNode mr : list) {
            if (branch.equals(mr.path("source_branch").asText())) {
                return Optional.of(pullRequest(mr));
            }
        }
        return Optional.empty();
    }

    @Override
    public PullRequest pullRequest(long number) {
        return pullRequest(http.send("GET", project + "merge_requests/" + number, null,
                new Call("reading merge request !" + number, "merge request !" + number)));
    }

    @Override
    public PullRequest createPullRequest(String branch, String base, String title, String body) {
        ObjectNode request = NODES.objectNode().put("source_branch", branch).put("target_branch", base)
                .put("title", draft(title)).put("description", body).put("remove_source_branch", true);
        Call call = new Call("opening a merge request from " + branch, "branch " + branch + " or " + base);
        Reply reply = http.exchange("POST", project + "merge_requests", request, call);
        if (reply.status() == 409) {
            throw new ForgeException("an open merge request already exists for " + branch, 409);
        }
        if (!reply.ok()) {
            throw http.failure(reply, call);
        }
        return pullRequest(reply.body());
    }

    @Override
    public void updatePullRequest(long number, String title, String body) {
        // the title carries GitLab's draft flag: aap's merge requests stay drafts until a person marks them ready
        http.send("PUT", project + "merge_requests/" + number,
                NODES.objectNode().put("title", draft(title)).put("description", body),
                new Call("updating merge request !" + number, "merge request !" + number));
    }

    @Override
    public void requestReview(long number, String user) {
        JsonNode users = http.send("GET", "users?username=" + encode(user), null,
                new Call("looking up user " + user, "user " + user));
        if (users.isEmpty()) {
            return;
        }
        ObjectNode request = NODES.objectNode();
        request.putArray("reviewer_ids").add(users.get(0).path("id").asLong());
        http.send("PUT", project + "merge_requests/" + number, request,
                new Call("asking " + user + " to review merge request !" + number, "merge request !" + number));
    }

    @Override
    public long commentOnPullRequest(long number, String body) {
        return http.send("POST", project + "merge_requests/" + number + "/notes",
                NODES.objectNode().put("body", body),
                new Call("commenting on merge request !" + number, "merge request !" + number)).path("id").asLong();
    }

    /** GitLab has no reviews in its hooks: every open thread of the merge request is read, {@code reviewId} unused. */
    @Override
    public List<ReviewComment> reviewComments(long number, long reviewId) {
        Call call = new Call("reading the threads of merge request !" + number, "merge request !" + number);
        List<ReviewComment> comments = new ArrayList<>();
        String page = "1";
        // the page cap only guards against a server whose X-Next-Page never ends
        for (int pages = 0; !page.isEmpty() && pages < MAX_PAGES; pages++) {
            Reply reply = http.exchange("GET", project + "merge_requests/" + number + "/discussions?per_page=100&page="
                    + encode(page), null, call);
            if (!reply.ok()) {
                throw http.failure(reply, call);
            }
            for (JsonNode discussion : reply.body()) {
                open(discussion, reviewId).ifPresent(comments::add);
            }
            page = reply.headers().firstValue("X-Next-Page").orElse("").strip();
        }
        return List.copyOf(comments);
    }

    @Override
    public void reply(long number, ReviewComment comment, String body) {
        if (comment.thread() == null || comment.thread().isEmpty()) {
            throw new IllegalArgumentException("a GitLab review comment belongs to a discussion");
        }
        http.send("POST", project + "merge_requests/" + number + "/discussions/" + encode(comment.thread()) + "/notes",
                NODES.objectNode().put("body", body), new Call("replying in a thread of merge request !" + number,
                        "thread " + comment.thread() + " on merge request !" + number));
    }

    @Override
    public String permission(String user) {
        JsonNode members = http.send("GET", project + "members/all?per_page=100&query=" + encode(user), null,
                new Call("reading the members", "members"));
        for (JsonNode m : members) {
            if (user.equalsIgnoreCase(m.path("username").asText())) {
                // a blocked or not yet accepted member keeps its level on paper but may not act
                String state = m.path("state").asText("active");
                return "active".equals(state) ? level(m.path("access_level").asInt()) : "none";
            }
        }
        return "none";
    }

    @Override
    public GitRemote remote() {
        return GitRemote.basic(cloneUrl, "oauth2", token);
    }

    @Override
    public String toString() {
        return "GitLabForge[" + baseUrl + ", " + projectPath + "]";
    }

    /** Guest 10, Reporter 20 read; Developer 30, Maintainer 40 write; Owner 50 admin. */
    static String level(int accessLevel) {
        if (accessLevel >= 50) {
            return "admin";
        }
        if (accessLevel >= 30) {
            return "write";
        }
        return accessLevel >= 10 ? "read" : "none";
    }

    /** The thread's first note as a review comment, when the thread is open and a person started it. */
    /**
     * The discussion's first note when it is an unresolved thread a person started, or when it is the note that
     * started this follow-up ({@code triggering}): a plain comment cannot be resolved, but it asked for something.
     */
    private static Optional<ReviewComment> open(JsonNode discussion, long triggering) {
        JsonNode notes = discussion.path("notes");
        boolean resolvable = false;
        boolean resolved = true;
        for (JsonNode n : notes) {
            if (n.path("resolvable").asBoolean(false)) {
                resolvable = true;
                resolved &= n.path("resolved").asBoolean(false);
            }
        }
        JsonNode first = notes.path(0);
        boolean asked = first.path("id").asLong() == triggering;
        if (!asked && (!resolvable || resolved) || first.path("system").asBoolean(false)
                || Marks.ours(first.path("body").asText(""))) {
            return Optional.empty();
        }
        JsonNode pos = first.path("position");
        String path = pos.path("new_path").asText("");
        if (path.isEmpty()) {
            path = pos.path("old_path").asText("");
        }
        int line = pos.path("new_line").asInt(0);
        if (line == 0) {
            line = pos.path("old_line").asInt(0);
        }
        return Optional.of(new ReviewComment(first.path("id").asLong(), discussion.path("id").asText(), path, line,
                "", first.path("body").asText(""), first.path("author").path("username").asText("")));
    }

    private static PullRequest pullRequest(JsonNode mr) {
        String state = mr.path("state").asText("");
        return new PullRequest(mr.path("iid").asLong(), mr.path("web_url").asText(""),
                mr.path("source_branch").asText(""), mr.path("target_branch").asText(""),
                "opened".equals(state) || "locked".equals(state) ? "open" : state,
                mr.path("author").path("username").asText(""), mr.path("sha").asText(""));
    }

    private static String draft(String title) {
        return title.regionMatches(true, 0, "Draft:", 0, 6) ? title : "Draft: " + title;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

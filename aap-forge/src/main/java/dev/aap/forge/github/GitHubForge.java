package dev.aap.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;
import dev.aap.forge.Rest;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Forge} over the GitHub REST API (github.com at {@code https://api.github.com}, GitHub Enterprise Server at
 * {@code https://HOST/api/v3}).
 */
public final class GitHubForge implements Forge {

    private final String repository;
    private final String owner;
    private final GitHubAuth auth;
    private final String cloneUrl;
    private final Rest rest;

    public GitHubForge(String apiBase, String repository, GitHubAuth auth, String cloneUrl, HttpClient http) {
        if (!repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new ForgeException("'" + repository + "' is not a GitHub repository name: use owner/name", 0);
        }
        this.repository = repository;
        this.owner = repository.substring(0, repository.indexOf('/'));
        this.auth = auth;
        this.cloneUrl = cloneUrl;
        this.rest = new Rest(http, apiBase, () -> Map.of("Authorization", "Bearer "
                + GitHubAuth.checked(auth.token()), "X-GitHub-Api-Version", "2022-11-28"), this::explain);
    }

    /** The API address for a clone URL's host: api.github.com for github.com, {@code /api/v3} on Enterprise. */
    public static String apiFor(String cloneUrl) {
        java.net.URI u = java.net.URI.create(cloneUrl);
        String host = u.getHost() == null ? "github.com" : u.getHost();
        return host.equals("github.com") || host.equals("www.github.com") ? "https://api.github.com"
                // host and port only: user info in a clone URL (often a token) must not reach the API address
                : u.getScheme() + "://" + host + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/api/v3";
    }

    @Override
    public String kind() {
        return "github";
    }

    @Override
    public String identity() {
        return auth instanceof GitHubAuth.App app ? "github-app:" + app.appId() : "github-token";
    }

    @Override
    public String repository() {
        return repository;
    }

    private String repo() {
        return "/repos/" + repository;
    }

    @Override
    public Issue issue(long number) {
        JsonNode i = rest.get(repo() + "/issues/" + number);
        if (i.has("pull_request")) {
            throw new ForgeException("#" + number + " of " + repository + " is a pull request, not an issue", 0);
        }
        return new Issue(number, i.path("title").asText(""), i.path("body").asText(""), i.path("state").asText(),
                i.path("user").path("login").asText(""), i.path("html_url").asText(""));
    }

    @Override
    public void react(long issue) {
        rest.post(repo() + "/issues/" + issue + "/reactions", Map.of("content", "eyes"));
    }

    @Override
    public long comment(long issue, String body) {
        return rest.post(repo() + "/issues/" + issue + "/comments", Map.of("body", body)).path("id").asLong();
    }

    @Override
    public void editComment(long issue, long commentId, String body) {
        rest.patch(repo() + "/issues/comments/" + commentId, Map.of("body", body));
    }

    @Override
    public Optional<PullRequest> openPullRequest(String branch) {
        JsonNode list = rest.get(repo() + "/pulls?state=open&head=" + enc(owner + ":" + branch));
        for (JsonNode p : list) {
            if (branch.equals(p.path("head").path("ref").asText())) {
                return Optional.of(pull(p));
            }
        }
        return Optional.empty();
    }

    @Override
    public PullRequest pullRequest(long number) {
        return pull(rest.get(repo() + "/pulls/" + number));
    }

    @Override
    public PullRequest createPullRequest(String branch, String base, String title, String body) {
        return pull(rest.post(repo() + "/pulls", Map.of("title", title, "head", branch, "base", base, "body", body,
                "draft", true, "maintainer_can_modify", true)));
    }

    @Override
    public void updatePullRequest(long number, String title, String body) {
        rest.patch(repo() + "/pulls/" + number, Map.of("title", title, "body", body));
    }

    @Override
    public void requestReview(long number, String user) {
        try {
            rest.post(repo() + "/pulls/" + number + "/requested_reviewers", Map.of("reviewers", List.of(user)));
        } catch (ForgeException e) {
            // GitHub answers 422 for the pull request's author or someone who is not a collaborator: no review asked
            if (e.status() != 422) {
                throw e;
            }
        }
    }

    @Override
    public long commentOnPullRequest(long number, String body) {
        return comment(number, body);
    }

    @Override
    public List<ReviewComment> reviewComments(long number, long reviewId) {
        List<ReviewComment> out = new ArrayList<>();
        for (int page = 1; page <= 10; page++) {
            JsonNode list = rest.get(repo() + "/pulls/" + number + "/reviews/" + reviewId + "/comments?per_page=100"
                    + "&page=" + page);
            for (JsonNode c : list) {
                int line = c.path("line").isNumber() ? c.path("line").asInt() : c.path("original_line").asInt(0);
                out.add(new ReviewComment(c.path("id").asLong(), null, c.path("path").asText(""), line,
                        c.path("diff_hunk").asText(""), c.path("body").asText(""),
                        c.path("user").path("login").asText("")));
            }
            if (list.size() < 100) {
                break;
            }
        }
        return out;
    }

    @Override
    public String reviewSummary(long number, long reviewId) {
        String body = rest.get(repo() + "/pulls/" + number + "/reviews/" + reviewId).path("body").asText("");
        return dev.aap.forge.Marks.ours(body) ? "" : body.strip();
    }

    @Override
    public void reply(long number, ReviewComment comment, String body) {
        rest.post(repo() + "/pulls/" + number + "/comments/" + comment.id() + "/replies", Map.of("body", body));
    }

    @Override
    public String permission(String user) {
        try {
            return rest.get(repo() + "/collaborators/" + enc(user) + "/permission").path("permission").asText("none");
        } catch (ForgeException e) {
            if (e.status() == 404) {
                return "none";
            }
            throw e;
        }
    }

    @Override
    public GitRemote remote() {
        return GitRemote.basic(cloneUrl, "x-access-token", GitHubAuth.checked(auth.token()));
    }

    private static PullRequest pull(JsonNode p) {
        String state = p.path("merged").asBoolean() || !p.path("merged_at").isMissingNode()
                && !p.path("merged_at").isNull() ? "merged" : p.path("state").asText();
        return new PullRequest(p.path("number").asLong(), p.path("html_url").asText(""),
                p.path("head").path("ref").asText(""), p.path("base").path("ref").asText(""), state,
                p.path("user").path("login").asText(""), p.path("head").path("sha").asText(""));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String explain(String call, int status, String message) {
        return switch (status) {
            case 0 -> "GitHub is not reachable (" + call + "): " + message;
            case 401 -> "GitHub refused the token (401 " + message + "): check GITHUB_TOKEN or the GitHub App"
                    + " settings";
            case 403 -> "the token lacks permission for " + call + " on " + repository + " (403 " + message
                    + "): it needs contents, issues and pull requests read and write";
            case 404 -> "GitHub has no " + call.substring(call.indexOf(' ') + 1) + " (404): check the repository"
                    + " name and that the token can see it";
            default -> "GitHub answered " + status + " to " + call + ": " + message;
        };
    }
}

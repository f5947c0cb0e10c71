package dev.aap.forge.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static dev.aap.forge.testing.Call.obj;

/** GitHub's REST shapes for the objects the fake forge keeps (field names and types as GitHub sends them). */
final class GitHubJson {

    private final String url;
    private final String api;

    GitHubJson(String url) {
        this.url = url;
        this.api = url + "/api/v3";
    }

    String api() {
        return api;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    Map<String, Object> user(State.User user) {
        return obj("login", user.login, "id", user.id, "node_id", "U_" + user.id,
                "avatar_url", url + "/avatars/" + user.login, "url", api + "/users/" + user.login,
                "html_url", url + "/" + user.login, "type", "User", "site_admin", false);
    }

    Map<String, Object> repo(State state, State.Repo repo) {
        String owner = repo.path.substring(0, repo.path.indexOf('/'));
        return obj("id", repo.id, "node_id", "R_" + repo.id, "name", repo.path.substring(owner.length() + 1),
                "full_name", repo.path, "private", state.privateRepos, "owner", user(state.user(owner)),
                "html_url", url + "/" + repo.path, "url", api + "/repos/" + repo.path,
                "clone_url", url + "/git/" + repo.path + ".git",
                "default_branch", Git.defaultBranch(repo.bare));
    }

    Map<String, Object> issue(State state, State.Repo repo, State.Issue issue) {
        long comments = repo.notes.stream().filter(n -> n.number == issue.number).count();
        return obj("url", api + "/repos/" + repo.path + "/issues/" + issue.number,
                "html_url", url + "/" + repo.path + "/issues/" + issue.number,
                "id", issue.id, "node_id", "I_" + issue.id, "number", issue.number, "title", issue.title,
                "user", user(state.user(issue.author)), "labels", List.of(), "state", issue.state,
                "locked", false, "assignees", List.of(), "comments", comments,
                "created_at", time(issue.created), "updated_at", time(issue.created),
                "closed_at", "closed".equals(issue.state) ? time(issue.created) : null,
                "author_association", association(repo, issue.author), "body", issue.body);
    }

    /** A pull request seen through the issues API, as GitHub shows it there. */
    Map<String, Object> pullAsIssue(State state, State.Repo repo, State.Pull pull) {
        long comments = repo.notes.stream().filter(n -> n.number == pull.number).count();
        String pr = api + "/repos/" + repo.path + "/pulls/" + pull.number;
        return obj("url", api + "/repos/" + repo.path + "/issues/" + pull.number,
                "html_url", url + "/" + repo.path + "/pull/" + pull.number,
                "id", pull.id, "node_id", "PR_" + pull.id, "number", pull.number, "title", pull.title,
                "user", user(state.user(pull.author)), "labels", List.of(), "state", pullState(pull),
                "locked", false, "assignees", List.of(), "comments", comments,
                "created_at", time(pull.created), "updated_at", time(pull.updated), "closed_at", closedAt(pull),
                "author_association", association(repo, pull.author), "draft", pull.draft,
                "pull_request", obj("url", pr, "html_url", url + "/" + repo.path + "/pull/" + pull.number,
                        "diff_url", url + "/" + repo.path + "/pull/" + pull.number + ".diff",
                        "patch_url", url + "/" + repo.path + "/pull/" + pull.number + ".patch",
                        "merged_at", "merged".equals(pull.state) ? time(pull.updated) : null),
                "body", pull.body);
    }

    Map<String, Object> comment(State state, State.Repo repo, State.Note note) {
        String kind = repo.pulls.containsKey(note.number) ? "/pull/" : "/issues/";
        return obj("id", note.id, "node_id", "IC_" + note.id,
                "url", api + "/repos/" + repo.path + "/issues/comments/" + note.id,
                "html_url", url + "/" + repo.path + kind + note.number + "#issuecomment-" + note.id,
                "issue_url", api + "/repos/" + repo.path + "/issues/" + note.number,
                "body", note.body(), "user", user(state.user(note.author)),
                "created_at", time(note.created), "updated_at", time(note.updated),
                "author_association", association(repo, note.author));
    }

    /**
     * A pull request. The list endpoint leaves out {@code merged} and the counts, as GitHub's does, so a client
     * that reads them from a list fails here as it would there.
     */
    Map<String, Object> pull(State state, State.Repo repo, State.Pull pull, boolean full) {
        String html = url + "/" + repo.path + "/pull/" + pull.number;
        Map<String, Object> json = obj("url", api + "/repos/" + repo.path + "/pulls/" + pull.number,
                "id", pull.id, "node_id", "PR_" + pull.id, "html_url", html,
                "diff_url", html + ".diff", "patch_url", html + ".patch",
                "issue_url", api + "/repos/" + repo.path + "/issues/" + pull.number,
                "number", pull.number, "state", pullState(pull), "locked", false, "title", pull.title,
                "user", user(state.user(pull.author)), "body", pull.body, "labels", List.of(),
                "created_at", time(pull.created), "updated_at", time(pull.updated),
                "closed_at", closedAt(pull), "merged_at", "merged".equals(pull.state) ? time(pull.updated) : null,
                "merge_commit_sha", null,
                "requested_reviewers", pull.reviewers.stream().map(r -> user(state.user(r))).toList(),
                "requested_teams", List.of(),
                "head", ref(state, repo, pull.branch), "base", ref(state, repo, pull.base),
                "author_association", association(repo, pull.author), "draft", pull.draft);
        if (full) {
            json.putAll(obj("merged", "merged".equals(pull.state), "mergeable", null, "mergeable_state", "unknown",
                    "merged_by", null, "comments", repo.notes.stream().filter(n -> n.number == pull.number).count(),
                    "review_comments", repo.reviewNotes.stream().filter(n -> n.pull() == pull.number).count(),
                    "maintainer_can_modify", false, "commits", 1, "additions", 0, "deletions", 0,
                    "changed_files", 0));
        }
        return json;
    }

    Map<String, Object> reviewComment(State state, State.Repo repo, State.ReviewNote note) {
        String pr = api + "/repos/" + repo.path + "/pulls/" + note.pull();
        Map<String, Object> json = obj("url", api + "/repos/" + repo.path + "/pulls/comments/" + note.id(),
                "pull_request_review_id", note.review(), "id", note.id(), "node_id", "PRRC_" + note.id(),
                "diff_hunk", note.hunk(), "path", note.path(), "position", 1, "original_position", 1,
                "commit_id", note.commit(), "original_commit_id", note.commit(),
                "user", user(state.user(note.author())), "body", note.body(),
                "created_at", time(note.created()), "updated_at", time(note.created()),
                "html_url", url + "/" + repo.path + "/pull/" + note.pull() + "#discussion_r" + note.id(),
                "pull_request_url", pr, "author_association", association(repo, note.author()),
                "start_line", null, "original_start_line", null, "start_side", null,
                "line", note.line() == 0 ? null : note.line(), "original_line", note.line() == 0 ? null : note.line(),
                "side", "RIGHT", "subject_type", note.line() == 0 ? "file" : "line");
        if (note.inReplyTo() != null) {
            json.put("in_reply_to_id", note.inReplyTo());
        }
        return json;
    }

    Map<String, Object> review(State state, State.Repo repo, State.Review review) {
        return obj("id", review.id(), "node_id", "PRR_" + review.id(), "user", user(state.user(review.reviewer())),
                "body", review.body(), "state", "COMMENTED",
                "html_url", url + "/" + repo.path + "/pull/" + review.pull() + "#pullrequestreview-" + review.id(),
                "pull_request_url", api + "/repos/" + repo.path + "/pulls/" + review.pull(),
                "author_association", association(repo, review.reviewer()),
                "submitted_at", time(review.submitted()), "commit_id", review.commit());
    }

    static Map<String, Object> error(String message) {
        return obj("message", message, "documentation_url", "https://docs.github.com/rest");
    }

    static Map<String, Object> validation(Map<String, Object> error) {
        return obj("message", "Validation Failed", "errors", List.of(error),
                "documentation_url", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request");
    }

    private Map<String, Object> ref(State state, State.Repo repo, String branch) {
        String owner = repo.path.substring(0, repo.path.indexOf('/'));
        return obj("label", owner + ":" + branch, "ref", branch, "sha", Git.tip(repo.bare, branch).orElse(null),
                "user", user(state.user(owner)), "repo", repo(state, repo));
    }

    private static String pullState(State.Pull pull) {
        return "open".equals(pull.state) ? "open" : "closed";
    }

    private static String closedAt(State.Pull pull) {
        return "open".equals(pull.state) ? null : time(pull.updated);
    }

    private static String association(State.Repo repo, String login) {
        return switch (repo.permission(login)) {
            case "admin" -> "OWNER";
            case "write", "read" -> "COLLABORATOR";
            default -> "NONE";
        };
    }
}

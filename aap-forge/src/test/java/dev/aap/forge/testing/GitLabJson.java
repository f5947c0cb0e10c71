package dev.aap.forge.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aap.forge.testing.Call.obj;

/** GitLab REST v4 shapes for the objects the fake forge keeps (field names and types as GitLab sends them). */
final class GitLabJson {

    private final String url;

    GitLabJson(String url) {
        this.url = url;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString().replace("Z", "").concat(
                instant.getNano() == 0 ? ".000Z" : "Z");
    }

    static int accessLevel(String permission) {
        return switch (permission) {
            case "admin" -> 50;
            case "write" -> 30;
            case "read" -> 20;
            default -> 0;
        };
    }

    Map<String, Object> user(State.User user) {
        return obj("id", user.id, "username", user.login, "name", user.login, "state", "active",
                "locked", false, "avatar_url", url + "/avatars/" + user.login, "web_url", url + "/" + user.login);
    }

    Map<String, Object> member(State.User user, String permission) {
        Map<String, Object> json = user(user);
        json.put("access_level", accessLevel(permission));
        json.put("expires_at", null);
        return json;
    }

    Map<String, Object> project(State state, State.Repo repo) {
        return obj("id", repo.id, "name", repo.path.substring(repo.path.lastIndexOf('/') + 1),
                "path_with_namespace", repo.path, "default_branch", Git.defaultBranch(repo.bare),
                "visibility", state.privateRepos ? "private" : "public",
                "http_url_to_repo", url + "/git/" + repo.path + ".git", "web_url", url + "/" + repo.path);
    }

    Map<String, Object> issue(State state, State.Repo repo, State.Issue issue) {
        String gitlabState = "open".equals(issue.state) ? "opened" : "closed";
        return obj("id", issue.id, "iid", issue.number, "project_id", repo.id, "title", issue.title,
                "description", issue.body, "state", gitlabState, "created_at", time(issue.created),
                "updated_at", time(issue.created), "closed_at", "closed".equals(gitlabState) ? time(issue.created) : null,
                "labels", List.of(), "assignees", List.of(), "author", user(state.user(issue.author)),
                "type", "ISSUE", "user_notes_count", repo.notes.stream().filter(n -> n.number == issue.number).count(),
                "web_url", url + "/" + repo.path + "/-/issues/" + issue.number,
                "references", references(repo, "#" + issue.number));
    }

    Map<String, Object> note(State state, State.Repo repo, State.Note note) {
        return obj("id", note.id, "type", null, "body", note.body(), "attachment", null,
                "author", user(state.user(note.author)), "created_at", time(note.created),
                "updated_at", time(note.updated), "system", false, "noteable_id", repo.issues.get(note.number).id,
                "noteable_type", "Issue", "noteable_iid", note.number, "resolvable", false,
                "confidential", false, "internal", false);
    }

    Map<String, Object> awardEmoji(State state, long id, String name, State.Issue issue) {
        return obj("id", id, "name", name, "user", user(state.user(State.BOT)),
                "created_at", time(State.now()), "updated_at", time(State.now()),
                "awardable_id", issue.id, "awardable_type", "Issue");
    }

    Map<String, Object> mergeRequest(State state, State.Repo repo, State.Pull pull, boolean single) {
        String sha = Git.tip(repo.bare, pull.branch).orElse(null);
        String gitlabState = "open".equals(pull.state) ? "opened" : pull.state;
        Map<String, Object> json = obj("id", pull.id, "iid", pull.number, "project_id", repo.id,
                "title", pull.title, "description", pull.body, "state", gitlabState,
                "created_at", time(pull.created), "updated_at", time(pull.updated),
                "merged_at", "merged".equals(pull.state) ? time(pull.updated) : null,
                "closed_at", "closed".equals(pull.state) ? time(pull.updated) : null,
                "target_branch", pull.base, "source_branch", pull.branch,
                "user_notes_count", repo.discussions.values().stream().filter(d -> d.mergeRequest == pull.number)
                        .mapToLong(d -> d.notes.size()).sum(),
                "upvotes", 0, "downvotes", 0, "author", user(state.user(pull.author)),
                "assignees", List.of(), "assignee", null,
                "reviewers", pull.reviewers.stream().map(r -> user(state.user(r))).toList(),
                "source_project_id", repo.id, "target_project_id", repo.id, "labels", List.of(),
                "draft", pull.draft, "work_in_progress", pull.draft, "milestone", null,
                "merge_when_pipeline_succeeds", false, "merge_status", "can_be_merged",
                "detailed_merge_status", "mergeable", "sha", sha, "merge_commit_sha", null,
                "squash_commit_sha", null, "discussion_locked", null, "should_remove_source_branch", null,
                "force_remove_source_branch", false, "reference", "!" + pull.number,
                "references", references(repo, "!" + pull.number),
                "web_url", url + "/" + repo.path + "/-/merge_requests/" + pull.number,
                "squash", false, "has_conflicts", false, "blocking_discussions_resolved", true);
        if (single) {
            String base = Git.mergeBase(repo.bare, pull.base, pull.branch).orElse(null);
            json.put("diff_refs", obj("base_sha", base, "head_sha", sha, "start_sha",
                    Git.tip(repo.bare, pull.base).orElse(null)));
        }
        return json;
    }

    Map<String, Object> discussion(State state, State.Repo repo, State.Pull pull, State.Discussion discussion) {
        return obj("id", discussion.id, "individual_note", discussion.individual,
                "notes", discussion.notes.stream().map(n -> discussionNote(state, repo, pull, discussion, n))
                        .toList());
    }

    Map<String, Object> discussionNote(State state, State.Repo repo, State.Pull pull, State.Discussion discussion,
                                       State.DiscussionNote note) {
        boolean diff = !discussion.individual;
        Map<String, Object> json = obj("id", note.id(), "type", diff ? "DiffNote" : null, "body", note.body(),
                "attachment", null, "author", user(state.user(note.author())),
                "created_at", time(note.created()), "updated_at", time(note.created()), "system", false,
                "noteable_id", pull.id, "noteable_type", "MergeRequest", "noteable_iid", pull.number,
                "commit_id", null, "resolvable", diff, "confidential", false, "internal", false);
        if (diff) {
            json.put("resolved", discussion.resolved);
            json.put("resolved_by", null);
            String head = Git.tip(repo.bare, pull.branch).orElse(null);
            json.put("position", obj("base_sha", Git.mergeBase(repo.bare, pull.base, pull.branch).orElse(null),
                    "start_sha", Git.tip(repo.bare, pull.base).orElse(null), "head_sha", head,
                    "old_path", discussion.path, "new_path", discussion.path, "position_type", "text",
                    "old_line", null, "new_line", discussion.line == 0 ? null : discussion.line,
                    "line_range", null));
        }
        return json;
    }

    private Map<String, Object> references(State.Repo repo, String reference) {
        return obj("short", reference, "relative", reference, "full", repo.path + reference);
    }

    static Map<String, Object> error(String message) {
        return obj("message", message);
    }
}

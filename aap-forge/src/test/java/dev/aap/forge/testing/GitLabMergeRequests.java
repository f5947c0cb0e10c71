package dev.aap.forge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.aap.forge.testing.GitLabApi.TYPE;
import static dev.aap.forge.testing.GitLabApi.iid;
import static dev.aap.forge.testing.GitLabApi.required;

/** GitLab's merge request routes: list, read, open, edit (reviewers too), notes and discussions. */
final class GitLabMergeRequests {

    private final State state;
    private final GitLabJson json;

    GitLabMergeRequests(State state, GitLabJson json) {
        this.state = state;
        this.json = json;
    }

    void register(Routes routes) {
        routes.on("GET", "/projects/{id}/merge_requests", this::list)
                .on("POST", "/projects/{id}/merge_requests", this::create)
                .on("GET", "/projects/{id}/merge_requests/{iid}", this::show)
                .on("PUT", "/projects/{id}/merge_requests/{iid}", this::update)
                .on("POST", "/projects/{id}/merge_requests/{iid}/notes", this::note)
                .on("GET", "/projects/{id}/merge_requests/{iid}/discussions", this::discussions)
                .on("POST", "/projects/{id}/merge_requests/{iid}/discussions/{discussion}/notes", this::reply);
    }

    /** GitLab reads a draft from the title's prefix. */
    static boolean draftTitle(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        return t.startsWith("draft:") || t.startsWith("[draft]") || t.startsWith("(draft)");
    }

    private State.Pull mergeRequest(State.Repo repo, Map<String, String> v) {
        return Optional.ofNullable(repo.pulls.get(iid(v.get("iid"))))
                .orElseThrow(() -> new GitLabApi.NotFound("404 Not found"));
    }

    private void list(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        String wanted = Optional.ofNullable(call.param("state")).orElse("all");
        String source = call.param("source_branch");
        String target = call.param("target_branch");
        List<Map<String, Object>> found = new ArrayList<>();
        for (State.Pull pull : repo.pulls.values().stream().sorted((a, b) -> Long.compare(b.number, a.number))
                .toList()) {
            String gitlabState = "open".equals(pull.state) ? "opened" : pull.state;
            if ((wanted.equals("all") || wanted.equals(gitlabState))
                    && (source == null || source.equals(pull.branch))
                    && (target == null || target.equals(pull.base))) {
                found.add(json.mergeRequest(state, repo, pull, false));
            }
        }
        call.reply(200, found, TYPE);
    }

    private void show(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        call.reply(200, json.mergeRequest(state, repo, mergeRequest(repo, v), true), TYPE);
    }

    private void create(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        String source = required(call, "source_branch");
        String target = required(call, "target_branch");
        String title = required(call, "title");
        Optional<State.Pull> open = repo.pulls.values().stream()
                .filter(p -> p.branch.equals(source) && p.base.equals(target) && "open".equals(p.state)).findFirst();
        if (open.isPresent()) {
            call.reply(409, Call.obj("message", List.of(
                    "Another open merge request already exists for this source branch: !" + open.get().number)), TYPE);
            return;
        }
        if (Git.tip(repo.bare, source).isEmpty() || Git.tip(repo.bare, target).isEmpty()) {
            String missing = Git.tip(repo.bare, source).isEmpty() ? "Source" : "Target";
            call.reply(422, Call.obj("message", List.of(missing + " branch \"" + (missing.equals("Source") ? source
                    : target) + "\" does not exist")), TYPE);
            return;
        }
        State.Pull pull = new State.Pull(state.id(), repo.nextPullNumber(), source, target, State.BOT);
        pull.title = title;
        pull.body = call.param("description");
        pull.draft = draftTitle(title);
        repo.pulls.put(pull.number, pull);
        reviewers(call, pull);
        call.reply(201, json.mergeRequest(state, repo, pull, true), TYPE);
    }

    private void update(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        State.Pull pull = mergeRequest(repo, v);
        if (call.param("title") != null) {
            pull.title = call.param("title");
            pull.draft = draftTitle(pull.title);
        }
        if (call.has("description")) {
            pull.body = call.param("description");
        }
        String event = call.param("state_event");
        if ("close".equals(event) && "open".equals(pull.state)) {
            pull.state = "closed";
        } else if ("reopen".equals(event) && "closed".equals(pull.state)) {
            pull.state = "open";
        }
        reviewers(call, pull);
        pull.updated = State.now();
        call.reply(200, json.mergeRequest(state, repo, pull, true), TYPE);
    }

    /** {@code reviewer_ids} replaces the reviewers; ids of no user are dropped, as GitLab does. */
    private void reviewers(Call call, State.Pull pull) {
        if (!call.has("reviewer_ids")) {
            return;
        }
        pull.reviewers.clear();
        for (String value : call.params("reviewer_ids")) {
            for (String id : value.split(",")) {
                if (!id.isBlank() && id.strip().chars().allMatch(Character::isDigit)) {
                    state.userById(Long.parseLong(id.strip())).map(u -> u.login)
                            .filter(l -> !pull.reviewers.contains(l)).ifPresent(pull.reviewers::add);
                }
            }
        }
    }

    private void note(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        State.Pull pull = mergeRequest(repo, v);
        State.Discussion discussion = new State.Discussion(pull.number, true, null, 0);
        State.DiscussionNote note = new State.DiscussionNote(state.id(), State.BOT, required(call, "body"),
                State.now());
        discussion.notes.add(note);
        repo.discussions.put(discussion.id, discussion);
        call.reply(201, json.discussionNote(state, repo, pull, discussion, note), TYPE);
    }

    private void discussions(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        State.Pull pull = mergeRequest(repo, v);
        call.reply(200, repo.discussions.values().stream().filter(d -> d.mergeRequest == pull.number)
                .map(d -> json.discussion(state, repo, pull, d)).toList(), TYPE);
    }

    private void reply(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = GitLabApi.project(state, v);
        State.Pull pull = mergeRequest(repo, v);
        State.Discussion discussion = Optional.ofNullable(repo.discussions.get(v.get("discussion")))
                .filter(d -> d.mergeRequest == pull.number)
                .orElseThrow(() -> new GitLabApi.NotFound("404 Discussion Not Found"));
        String body = required(call, "body");
        State.DiscussionNote note = new State.DiscussionNote(state.id(), State.BOT, body, State.now());
        long first = discussion.notes.getFirst().id();
        discussion.notes.add(note);
        repo.replies.computeIfAbsent(pull.number, k -> new ArrayList<>())
                .add(new TestForge.Reply(first, discussion.id, body));
        call.reply(201, json.discussionNote(state, repo, pull, discussion, note), TYPE);
    }
}

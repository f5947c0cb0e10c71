package dev.aap.forge.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.aap.forge.testing.Call.obj;
import static dev.aap.forge.testing.GitHubApi.number;

/** GitHub's pull request routes: list, read, open, edit, request reviewers, review comments and their replies. */
final class GitHubPulls {

    private static final String TYPE = "application/json; charset=utf-8";

    private final State state;
    private final GitHubJson json;

    GitHubPulls(State state, GitHubJson json) {
        this.state = state;
        this.json = json;
    }

    void register(Routes routes) {
        routes.on("GET", "/repos/{o}/{r}/pulls", this::list)
                .on("POST", "/repos/{o}/{r}/pulls", this::create)
                .on("GET", "/repos/{o}/{r}/pulls/{n}", (c, v) -> c.reply(200, full(v), TYPE))
                .on("PATCH", "/repos/{o}/{r}/pulls/{n}", this::update)
                .on("POST", "/repos/{o}/{r}/pulls/{n}/requested_reviewers", this::requestReviewers)
                .on("GET", "/repos/{o}/{r}/pulls/{n}/reviews", this::reviews)
                .on("GET", "/repos/{o}/{r}/pulls/{n}/reviews/{id}", this::review)
                .on("GET", "/repos/{o}/{r}/pulls/{n}/reviews/{id}/comments", this::reviewComments)
                .on("GET", "/repos/{o}/{r}/pulls/{n}/comments", this::allReviewComments)
                .on("POST", "/repos/{o}/{r}/pulls/{n}/comments/{id}/replies", this::reply);
    }

    private State.Repo repo(Map<String, String> v) {
        State.Repo repo = state.repos.get(v.get("o") + "/" + v.get("r"));
        if (repo == null || repo.gitlab) {
            throw new GitHubApi.NotFound();
        }
        return repo;
    }

    private State.Pull pull(State.Repo repo, Map<String, String> v) {
        return Optional.ofNullable(repo.pulls.get(number(v.get("n")))).orElseThrow(GitHubApi.NotFound::new);
    }

    private Map<String, Object> full(Map<String, String> v) {
        State.Repo repo = repo(v);
        return json.pull(state, repo, pull(repo, v), true);
    }

    private void list(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        String wanted = Optional.ofNullable(call.param("state")).orElse("open");
        String owner = repo.path.substring(0, repo.path.indexOf('/'));
        String head = call.param("head");
        String base = call.param("base");
        List<Map<String, Object>> found = new ArrayList<>();
        for (State.Pull pull : repo.pulls.values().stream().sorted((a, b) -> Long.compare(b.number, a.number))
                .toList()) {
            boolean open = "open".equals(pull.state);
            boolean stateMatches = wanted.equals("all") || (wanted.equals("open") == open);
            boolean headMatches = head == null || head.equals(owner + ":" + pull.branch);
            boolean baseMatches = base == null || base.equals(pull.base);
            if (stateMatches && headMatches && baseMatches) {
                found.add(json.pull(state, repo, pull, false));
            }
        }
        call.reply(200, found, TYPE);
    }

    private void create(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        String owner = repo.path.substring(0, repo.path.indexOf('/'));
        for (String field : List.of("title", "head", "base")) {
            if (call.param(field) == null) {
                invalid(call, obj("resource", "PullRequest", "code", "missing_field", "field", field));
                return;
            }
        }
        String head = call.param("head");
        String branch = head.startsWith(owner + ":") ? head.substring(owner.length() + 1) : head;
        String base = call.param("base");
        Optional<String> headTip = branch.contains(":") ? Optional.empty() : Git.tip(repo.bare, branch);
        if (headTip.isEmpty()) {
            invalid(call, obj("resource", "PullRequest", "field", "head", "code", "invalid"));
            return;
        }
        if (Git.tip(repo.bare, base).isEmpty()) {
            invalid(call, obj("resource", "PullRequest", "field", "base", "code", "invalid"));
            return;
        }
        if (repo.pulls.values().stream().anyMatch(p -> p.branch.equals(branch) && "open".equals(p.state))) {
            invalid(call, obj("resource", "PullRequest", "code", "custom",
                    "message", "A pull request already exists for " + owner + ":" + branch + "."));
            return;
        }
        if (headTip.equals(Git.mergeBase(repo.bare, base, branch))) {
            invalid(call, obj("resource", "PullRequest", "code", "custom",
                    "message", "No commits between " + base + " and " + branch));
            return;
        }
        State.Pull pull = new State.Pull(state.id(), repo.nextPullNumber(), branch, base, State.BOT);
        pull.title = call.param("title");
        pull.body = call.param("body");
        pull.draft = Boolean.parseBoolean(call.param("draft"));
        repo.pulls.put(pull.number, pull);
        call.reply(201, json.pull(state, repo, pull, true), TYPE);
    }

    private void update(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Pull pull = pull(repo, v);
        if (call.has("title")) {
            pull.title = call.param("title");
        }
        if (call.has("body")) {
            pull.body = call.param("body");
        }
        String wanted = call.param("state");
        if (wanted != null && !"merged".equals(pull.state)) {
            pull.state = wanted.equals("closed") ? "closed" : "open";
        }
        pull.updated = State.now();
        call.reply(200, json.pull(state, repo, pull, true), TYPE);
    }

    private void requestReviewers(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Pull pull = pull(repo, v);
        List<String> logins = call.params("reviewers");
        if (logins.contains(pull.author)) {
            call.reply(422, GitHubJson.error("Review cannot be requested from pull request author."), TYPE);
            return;
        }
        if (logins.stream().anyMatch(l -> state.knownUser(l).isEmpty())) {
            call.reply(422, GitHubJson.error("Reviews may only be requested from collaborators. One or more of "
                    + "the users or teams you specified is not a collaborator of the " + repo.path
                    + " repository."), TYPE);
            return;
        }
        logins.stream().filter(l -> !pull.reviewers.contains(l)).forEach(pull.reviewers::add);
        pull.updated = State.now();
        call.reply(201, json.pull(state, repo, pull, true), TYPE);
    }

    private void reviews(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Pull pull = pull(repo, v);
        call.reply(200, repo.reviews.values().stream().filter(r -> r.pull() == pull.number)
                .map(r -> json.review(state, repo, r)).toList(), TYPE);
    }

    private State.Review review(State.Repo repo, Map<String, String> v) {
        State.Pull pull = pull(repo, v);
        State.Review review = repo.reviews.get(number(v.get("id")));
        if (review == null || review.pull() != pull.number) {
            throw new GitHubApi.NotFound();
        }
        return review;
    }

    private void review(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        call.reply(200, json.review(state, repo, review(repo, v)), TYPE);
    }

    private void reviewComments(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Review review = review(repo, v);
        call.reply(200, repo.reviewNotes.stream().filter(n -> n.review() == review.id())
                .map(n -> json.reviewComment(state, repo, n)).toList(), TYPE);
    }

    private void allReviewComments(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Pull pull = pull(repo, v);
        call.reply(200, repo.reviewNotes.stream().filter(n -> n.pull() == pull.number)
                .map(n -> json.reviewComment(state, repo, n)).toList(), TYPE);
    }

    private void reply(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.Pull pull = pull(repo, v);
        long id = number(v.get("id"));
        State.ReviewNote target = repo.reviewNotes.stream().filter(n -> n.id() == id && n.pull() == pull.number)
                .findFirst().orElseThrow(GitHubApi.NotFound::new);
        String body = call.param("body");
        if (body == null) {
            invalid(call, obj("resource", "PullRequestReviewComment", "code", "missing_field", "field", "body"));
            return;
        }
        // GitHub threads are flat: a reply to a reply answers the thread's first comment
        long root = target.inReplyTo() == null ? target.id() : target.inReplyTo();
        State.Review review = new State.Review(state.id(), pull.number, State.BOT, "", target.commit(),
                State.now());
        repo.reviews.put(review.id(), review);
        State.ReviewNote note = new State.ReviewNote(state.id(), review.id(), pull.number, target.path(),
                target.line(), target.hunk(), target.commit(), body, State.BOT, root, State.now());
        repo.reviewNotes.add(note);
        repo.replies.computeIfAbsent(pull.number, k -> new ArrayList<>())
                .add(new TestForge.Reply(id, null, body));
        call.reply(201, json.reviewComment(state, repo, note), TYPE);
    }

    private static void invalid(Call call, Map<String, Object> error) throws IOException {
        call.reply(422, GitHubJson.validation(error), TYPE);
    }
}

package dev.aap.forge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.aap.forge.testing.Call.obj;

/** GitHub's REST API under {@code /api/v3}, as GitHub Enterprise Server lays it out, over the shared state. */
final class GitHubApi implements HttpHandler {

    static final String BASE = "/api/v3";
    private static final String TYPE = "application/json; charset=utf-8";
    private static final Set<String> REACTIONS = Set.of("+1", "-1", "laugh", "confused", "heart", "hooray",
            "rocket", "eyes");

    private final TestForge forge;
    private final State state;
    private final GitHubJson json;
    private final GitHubPulls pulls;
    private final Routes routes = new Routes();

    GitHubApi(TestForge forge, State state, String url) {
        this.forge = forge;
        this.state = state;
        this.json = new GitHubJson(url);
        this.pulls = new GitHubPulls(state, json);
        routes.on("GET", "/user", (c, v) -> c.reply(200, json.user(state.user(State.BOT)), TYPE))
                .on("GET", "/repos/{o}/{r}", (c, v) -> c.reply(200, json.repo(state, repo(v)), TYPE))
                .on("GET", "/repos/{o}/{r}/issues/{n}", this::issue)
                .on("POST", "/repos/{o}/{r}/issues/{n}/reactions", this::react)
                .on("GET", "/repos/{o}/{r}/issues/{n}/comments", this::comments)
                .on("POST", "/repos/{o}/{r}/issues/{n}/comments", this::comment)
                .on("PATCH", "/repos/{o}/{r}/issues/comments/{id}", this::editComment)
                .on("GET", "/repos/{o}/{r}/collaborators/{user}/permission", this::permission)
                .on("GET", "/repos/{o}/{r}/installation", this::installation)
                .on("POST", "/app/installations/{id}/access_tokens", this::accessToken);
        pulls.register(routes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Call call = forge.receive(exchange, BASE);
            synchronized (state) {
                serve(call);
            }
        }
    }

    private void serve(Call call) throws IOException {
        if (call.json() == null) {
            call.reply(400, GitHubJson.error("Problems parsing JSON"), TYPE);
            return;
        }
        String credential = credential(call.header("Authorization"));
        if (appRoute(call)) {
            if (!Jwt.valid(credential, state.app, Instant.now())) {
                call.reply(401, GitHubJson.error("A JSON web token could not be decoded"), TYPE);
                return;
            }
        } else if (!state.acceptsToken(credential)) {
            call.reply(401, GitHubJson.error("Bad credentials"), TYPE);
            return;
        }
        try {
            if (routes.dispatch(call).isEmpty()) {
                call.reply(404, GitHubJson.error("Not Found"), TYPE);
            }
        } catch (NotFound e) {
            call.reply(404, GitHubJson.error("Not Found"), TYPE);
        }
    }

    /** Thrown by a route for an unknown repository, issue or comment; answered as GitHub's 404. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private static boolean appRoute(Call call) {
        List<String> s = call.segments;
        return (!s.isEmpty() && s.getFirst().equals("app"))
                || (s.size() == 4 && s.getFirst().equals("repos") && s.get(3).equals("installation"));
    }

    private static String credential(String header) {
        if (header == null) {
            return null;
        }
        for (String scheme : List.of("Bearer ", "token ")) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    State.Repo repo(Map<String, String> v) {
        State.Repo repo = state.repos.get(v.get("o") + "/" + v.get("r"));
        if (repo == null || repo.gitlab) {
            throw new NotFound();
        }
        return repo;
    }

    static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private void issue(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long n = number(v.get("n"));
        if (repo.issues.containsKey(n)) {
            call.reply(200, json.issue(state, repo, repo.issues.get(n)), TYPE);
        } else if (repo.pulls.containsKey(n)) {
            call.reply(200, json.pullAsIssue(state, repo, repo.pulls.get(n)), TYPE);
        } else {
            throw new NotFound();
        }
    }

    /** Issues and pull requests share numbers; both take reactions and conversation comments. */
    private long issueOrPull(State.Repo repo, String text) {
        long n = number(text);
        if (!repo.issues.containsKey(n) && !repo.pulls.containsKey(n)) {
            throw new NotFound();
        }
        return n;
    }

    private void react(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long n = issueOrPull(repo, v.get("n"));
        String content = call.param("content");
        if (content == null || !REACTIONS.contains(content)) {
            call.reply(422, GitHubJson.validation(obj("resource", "Reaction", "code", "invalid",
                    "field", "content")), TYPE);
            return;
        }
        List<String> reactions = repo.reactions.computeIfAbsent(n, k -> new java.util.ArrayList<>());
        boolean again = reactions.contains(content);
        if (!again) {
            reactions.add(content);
        }
        call.reply(again ? 200 : 201, obj("id", state.id(), "node_id", "REA_" + n,
                "user", json.user(state.user(State.BOT)), "content", content,
                "created_at", GitHubJson.time(Instant.now())), TYPE);
    }

    private void comments(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long n = issueOrPull(repo, v.get("n"));
        call.reply(200, repo.notes.stream().filter(note -> note.number == n)
                .map(note -> json.comment(state, repo, note)).toList(), TYPE);
    }

    private void comment(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long n = issueOrPull(repo, v.get("n"));
        String body = call.param("body");
        if (body == null) {
            call.reply(422, GitHubJson.validation(obj("resource", "IssueComment", "code", "missing_field",
                    "field", "body")), TYPE);
            return;
        }
        State.Note note = new State.Note(state.id(), n, State.BOT, body);
        repo.notes.add(note);
        call.reply(201, json.comment(state, repo, note), TYPE);
    }

    private void editComment(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long id = number(v.get("id"));
        State.Note note = repo.notes.stream().filter(c -> c.id == id).findFirst().orElseThrow(NotFound::new);
        String body = call.param("body");
        if (body == null) {
            call.reply(422, GitHubJson.validation(obj("resource", "IssueComment", "code", "missing_field",
                    "field", "body")), TYPE);
            return;
        }
        note.bodies.add(body);
        note.updated = State.now();
        call.reply(200, json.comment(state, repo, note), TYPE);
    }

    private void permission(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        State.User user = state.knownUser(v.get("user")).orElseThrow(NotFound::new);
        String level = repo.permission(user.login);
        call.reply(200, obj("permission", level, "role_name", level, "user", json.user(user)), TYPE);
    }

    private void installation(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = repo(v);
        long id = state.app.installationId();
        String owner = repo.path.substring(0, repo.path.indexOf('/'));
        call.reply(200, obj("id", id, "account", json.user(state.user(owner)),
                "access_tokens_url", json.api() + "/app/installations/" + id + "/access_tokens",
                "repositories_url", json.api() + "/installation/repositories",
                "app_id", state.app.appId(), "target_id", state.user(owner).id, "target_type", "Organization",
                "permissions", obj("contents", "write", "issues", "write", "pull_requests", "write",
                        "metadata", "read"),
                "events", List.of("issues", "issue_comment", "pull_request_review"),
                "repository_selection", "selected", "created_at", GitHubJson.time(Instant.EPOCH),
                "updated_at", GitHubJson.time(Instant.EPOCH)), TYPE);
    }

    private void accessToken(Call call, Map<String, String> v) throws IOException {
        if (number(v.get("id")) != state.app.installationId()) {
            throw new NotFound();
        }
        String token = "ghs_" + State.hex(36);
        Instant expires = Instant.now().plus(state.installationTokenLifetime).truncatedTo(ChronoUnit.SECONDS);
        state.installationTokens.put(token, expires);
        call.reply(201, obj("token", token, "expires_at", expires.toString(),
                "permissions", obj("contents", "write", "issues", "write", "pull_requests", "write",
                        "metadata", "read"),
                "repository_selection", "selected"), TYPE);
    }
}

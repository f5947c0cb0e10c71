package dev.aap.forge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitLab's REST API v4 under {@code /api/v4} over the shared state: users, members, issues and their notes. */
final class GitLabApi implements HttpHandler {

    static final String BASE = "/api/v4";
    static final String TYPE = "application/json";

    private final TestForge forge;
    private final State state;
    private final GitLabJson json;
    private final Routes routes = new Routes();

    GitLabApi(TestForge forge, State state, String url) {
        this.forge = forge;
        this.state = state;
        this.json = new GitLabJson(url);
        routes.on("GET", "/user", (c, v) -> c.reply(200, json.user(state.user(State.BOT)), TYPE))
                .on("GET", "/users", this::users)
                .on("GET", "/projects/{id}", (c, v) -> c.reply(200, json.project(state, project(v)), TYPE))
                .on("GET", "/projects/{id}/members/all", this::members)
                .on("GET", "/projects/{id}/members/all/{user}", this::member)
                .on("GET", "/projects/{id}/issues/{iid}", this::issue)
                .on("POST", "/projects/{id}/issues/{iid}/award_emoji", this::award)
                .on("GET", "/projects/{id}/issues/{iid}/notes", this::notes)
                .on("POST", "/projects/{id}/issues/{iid}/notes", this::note)
                .on("PUT", "/projects/{id}/issues/{iid}/notes/{note}", this::editNote);
        new GitLabMergeRequests(state, json).register(routes);
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
        String token = call.header("PRIVATE-TOKEN");
        String authorization = call.header("Authorization");
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        if (!state.acceptsToken(token)) {
            call.reply(401, GitLabJson.error("401 Unauthorized"), TYPE);
            return;
        }
        if (call.json() == null) {
            call.reply(400, GitLabJson.error("400 Bad request - body is not valid JSON"), TYPE);
            return;
        }
        try {
            if (routes.dispatch(call).isEmpty()) {
                call.reply(404, Call.obj("error", "404 Not Found"), TYPE);
            }
        } catch (NotFound e) {
            call.reply(404, GitLabJson.error(e.getMessage()), TYPE);
        } catch (Missing e) {
            call.reply(400, Call.obj("error", e.getMessage() + " is missing"), TYPE);
        }
    }

    /** An unknown project or object, answered with GitLab's 404 message for it. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** A required parameter that was not sent; GitLab answers 400 {"error":"name is missing"}. */
    static final class Missing extends RuntimeException {
        Missing(String parameter) {
            super(parameter, null, false, false);
        }
    }

    static String required(Call call, String name) {
        String value = call.param(name);
        if (value == null) {
            throw new Missing(name);
        }
        return value;
    }

    /** A project by its URL-encoded path ({@code group%2Fname}) or its numeric id. */
    static State.Repo project(State state, Map<String, String> v) {
        String id = v.get("id");
        Optional<State.Repo> repo = id.chars().allMatch(Character::isDigit)
                ? state.repoById(Long.parseLong(id)) : state.repo(id);
        return repo.filter(r -> r.gitlab).orElseThrow(() -> new NotFound("404 Project Not Found"));
    }

    static long iid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFound("404 Not found");
        }
    }

    private State.Repo project(Map<String, String> v) {
        return project(state, v);
    }

    private State.Issue issue(State.Repo repo, Map<String, String> v) {
        return Optional.ofNullable(repo.issues.get(iid(v.get("iid"))))
                .orElseThrow(() -> new NotFound("404 Issue Not Found"));
    }

    private void users(Call call, Map<String, String> v) throws IOException {
        String username = call.param("username");
        call.reply(200, state.users.values().stream()
                .filter(u -> username == null || u.login.equalsIgnoreCase(username))
                .map(json::user).toList(), TYPE);
    }

    private void members(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        String query = Optional.ofNullable(call.param("query")).orElse("").toLowerCase();
        call.reply(200, repo.permissions.entrySet().stream()
                .filter(e -> GitLabJson.accessLevel(e.getValue()) > 0 && e.getKey().toLowerCase().contains(query))
                .map(e -> json.member(state.user(e.getKey()), e.getValue())).toList(), TYPE);
    }

    private void member(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        State.User user = state.userById(iid(v.get("user")))
                .filter(u -> GitLabJson.accessLevel(repo.permission(u.login)) > 0)
                .orElseThrow(() -> new NotFound("404 Not found"));
        call.reply(200, json.member(user, repo.permission(user.login)), TYPE);
    }

    private void issue(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        call.reply(200, json.issue(state, repo, issue(repo, v)), TYPE);
    }

    private void award(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        State.Issue issue = issue(repo, v);
        String name = required(call, "name");
        List<String> reactions = repo.reactions.computeIfAbsent(issue.number, k -> new java.util.ArrayList<>());
        if (reactions.contains(name)) {
            call.reply(404, GitLabJson.error("404 Award Emoji Name has already been taken"), TYPE);
            return;
        }
        reactions.add(name);
        call.reply(201, json.awardEmoji(state, state.id(), name, issue), TYPE);
    }

    private void notes(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        State.Issue issue = issue(repo, v);
        call.reply(200, repo.notes.stream().filter(n -> n.number == issue.number)
                .map(n -> json.note(state, repo, n)).toList(), TYPE);
    }

    private void note(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        State.Issue issue = issue(repo, v);
        State.Note note = new State.Note(state.id(), issue.number, State.BOT, required(call, "body"));
        repo.notes.add(note);
        call.reply(201, json.note(state, repo, note), TYPE);
    }

    private void editNote(Call call, Map<String, String> v) throws IOException {
        State.Repo repo = project(v);
        State.Issue issue = issue(repo, v);
        long id = iid(v.get("note"));
        State.Note note = repo.notes.stream().filter(n -> n.id == id && n.number == issue.number).findFirst()
                .orElseThrow(() -> new NotFound("404 Note Not Found"));
        note.bodies.add(required(call, "body"));
        note.updated = State.now();
        call.reply(200, json.note(state, repo, note), TYPE);
    }
}

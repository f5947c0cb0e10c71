package dev.aap.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.Tokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /api/v1/repos} and {@code /api/v1/tokens}. */
final class AdminRoutes {

    private static final Pattern CLONE_URL = Pattern.compile("(https?|ssh|git)://[^\\s]+|[\\w.-]+@[\\w.-]+:[^\\s]+");

    private final Services s;

    AdminRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/repos", this::addRepo, Scope.REPO_ADMIN);
        r.get("/api/v1/repos", this::listRepos, Scope.RUN_READ);
        r.get("/api/v1/repos/{name}", this::getRepo, Scope.RUN_READ);
        r.delete("/api/v1/repos/{name}", this::deleteRepo, Scope.REPO_ADMIN);
        r.post("/api/v1/tokens", this::createToken, Scope.ADMIN);
        r.get("/api/v1/tokens", this::listTokens, Scope.ADMIN);
        r.delete("/api/v1/tokens/{name}", this::revokeToken, Scope.ADMIN);
    }

    private void addRepo(Context ctx) {
        ObjectNode body = Requests.object(ctx, s.config().maxBodyBytes());
        String name = Requests.name(body, "name");
        String url = Requests.text(body, "url", true, 2000);
        boolean local;
        if (url.startsWith("file://") || url.startsWith("/")) {
            if (!s.config().allowLocalRepos()) {
                throw new Problem(403, "Forbidden", "registering a local path needs the server started with"
                        + " --allow-local-repos");
            }
            Path p;
            try {
                p = Path.of(url.startsWith("file://") ? url.substring("file://".length()) : url).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw Problem.unprocessable("'url' is not a path this server can use: " + e.getReason());
            }
            if (!p.isAbsolute() || !Files.isDirectory(p.resolve(".git"))) {
                throw Problem.unprocessable("'url' " + Requests.truncate(url, 200)
                        + " is not the top of a git repository on the server");
            }
            url = p.toString();
            local = true;
        } else if (CLONE_URL.matcher(url).matches() && !url.startsWith("-")) {
            local = false;
        } else {
            throw Problem.unprocessable("'url' must be a clone URL (https://, ssh://, git://, user@host:path) or an"
                    + " absolute local path");
        }
        String branch = Requests.text(body, "default_branch", false, 200);
        if (branch != null && (branch.startsWith("-") || branch.contains("..") || branch.isBlank())) {
            throw Problem.unprocessable("'default_branch' must be a branch name");
        }
        JsonNode policy = body.get("policy");
        if (policy != null && !policy.isNull() && !policy.isObject()) {
            throw Problem.unprocessable("'policy' must be an object");
        }
        Integer max = Requests.integer(body, "max_concurrent_runs", 1, 64);
        var repo = new RepoRecord(name, url, local, branch, policy == null || policy.isNull() ? null : policy,
                max == null ? 1 : max, null, forge(body.get("forge")));
        if (!s.repos().add(repo)) {
            throw Problem.conflict("a repository named '" + name + "' is registered already");
        }
        ctx.header("Location", "/api/v1/repos/" + name);
        ctx.status(201).json(view(s.repos().get(name).orElseThrow()));
    }

    private static final Pattern FORGE_REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){1,20}");

    /** {@code {kind: github|gitlab, repository, base_url?}}, checked; null when absent. */
    private static ObjectNode forge(JsonNode f) {
        if (f == null || f.isNull()) {
            return null;
        }
        if (!f.isObject()) {
            throw Problem.unprocessable("'forge' must be an object {kind, repository, base_url?}");
        }
        ObjectNode o = (ObjectNode) f;
        String kind = Requests.text(o, "kind", true, 16);
        if (!kind.equals("github") && !kind.equals("gitlab")) {
            throw Problem.unprocessable("'forge.kind' must be github or gitlab");
        }
        String repository = Requests.text(o, "repository", true, 300);
        if (!FORGE_REPOSITORY.matcher(repository).matches()) {
            throw Problem.unprocessable("'forge.repository' must be owner/name (GitHub) or the project path (GitLab)");
        }
        String baseUrl = Requests.text(o, "base_url", false, 500);
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
            throw Problem.unprocessable("'forge.base_url' must be an http(s) URL such as https://gitlab.example.com");
        }
        ObjectNode out = Json.MAPPER.createObjectNode().put("kind", kind).put("repository", repository);
        if (baseUrl != null) {
            out.put("base_url", baseUrl);
        }
        return out;
    }

    private void listRepos(Context ctx) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("repos");
        s.repos().list().forEach(r -> items.add(view(r)));
        ctx.json(out);
    }

    private void getRepo(Context ctx) {
        ctx.json(view(repo(ctx)));
    }

    private void deleteRepo(Context ctx) {
        RepoRecord r = repo(ctx);
        s.repos().delete(r.name());
        ctx.status(204);
    }

    private RepoRecord repo(Context ctx) {
        String name = ctx.pathParam("name");
        if (!Requests.NAME.matcher(name).matches()) {
            throw Problem.notFound("no repository with that name");
        }
        return s.repos().get(name).orElseThrow(() -> Problem.notFound("no repository '" + name + "'"));
    }

    private static ObjectNode view(RepoRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", r.name());
        n.put("url", r.url());
        n.put("local_path", r.localPath());
        n.put("default_branch", r.defaultBranch());
        n.set("policy", r.policy());
        n.put("max_concurrent_runs", r.maxConcurrentRuns());
        n.set("forge", r.forge());
        n.put("created_at", r.createdAt() == null ? null : r.createdAt().toString());
        return n;
    }

    private void createToken(Context ctx) {
        ObjectNode body = Requests.object(ctx, s.config().maxBodyBytes());
        String name = Requests.name(body, "name");
        Set<String> scopes = scopes(Requests.strings(body, "scopes", 10, 32));
        String token = TokenSecrets.newToken();
        if (!s.tokens().add(name, TokenSecrets.hash(token), scopes)) {
            throw Problem.conflict("a token named '" + name + "' exists already (revoked ones keep their name)");
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("name", name);
        out.set("scopes", Json.MAPPER.valueToTree(scopes));
        out.put("token", token);
        ctx.status(201).json(out);
    }

    /** Checks requested scopes against the known ones. */
    static Set<String> scopes(java.util.List<String> requested) {
        if (requested.isEmpty()) {
            throw Problem.unprocessable("'scopes' must name at least one of " + Scope.labels());
        }
        var out = new LinkedHashSet<String>();
        for (String sc : requested) {
            if (Scope.of(sc).isEmpty()) {
                throw Problem.unprocessable("unknown scope '" + Requests.truncate(sc, 40) + "': use " + Scope.labels());
            }
            out.add(sc);
        }
        return out;
    }

    private void listTokens(Context ctx) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("tokens");
        for (Tokens.TokenInfo t : s.tokens().list()) {
            ObjectNode n = items.addObject();
            n.put("name", t.name());
            n.set("scopes", Json.MAPPER.valueToTree(t.scopes()));
            n.put("created_at", t.createdAt().toString());
            n.put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
        }
        ctx.json(out);
    }

    private void revokeToken(Context ctx) {
        String name = ctx.pathParam("name");
        if (!Requests.NAME.matcher(name).matches() || !s.tokens().revoke(name)) {
            throw Problem.notFound("no live token named '" + Requests.truncate(name, 64) + "'");
        }
        ctx.status(204);
    }
}

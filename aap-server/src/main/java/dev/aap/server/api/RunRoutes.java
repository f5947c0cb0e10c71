package dev.aap.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.run.RunId;
import dev.aap.server.store.Json;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.RunRecord;
import dev.aap.server.store.Runs;
import dev.aap.server.store.TaskSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/tasks} and {@code /api/v1/runs}: submitting work, following it, stopping it, and its artifacts. */
final class RunRoutes {

    private static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT",
            "CANCELLED");

    private static final Instant SINCE_MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant SINCE_MAX = Instant.parse("9999-12-31T23:59:59Z");

    private final Services s;

    RunRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/tasks", this::submit, Scope.RUN_WRITE);
        r.get("/api/v1/runs", this::list, Scope.RUN_READ);
        r.get("/api/v1/runs/{id}", this::get, Scope.RUN_READ);
        r.post("/api/v1/runs/{id}/cancel", this::cancel, Scope.RUN_WRITE);
        r.post("/api/v1/runs/{id}/retry", this::retry, Scope.RUN_WRITE);
        r.get("/api/v1/runs/{id}/artifacts", this::artifacts, Scope.ARTIFACT_READ);
        r.get("/api/v1/runs/{id}/artifacts/<name>", this::artifact, Scope.ARTIFACT_READ);
        r.get("/api/v1/runs/{id}/patch", this::patch, Scope.ARTIFACT_READ);
    }

    private void submit(Context ctx) {
        ObjectNode body = Requests.object(ctx, s.config().maxBodyBytes());
        String repoName = Requests.name(body, "repo");
        RepoRecord repo = s.repos().get(repoName).orElseThrow(() -> Problem.unprocessable("repository '" + repoName
                + "' is not registered: POST /api/v1/repos first"));
        String strategy = Optional.ofNullable(Requests.text(body, "strategy", false, 32)).orElse("auto");
        if (!Set.of("auto", "search", "llm", "hybrid").contains(strategy)
                && !s.config().testExecutors().containsKey(strategy)) {
            throw Problem.unprocessable("'strategy' must be one of auto, search, llm, hybrid");
        }
        String baseRef = Requests.text(body, "base_ref", false, 200);
        if (baseRef != null && (baseRef.isBlank() || baseRef.startsWith("-") || baseRef.contains(".."))) {
            throw Problem.unprocessable("'base_ref' must be a branch, tag or commit name");
        }
        JsonNode constraints = body.get("constraints");
        if (constraints != null && !constraints.isNull() && !constraints.isObject()) {
            throw Problem.unprocessable("'constraints' must be an object");
        }
        var spec = new TaskSpec(repoName, baseRef, Requests.text(body, "issue", false, 100_000),
                Requests.text(body, "goal", false, 2000), Requests.strings(body, "acceptance_criteria", 50, 2000),
                Requests.strings(body, "target_tests", 200, 500), strategy, Requests.text(body, "model", false, 300),
                Requests.integer(body, "budget_seconds", 10, 86_400),
                constraints == null || constraints.isNull() ? null : constraints);
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > 200)) {
            throw Problem.badRequest("Idempotency-Key must be 1-200 characters");
        }
        String base = baseRef != null ? baseRef : repo.defaultBranch() != null ? repo.defaultBranch() : "HEAD";
        Runs.Submitted sub;
        try {
            sub = s.runs().submit(RunId.next().value(), RunId.next().value(), spec, base, key,
                    TokenSecrets.sha256(canonical(body)), ctx.attribute(Auth.TOKEN_ATTRIBUTE), s.config().maxQueuedPerRepo());
        } catch (Runs.QueueFull full) {
            throw Problem.tooMany(full.getMessage() + "; retry later", 30);
        }
        if (sub.existing() && !sub.sameBody()) {
            throw Problem.unprocessable("Idempotency-Key '" + key + "' was used for a different task ("
                    + sub.taskId() + "): use a new key");
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("task_id", sub.taskId());
        out.put("run_id", sub.runId());
        ctx.header("Location", "/api/v1/runs/" + sub.runId());
        ctx.status(sub.existing() ? 200 : 201).json(out);
    }

    private void list(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw Problem.badRequest("status must be one of " + String.join(", ", STATUSES));
        }
        String repo = ctx.queryParam("repo");
        if (repo != null && !Requests.NAME.matcher(repo).matches()) {
            throw Problem.badRequest("repo must be a repository name");
        }
        Instant since = null;
        String sinceText = ctx.queryParam("since");
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw Problem.badRequest("since must be an ISO-8601 instant such as 2026-11-29T10:00:00Z");
            }
            // PostgreSQL's timestamps end at years 4713 BC and 294276 AD; the database would fail on the rest
            if (since.isBefore(SINCE_MIN) || since.isAfter(SINCE_MAX)) {
                throw Problem.badRequest("since must be between years 1 and 9999");
            }
        }
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !RunId.isValid(cursor)) {
            throw Problem.badRequest("cursor must be the next_cursor of a previous page");
        }
        int limit = 50;
        String limitText = ctx.queryParam("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                throw Problem.badRequest("limit must be a whole number from 1 to 500");
            }
        }
        Runs.Page page = s.runs().list(status, repo, since, cursor, limit);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("runs");
        page.runs().forEach(r -> items.add(summary(r)));
        out.put("next_cursor", page.nextCursor());
        ctx.json(out);
    }

    private void get(Context ctx) {
        RunRecord r = run(ctx);
        ctx.json(view(r));
    }

    private void cancel(Context ctx) {
        RunRecord r = run(ctx);
        if (r.finished()) {
            throw Problem.conflict("run " + r.id() + " already ended " + r.status());
        }
        ctx.status(202).json(summary(s.runs().cancel(r.id()).orElseThrow()));
    }

    private void retry(Context ctx) {
        RunRecord r = run(ctx);
        if (!r.finished()) {
            throw Problem.conflict("run " + r.id() + " is still " + r.status() + ": cancel it or wait for its end");
        }
        String id = s.runs().retry(r.id(), RunId.next().value()).orElseThrow();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("task_id", r.taskId());
        out.put("run_id", id);
        ctx.header("Location", "/api/v1/runs/" + id);
        ctx.status(201).json(out);
    }

    private void artifacts(Context ctx) {
        RunRecord r = run(ctx);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("artifacts");
        for (String name : s.artifacts().list(r.id())) {
            ObjectNode a = items.addObject();
            a.put("name", name);
            s.artifacts().open(r.id(), name).ifPresent(p -> a.put("size", size(p)));
        }
        ctx.json(out);
    }

    private void artifact(Context ctx) {
        RunRecord r = run(ctx);
        String name = ctx.pathParam("name");
        Path file = s.artifacts().open(r.id(), name).orElseThrow(() -> Problem.notFound("run " + r.id()
                + " has no artifact '" + Requests.truncate(name, 100) + "': GET its artifacts for the list"));
        send(ctx, file);
    }

    private void patch(Context ctx) {
        RunRecord r = run(ctx);
        Path file = s.artifacts().open(r.id(), "patch.diff").orElseThrow(() -> Problem.notFound("run " + r.id()
                + " has no patch (yet)"));
        send(ctx, file);
    }

    private static void send(Context ctx, Path file) {
        String n = file.getFileName().toString();
        String type = n.endsWith(".json") ? "application/json"
                : n.endsWith(".jsonl") ? "application/x-ndjson"
                : n.endsWith(".md") ? "text/markdown; charset=utf-8"
                : n.endsWith(".diff") || n.endsWith(".patch") ? "text/x-diff; charset=utf-8"
                : "text/plain; charset=utf-8";
        try {
            ctx.contentType(type).result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw Problem.notFound("the artifact cannot be read: " + e.getMessage());
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private RunRecord run(Context ctx) {
        String id = ctx.pathParam("id");
        if (!RunId.isValid(id)) {
            throw Problem.notFound("no run '" + Requests.truncate(id, 40) + "': run ids look like 20261129-101500-a1b2c3");
        }
        return s.runs().get(id).orElseThrow(() -> Problem.notFound("no run " + id));
    }

    /** The list entry of a run. */
    static ObjectNode summary(RunRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("run_id", r.id());
        n.put("task_id", r.taskId());
        n.put("repo", r.repo());
        n.put("base_ref", r.baseRef());
        n.put("status", r.status());
        n.put("strategy", r.strategy());
        n.put("message", r.message());
        if (r.exitCode() != null) {
            n.put("exit_code", r.exitCode());
        }
        n.put("node", r.node());
        n.put("attempt", r.attempt());
        n.put("created_at", str(r.createdAt()));
        n.put("started_at", str(r.startedAt()));
        n.put("finished_at", str(r.finishedAt()));
        return n;
    }

    /** The run.json record (the final one, or the one the pipeline keeps up to date) with the service's fields. */
    ObjectNode view(RunRecord r) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        JsonNode record = r.result();
        if (record == null) {
            record = s.artifacts().open(r.id(), "run.json").map(RunRoutes::readJson).orElse(null);
        }
        if (record != null && record.isObject()) {
            n.setAll((ObjectNode) record);
        }
        n.setAll(summary(r));
        n.put("cancel_requested", r.cancelRequested());
        s.runs().spec(r.taskId()).ifPresent(spec -> n.set("task", Json.MAPPER.valueToTree(spec)));
        n.set("steps", Json.MAPPER.valueToTree(s.steps().finished(r.id())));
        return n;
    }

    private static JsonNode readJson(Path p) {
        try {
            return Json.MAPPER.readTree(p.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    /** The body with object keys sorted at every level: the same fields in another order are the same request. */
    static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parsed body always serializes", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

}

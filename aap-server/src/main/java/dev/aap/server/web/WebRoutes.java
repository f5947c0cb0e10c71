package dev.aap.server.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.run.RunId;
import dev.aap.server.api.Problem;
import dev.aap.server.api.Scope;
import dev.aap.server.api.Services;
import dev.aap.server.store.Events;
import dev.aap.server.store.RunRecord;
import dev.aap.server.store.Runs;
import dev.aap.server.store.TaskSpec;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: public page shells (no data in them), and HTML fragments that htmx loads with the user's token,
 * guarded by the same scopes as the JSON they mirror. Live updates come from the API's event streams.
 */
public final class WebRoutes {

    /** One artifact as the run page lists it. */
    public record Artifact(String name, long size) {
    }

    private static final int PAGE = 50;
    private static final int EVENT_BATCH = 1000;

    private final Services s;
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            WebRoutes.class.getClassLoader(), "dev.aap.server.web.templates");

    public WebRoutes(Services s) {
        this.s = s;
    }

    /** Adds the pages, the fragments, the dashboard's own CSS and JS, and the WebJars (htmx). */
    public void register(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.staticFiles.add(f -> {
            f.hostedPath = "/assets";
            f.directory = "/dev/aap/server/web/assets";
            f.location = Location.CLASSPATH;
        });
        var r = config.routes;
        r.get("/", ctx -> page(ctx, "index.jte", Map.of("strategies", strategies())));
        r.get("/runs/{id}", ctx -> page(ctx, "run.jte", Map.of("runId", runId(ctx))));
        r.get("/ui/runs", this::rows, Scope.RUN_READ);
        r.get("/ui/runs/{id}/row", ctx -> fragment(ctx, "row.jte", Map.of("run", run(ctx))), Scope.RUN_READ);
        r.get("/ui/runs/{id}/detail", this::detail, Scope.RUN_READ);
        r.get("/ui/runs/{id}/artifacts", this::artifacts, Scope.ARTIFACT_READ);
        r.get("/ui/repos", ctx -> fragment(ctx, "repos.jte", Map.of("repos", s.repos().list())), Scope.RUN_READ);
    }

    private List<String> strategies() {
        List<String> out = new ArrayList<>(List.of("auto", "search", "llm", "hybrid"));
        s.config().testExecutors().keySet().stream().sorted().forEach(out::add);
        return out;
    }

    private void rows(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !RunId.isValid(cursor)) {
            throw Problem.badRequest("cursor must be the next_cursor of a previous page");
        }
        Runs.Page p = s.runs().list(null, null, null, cursor, PAGE);
        fragment(ctx, "rows.jte", Map.of("runs", p.runs(), "nextCursor", p.nextCursor() == null ? ""
                : p.nextCursor()));
    }

    private void detail(Context ctx) {
        RunRecord run = run(ctx);
        List<ObjectNode> steps = new ArrayList<>();
        long after = 0;
        for (List<Events.Stored> batch; !(batch = s.events().after(run.id(), after, EVENT_BATCH)).isEmpty(); ) {
            for (Events.Stored e : batch) {
                String type = e.json().path("type").asText();
                if (type.startsWith("step_") || type.equals("run_finished")) {
                    steps.add(e.json());
                }
                after = e.seq();
            }
        }
        TaskSpec task = s.runs().spec(run.taskId()).orElse(null);
        fragment(ctx, "detail.jte", Map.of("run", run, "goal", task == null || task.goal() == null ? "" : task.goal(),
                "issue", task == null || task.issue() == null ? "" : task.issue(),
                "timeline", Timeline.of(steps, Instant.now(), run.finished())));
    }

    private void artifacts(Context ctx) {
        RunRecord run = run(ctx);
        List<Artifact> list = s.artifacts().list(run.id()).stream()
                .flatMap(n -> s.artifacts().open(run.id(), n).stream().map(p -> new Artifact(n, size(p))))
                .toList();
        fragment(ctx, "artifacts.jte", Map.of("runId", run.id(), "artifacts", list));
    }

    private static long size(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String runId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!RunId.isValid(id)) {
            throw Problem.notFound("no run '" + (id.length() > 40 ? id.substring(0, 40) : id)
                    + "': run ids look like 20261129-101500-a1b2c3");
        }
        return id;
    }

    private RunRecord run(Context ctx) {
        String id = runId(ctx);
        return s.runs().get(id).orElseThrow(() -> Problem.notFound("no run " + id));
    }

    private void page(Context ctx, String template, Map<String, Object> params) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, params));
    }

    /** Fragments carry data: never cached, like the API's answers. */
    private void fragment(Context ctx, String template, Map<String, Object> params) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(render("fragments/" + template, params));
    }

    private String render(String template, Map<String, Object> params) {
        var out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }
}

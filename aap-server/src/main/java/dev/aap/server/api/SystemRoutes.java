package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /healthz}, {@code /readyz}, {@code /metrics}, {@code /openapi.json} and {@code /api/v1/agents}. */
final class SystemRoutes {

    private final Services s;

    SystemRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.get("/healthz", ctx -> ctx.json(status("ok")));
        r.get("/readyz", this::ready);
        if (s.config().metricsOpen()) {
            r.get("/metrics", this::metrics);
        } else {
            r.get("/metrics", this::metrics, Scope.METRICS_READ);
        }
        r.get("/openapi.json", this::openapi);
        r.get("/api/v1/agents", ctx -> ctx.json(s.config().agents().get()), Scope.RUN_READ);
    }

    private ObjectNode status(String status) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("status", status);
        n.put("node", s.node());
        return n;
    }

    private void ready(Context ctx) {
        if (s.db().reachable()) {
            ctx.json(status("ready"));
        } else {
            ctx.status(503).json(status("database unreachable"));
        }
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape());
    }

    private void openapi(Context ctx) {
        byte[] doc = Api.resource("/dev/aap/server/openapi.json");
        if (doc == null) {
            throw Problem.notFound("this build has no OpenAPI document");
        }
        ctx.contentType("application/json").result(doc);
    }
}

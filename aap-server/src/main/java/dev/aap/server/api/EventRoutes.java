package dev.aap.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.run.RunId;
import dev.aap.server.store.Events;
import dev.aap.server.store.Json;
import dev.aap.server.store.RunRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server-sent events: a run's events ({@code id:} is the event's number; {@code Last-Event-ID} resumes after it) and
 * the stream of run status changes that the dashboard's list follows.
 */
final class EventRoutes {

    private static final int BATCH = 500;

    private final Services s;

    EventRoutes(Services s) {
        this.s = s;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/runs/{id}/events", sse(this::runEvents), Scope.RUN_READ);
        r.get("/api/v1/updates", sse(this::updates), Scope.RUN_READ);
    }

    /** Javalin streams only to clients that accept event streams; anyone else gets told so instead of nothing. */
    private static io.javalin.http.Handler sse(Consumer<SseClient> body) {
        var handler = new io.javalin.http.sse.SseHandler(body);
        return ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new Problem(406, "Not Acceptable", "this is a server-sent event stream: send"
                        + " Accept: text/event-stream");
            }
            handler.handle(ctx);
        };
    }

    private void runEvents(SseClient client) {
        String id = client.ctx().pathParam("id");
        if (!RunId.isValid(id) || s.runs().get(id).isEmpty()) {
            client.sendEvent("error", "{\"detail\":\"no run " + (RunId.isValid(id) ? id : "with that id") + "\"}");
            client.close();
            return;
        }
        long last = lastEventId(client);
        client.keepAlive();
        try {
            stream(client, id, last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }

    private void stream(SseClient client, String id, long last) throws InterruptedException {
        long heartbeat = s.config().heartbeatMillis();
        while (!client.terminated()) {
            long version = s.hub().version(id);
            List<Events.Stored> batch = s.events().after(id, last, BATCH);
            for (Events.Stored e : batch) {
                client.sendEvent(e.json().path("type").asText("event"), Json.write(e.json()), Long.toString(e.seq()));
                last = e.seq();
            }
            if (batch.size() == BATCH) {
                continue;
            }
            RunRecord run = s.runs().get(id).orElse(null);
            if (run == null || run.finished()) {
                // the end is recorded after the last event: one more read catches events that raced it
                for (Events.Stored e : s.events().after(id, last, Integer.MAX_VALUE)) {
                    client.sendEvent(e.json().path("type").asText("event"), Json.write(e.json()),
                            Long.toString(e.seq()));
                }
                return;
            }
            long before = System.nanoTime();
            s.hub().await(id, version, heartbeat);
            if (System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(heartbeat)) {
                client.sendComment("heartbeat");
            }
        }
    }

    private static long lastEventId(SseClient client) {
        String h = client.ctx().header("Last-Event-ID");
        if (h == null || h.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(h.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void updates(SseClient client) {
        var changed = new LinkedBlockingQueue<String>(10_000);
        Consumer<String> listener = changed::offer;
        s.hub().onRunChange(listener);
        client.keepAlive();
        try {
            while (!client.terminated()) {
                String runId = changed.poll(s.config().heartbeatMillis(), TimeUnit.MILLISECONDS);
                if (runId == null) {
                    client.sendComment("heartbeat");
                    continue;
                }
                s.runs().get(runId).ifPresent(run -> {
                    ObjectNode n = RunRoutes.summary(run);
                    client.sendEvent("run", Json.write(n));
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            s.hub().removeRunChange(listener);
            client.close();
        }
    }
}

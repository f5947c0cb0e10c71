package dev.aap.server.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.event.Event;
import dev.aap.core.event.EventListener;
import dev.aap.core.event.EventLog;
import dev.aap.server.store.Events;
import dev.aap.server.store.Json;

import java.time.Instant;

/**
 * A run's events into the database, numbered there: the pipeline's events arrive as an {@link EventListener},
 * anything else through {@link #emit}.
 */
public final class RunEvents implements EventListener {

    private final Events events;
    private final String runId;
    private final java.util.function.BiConsumer<String, ObjectNode> observer;
    private final java.util.List<java.util.function.BiConsumer<String, ObjectNode>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    RunEvents(Events events, String runId, java.util.function.BiConsumer<String, ObjectNode> observer) {
        this.events = events;
        this.runId = runId;
        this.observer = observer;
    }

    private static final dev.aap.core.secrets.Redactor REDACTOR = dev.aap.core.secrets.Redactor.standard();

    @Override
    public void onEvent(long seq, Event event) {
        Instant now = Instant.now();
        // the database, the live stream and webhooks see events as events.jsonl does: secrets masked
        var json = (ObjectNode) REDACTOR.redactTree(EventLog.toJson(runId, seq, now, event));
        Shield.call(() -> events.append(runId, event.type(), now, json));
        observer.accept(event.type(), json);
        listeners.forEach(l -> l.accept(event.type(), json));
    }

    /** Also tells {@code listener} of every pipeline event, after it is recorded. */
    public void listen(java.util.function.BiConsumer<String, ObjectNode> listener) {
        listeners.add(listener);
    }

    /** Records an event of the given type with these fields. */
    public long emit(String type, ObjectNode fields) {
        Instant now = Instant.now();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("seq", 0);
        json.put("time", now.toString());
        json.put("run_id", runId);
        json.put("type", type);
        json.setAll((ObjectNode) REDACTOR.redactTree(fields));
        long seq = Shield.call(() -> events.append(runId, type, now, json));
        observer.accept(type, json);
        listeners.forEach(l -> l.accept(type, json));
        return seq;
    }
}

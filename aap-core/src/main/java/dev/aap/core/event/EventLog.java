package dev.aap.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.EnvironmentException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The append-only event log of one run: assigns sequence numbers and timestamps, appends one JSON object per line to
 * {@code events.jsonl}, then tells the listeners.
 */
public final class EventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String runId;
    private final BufferedWriter out;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    private EventLog(String runId, BufferedWriter out) {
        this.runId = runId;
        this.out = out;
    }

    public static EventLog open(String runId, Path file) {
        try {
            return new EventLog(runId, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the event log " + file + ": " + e.getMessage(), e);
        }
    }

    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    /** Appends an event and notifies listeners; returns its sequence number. */
    public synchronized long emit(Event event) {
        long n = ++seq;
        try {
            out.write(JSON.writeValueAsString(toJson(runId, n, Instant.now(), event)));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new EnvironmentException("cannot append to the event log: " + e.getMessage(), e);
        }
        for (EventListener l : listeners) {
            l.onEvent(n, event);
        }
        return n;
    }

    /** The one JSON shape of an event, shared by the log file and any other consumer. */
    public static ObjectNode toJson(String runId, long seq, Instant time, Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", seq);
        node.put("time", time.toString());
        node.put("run_id", runId);
        node.put("type", event.type());
        node.setAll((ObjectNode) JSON.valueToTree(event));
        return node;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new EnvironmentException("cannot close the event log: " + e.getMessage(), e);
        }
    }
}

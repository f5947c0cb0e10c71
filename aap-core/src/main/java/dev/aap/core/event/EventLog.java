package dev.aap.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.EnvironmentException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
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

    private static final dev.aap.core.secrets.Redactor REDACTOR = dev.aap.core.secrets.Redactor.standard();


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_BYTES = 64 * 1024;

    private final String runId;
    private final BufferedWriter out;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    private EventLog(String runId, BufferedWriter out, long lastSeq) {
        this.runId = runId;
        this.out = out;
        this.seq = lastSeq;
    }

    /**
     * Opens the log for appending; a log that exists already (a resumed run) goes on after the {@code seq} of its
     * last complete line.
     */
    public static EventLog open(String runId, Path file) {
        return open(runId, file, lastSeq(file));
    }

    /**
     * Opens the log for appending with numbering after {@code lastSeq}, for a caller that knows the run's last
     * sequence number from elsewhere (a server that stores the events too). A line cut short by a killed process
     * is removed first, so the file stays one JSON object per line.
     */
    public static EventLog open(String runId, Path file, long lastSeq) {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative, got " + lastSeq);
        }
        try {
            dropPartialLine(file);
            return new EventLog(runId, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), lastSeq);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code seq} of the last complete line of an event log, or 0 when there is none (or no file). */
    public static long lastSeq(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            byte[] tail = completeTail(file);
            String text = new String(tail, StandardCharsets.UTF_8);
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                try {
                    var seq = JSON.readTree(lines.get(i)).get("seq");
                    if (seq != null && seq.canConvertToLong()) {
                        return seq.asLong();
                    }
                } catch (IOException unreadable) {
                    // not an event line: look at the one before
                }
            }
            return 0;
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the event log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last 64 KiB of the file up to its last newline (event lines are far shorter). */
    private static byte[] completeTail(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int n = (int) Math.min(size, TAIL_BYTES);
            byte[] buf = new byte[n];
            raf.seek(size - n);
            raf.readFully(buf);
            int end = n;
            while (end > 0 && buf[end - 1] != '\n') {
                end--;
            }
            return java.util.Arrays.copyOf(buf, end);
        }
    }

    private static void dropPartialLine(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < raf.length()) {
                raf.setLength(end);
            }
        }
    }

    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    /** Appends an event and notifies listeners; returns its sequence number. */
    public synchronized long emit(Event event) {
        long n = ++seq;
        try {
            out.write(JSON.writeValueAsString(REDACTOR.redactTree(toJson(runId, n, Instant.now(), event))));
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

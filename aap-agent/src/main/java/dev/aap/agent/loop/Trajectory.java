package dev.aap.agent.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aap.core.EnvironmentException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code trajectory.jsonl} of a run: one JSON object per line, written and flushed as each thing happens, so a run
 * killed halfway still leaves everything up to its last step. Each line has {@code seq}, {@code t_ms} (since the
 * trajectory opened), {@code kind} and the kind's fields.
 */
public final class Trajectory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final int MAX_TEXT = 20_000;

    private final BufferedWriter out;
    private final long start = System.nanoTime();
    private long seq;

    private Trajectory(BufferedWriter out) {
        this.out = out;
    }

    public static Trajectory open(Path file) {
        try {
            return new Trajectory(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static final dev.aap.core.secrets.Redactor REDACTOR = dev.aap.core.secrets.Redactor.standard();

    /** Appends one entry; {@code fields} are written in order after seq, t_ms and kind. */
    public synchronized void write(String kind, Map<String, ?> fields) {
        var line = new LinkedHashMap<String, Object>();
        line.put("seq", ++seq);
        line.put("t_ms", (System.nanoTime() - start) / 1_000_000);
        line.put("kind", kind);
        fields.forEach((k, v) -> line.put(k, v instanceof String s ? clip(s) : v));
        try {
            // the trajectory is an artifact: secrets in tool observations or the task stay out of it as well
            out.write(JSON.writeValueAsString(REDACTOR.redactTree(JSON.valueToTree(line))));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new EnvironmentException("cannot append to the trajectory: " + e.getMessage(), e);
        }
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "\n[... " + (s.length() - MAX_TEXT)
                + " more characters not recorded]";
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new EnvironmentException("cannot close the trajectory: " + e.getMessage(), e);
        }
    }
}

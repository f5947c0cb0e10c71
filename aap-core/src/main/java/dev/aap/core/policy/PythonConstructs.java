package dev.aap.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.policy.ForbiddenConstructs.Change;
import dev.aap.core.policy.ForbiddenConstructs.Hit;
import dev.aap.core.policy.ForbiddenConstructs.Scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scans the Python files of a patch in one run of {@code constructs.py}, which parses both versions of each with
 * Python's own {@code ast} and never imports or runs them. Starting the interpreter costs more than parsing, so a
 * patch pays for it once.
 */
final class PythonConstructs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = load();
    private static final long WAIT_SECONDS = 60;

    /** Both versions of one file, scanned. */
    record Sides(Scan before, Scan after) {
    }

    private PythonConstructs() {
    }

    /** {@code $AAP_PYTHON} when set, else {@code python3}: this check needs only the standard library. */
    static String python() {
        String env = System.getenv("AAP_PYTHON");
        return env != null && !env.isBlank() ? env : "python3";
    }

    /**
     * Both versions of each change, in order; when the interpreter cannot be run, an empty list and one note per
     * file, so the review says what went unchecked instead of failing the run.
     */
    static List<Sides> scan(String python, List<Change> changes, List<String> notes) {
        var files = new ArrayList<Map<String, String>>();
        for (Change c : changes) {
            var f = new HashMap<String, String>();
            f.put("before", c.before());
            f.put("after", c.after());
            files.add(f);
        }
        JsonNode answer;
        try {
            answer = run(python, Map.of("files", files));
        } catch (HelperFailed e) {
            changes.forEach(c -> notes.add(c.path() + ": not checked for forbidden constructs: " + e.getMessage()));
            return List.of();
        }
        var out = new ArrayList<Sides>();
        for (JsonNode f : answer.path("files")) {
            out.add(new Sides(side(f.path("before")), side(f.path("after"))));
        }
        if (out.size() != changes.size()) {
            changes.forEach(c -> notes.add(c.path() + ": not checked for forbidden constructs: constructs.py answered "
                    + out.size() + " files for " + changes.size()));
            return List.of();
        }
        return out;
    }

    private static Scan side(JsonNode node) {
        if (node.has("error")) {
            return new Scan.Unparsable(node.path("error").asText());
        }
        var hits = new ArrayList<Hit>();
        for (JsonNode h : node.path("hits")) {
            hits.add(new Hit(h.path("rule").asText(), h.path("line").asInt(), h.path("key").asText(),
                    h.path("snippet").asText(), h.path("host").isTextual() ? h.path("host").asText() : null));
        }
        return new Scan.Parsed(hits);
    }

    private static JsonNode run(String python, Object request) {
        Process p;
        try {
            // -I: no user site, no PYTHON* variables, not even the working directory on the path; -S: no site
            // module, whose .pth files can import half a distribution before the script starts
            p = new ProcessBuilder(List.of(PythonTests.resolved(python), "-I", "-S", "-c", SCRIPT)).start();
        } catch (IOException e) {
            throw new HelperFailed("cannot start '" + python + "' (" + e.getMessage()
                    + "); install python3 (3.9 or newer) or set AAP_PYTHON");
        }
        var err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        try {
            // written from another thread: a large patch can fill the pipe before Python starts answering
            Thread writer = Thread.ofVirtual().start(() -> write(p, request));
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HelperFailed(python + " did not finish in " + WAIT_SECONDS + "s");
            }
            writer.join(1000);
            errReader.join(1000);
            if (p.exitValue() != 0) {
                String tail = err.toString(StandardCharsets.UTF_8).strip();
                throw new HelperFailed(python + " failed (exit " + p.exitValue() + "; it needs Python 3.9 or newer, "
                        + "install python3 or set AAP_PYTHON): " + tail.substring(Math.max(0, tail.length() - 300)));
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new HelperFailed("cannot talk to " + python + ": " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HelperFailed("interrupted");
        }
    }

    private static void write(Process p, Object request) {
        try (var in = p.getOutputStream()) {
            JSON.writeValue(in, request);
        } catch (IOException ignored) {
            // the process died early; its exit code and stderr say why
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process died; its exit code says so
        }
    }

    /** The helper could not give an answer; the message says why and what to install. */
    private static final class HelperFailed extends RuntimeException {
        HelperFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static String load() {
        try (InputStream in = PythonConstructs.class.getResourceAsStream("constructs.py")) {
            if (in == null) {
                throw new IllegalStateException("constructs.py is missing from the aap-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

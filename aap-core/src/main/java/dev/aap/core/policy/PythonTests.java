package dev.aap.core.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Summarizes both versions of a Python test file in one run of {@code pytests.py}, which parses them with Python's
 * own {@code ast} and never imports or runs them.
 */
final class PythonTests {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SCRIPT = load();
    private static final long WAIT_SECONDS = 60;
    /** Launcher name to the interpreter it starts: a pyenv or asdf shim costs a shell script on every call. */
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

    /** Summaries of the base and the changed text; an empty side did not parse. */
    record Pair(Optional<TestSummary> before, Optional<TestSummary> after) {
    }

    private PythonTests() {
    }

    static Pair summarize(String python, String before, String after) {
        var request = new HashMap<String, String>();
        request.put("before", before);
        request.put("after", after);
        JsonNode answer = run(RESOLVED.computeIfAbsent(python, PythonTests::executable), request);
        return new Pair(side(answer.path("before")), side(answer.path("after")));
    }

    private static Optional<TestSummary> side(JsonNode node) {
        if (node.has("error")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(node, TestSummary.class));
        } catch (IOException e) {
            throw new IllegalStateException("pytests.py wrote a summary this class cannot read: " + e.getMessage(), e);
        }
    }

    private static JsonNode run(String python, Map<String, String> request) {
        Process p;
        try {
            // -I: no user site, no PYTHON* variables, not even the working directory on the path
            p = new ProcessBuilder(List.of(python, "-I", "-c", SCRIPT)).start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start '" + python + "' for the test-integrity check ("
                    + e.getMessage() + "): install python3 (3.9 or newer) or set AAP_PYTHON", e);
        }
        var err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        try {
            try (var in = p.getOutputStream()) {
                JSON.writeValue(in, request);
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EnvironmentException(python + " did not finish the test-integrity check in "
                        + WAIT_SECONDS + "s");
            }
            errReader.join(1000);
            if (p.exitValue() != 0) {
                String tail = err.toString(StandardCharsets.UTF_8).strip();
                throw new EnvironmentException(python + " failed the test-integrity check (exit " + p.exitValue()
                        + "; it needs Python 3.9 or newer, install python3 or set AAP_PYTHON): "
                        + tail.substring(Math.max(0, tail.length() - 500)));
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new EnvironmentException("cannot talk to " + python + " for the test-integrity check: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while checking test integrity");
        }
    }

    /** The interpreter a launcher starts, found once per launcher (shared with {@link PythonConstructs}). */
    static String resolved(String python) {
        return RESOLVED.computeIfAbsent(python, PythonTests::executable);
    }

    /** The interpreter's own path ({@code sys.executable}), or the launcher itself when it will not say. */
    private static String executable(String python) {
        try {
            Process p = new ProcessBuilder(python, "-I", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean done = p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            return done && p.exitValue() == 0 && !out.isEmpty() && !out.contains("\n") ? out : python;
        } catch (IOException e) {
            return python;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return python;
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the process died; its exit code says so
        }
    }

    private static String load() {
        try (InputStream in = PythonTests.class.getResourceAsStream("pytests.py")) {
            if (in == null) {
                throw new IllegalStateException("pytests.py is missing from the aap-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

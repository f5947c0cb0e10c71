package dev.aap.repair.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.validate.CandidateValidator;
import dev.aap.repair.validate.Verdict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates Python candidates with a long-lived pytest fork server in the sandbox: pytest is imported once and each
 * candidate's tests run in a fresh forked child, so a candidate costs about a tenth of a second, not a pytest start.
 */
public final class PytestWorker implements CandidateValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(60);
    /** The worker enforces the candidate's timeout itself; this much later the Java side kills it. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ExecSpec spec;
    private final Sandbox sandbox;
    private final Path root;
    /** Original bytes of every file a candidate touched; null for files that did not exist. */
    private final Map<String, byte[]> originals = new HashMap<>();
    private WorkerProcess process;
    /** Longest a single test's call phase may run; null when only the candidate's timeout applies. */
    private Duration testLimit;

    private PytestWorker(Sandbox sandbox, ExecSpec spec, Path root) {
        this.sandbox = sandbox;
        this.spec = spec;
        this.root = root;
        this.process = launch();
    }

    /**
     * Starts a worker for the project at {@code projectRoot}.
     *
     * @param python  the interpreter with pytest installed, e.g. {@code python3}
     * @param scratch a directory of ours (not in the project) for the helper scripts
     */
    public static PytestWorker start(Sandbox sandbox, Path projectRoot, String python, Path scratch) {
        Path root = projectRoot.toAbsolutePath().normalize();
        Path scripts = PythonScripts.extract(scratch);
        var spec = ExecSpec.of(List.of(python, scripts.resolve(PythonScripts.WORKER).toString()), root,
                        Limits.forTests().withWallTime(Duration.ofDays(7)))
                .withWritable(List.of(scratch.toAbsolutePath()))
                .withEnv(Map.of("PYTHONDONTWRITEBYTECODE", "1", "PYTHONUNBUFFERED", "1"));
        return new PytestWorker(sandbox, spec, root);
    }

    /**
     * Caps every single test's call phase, so that a candidate that loops forever costs about {@code limit}, not
     * the project's own per-test timeout or the whole candidate timeout. The worker watches the clock from outside
     * the test process (no signal or thread in it), so projects using SIGALRM themselves are undisturbed.
     *
     * @param limit the cap for each test, or {@code null} for none
     */
    public synchronized void setTestLimit(Duration limit) {
        if (limit != null && (limit.isNegative() || limit.isZero())) {
            throw new IllegalArgumentException("test limit must be positive: " + limit);
        }
        this.testLimit = limit;
    }

    @Override
    public synchronized Verdict validate(Map<String, String> changed, List<String> first, List<String> rest,
                                         Duration timeout) {
        long started = System.nanoTime();
        rememberOriginals(changed.keySet());
        var request = new LinkedHashMap<String, Object>();
        request.put("changed", changed);
        request.put("first", first);
        request.put("rest", rest);
        request.put("timeout", timeout.toMillis() / 1000.0);
        if (testLimit != null) {
            request.put("test_limit", testLimit.toMillis() / 1000.0);
        }
        String firstTest = !first.isEmpty() ? first.get(0) : !rest.isEmpty() ? rest.get(0) : "";
        if (!process.send(write(request))) {
            return crashed("the pytest worker stopped reading: " + process.stderrTail(), started);
        }
        Optional<String> line;
        try {
            line = process.receive(timeout.plus(GRACE));
        } catch (EnvironmentException e) {
            return crashed(e.getMessage(), started);
        }
        if (line.isEmpty()) {
            restart();
            return new Verdict.TestFailed(firstTest, "timed out after " + timeout.toMillis() + " ms", true,
                    millis(started));
        }
        Verdict verdict = WorkerReply.verdict(read(line.get()), millis(started));
        if (verdict instanceof Verdict.Crashed crashed) {
            return crashed(crashed.message(), started);
        }
        return verdict;
    }

    @Override
    public synchronized void close() {
        process.kill();
        restoreOriginals();
    }

    private Verdict crashed(String message, long started) {
        restart();
        return new Verdict.Crashed(message, millis(started));
    }

    private void restart() {
        process.kill();
        restoreOriginals();
        process = launch();
    }

    private WorkerProcess launch() {
        WorkerProcess p = WorkerProcess.start(sandbox, spec);
        Optional<String> ready;
        try {
            ready = p.receive(STARTUP);
        } catch (EnvironmentException e) {
            p.kill();
            throw new EnvironmentException("the pytest worker did not start in " + root + ": " + e.getMessage()
                    + ". Is pytest installed for the chosen python?");
        }
        if (ready.isEmpty() || !read(ready.get()).path("ready").asBoolean()) {
            p.kill();
            throw new EnvironmentException("the pytest worker did not get ready within " + STARTUP.toSeconds()
                    + " s in " + root + ": " + p.stderrTail());
        }
        return p;
    }

    /** Remembers the on-disk text before any candidate changes it: the worker restores it after each one. */
    private void rememberOriginals(Iterable<String> paths) {
        for (String rel : paths) {
            if (!originals.containsKey(rel)) {
                Path file = root.resolve(rel);
                try {
                    originals.put(rel, Files.exists(file) ? Files.readAllBytes(file) : null);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
    }

    /** Puts back every touched file, for when the worker died before it could do so itself. */
    private void restoreOriginals() {
        originals.forEach((rel, bytes) -> {
            Path file = root.resolve(rel);
            try {
                if (bytes == null) {
                    Files.deleteIfExists(file);
                } else if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                    Files.write(file, bytes);
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot restore " + file + " after a worker crash: "
                        + e.getMessage(), e);
            }
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a worker request", e);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("verdict", "crashed").put("message", "unreadable answer: " + line);
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

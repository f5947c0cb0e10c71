package dev.aap.repair.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.localize.TestCoverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Per-test line coverage and timing of a pytest project, from one sandboxed run of its whole suite. */
public final class PythonCoverage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the plugin uses when told nothing: enough for any sane unit test, short enough for a loop. */
    private static final Duration DEFAULT_TEST_LIMIT = Duration.ofSeconds(3);

    private PythonCoverage() {
    }

    /**
     * Coverage together with how long each test took, so that callers can order and budget test runs.
     *
     * @param tests  every test that ran, skipped ones left out
     * @param millis setup plus call time of each of those tests, by test id
     */
    public record Timed(List<TestCoverage> tests, Map<String, Long> millis) {
        public Timed {
            tests = List.copyOf(tests);
            millis = Map.copyOf(millis);
        }
    }

    /**
     * Runs the project's suite once with a tracing plugin and returns, for every test that ran (skipped ones
     * left out), its outcome and the project lines it executed in setup and call.
     *
     * @param python  the interpreter to run, e.g. {@code python3}
     * @param scratch a directory of ours (not in the project) for the helper scripts and the result file
     */
    public static List<TestCoverage> collect(Sandbox sandbox, Path projectRoot, String python, Path scratch) {
        return collectTimed(sandbox, projectRoot, python, scratch, DEFAULT_TEST_LIMIT).tests();
    }

    /**
     * Like {@link #collect} and also times every test; a test whose call phase runs longer than
     * {@code perTestLimit} is stopped there, counts as failed and keeps the lines it ran until then.
     */
    public static Timed collectTimed(Sandbox sandbox, Path projectRoot, String python, Path scratch,
                                     Duration perTestLimit) {
        if (perTestLimit.isNegative() || perTestLimit.isZero()) {
            throw new IllegalArgumentException("per-test limit must be positive: " + perTestLimit);
        }
        Path root = projectRoot.toAbsolutePath().normalize();
        Path scripts = PythonScripts.extract(scratch);
        Path out = scratch.toAbsolutePath().resolve("aap-coverage.json");
        try {
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new EnvironmentException("cannot clear " + out + ": " + e.getMessage(), e);
        }
        var spec = ExecSpec.of(List.of(python, "-m", "pytest", "-q", "-p", PythonScripts.COVERAGE_PLUGIN,
                        "-p", "no:cacheprovider", "--rootdir", root.toString()), root, Limits.forTests())
                .withWritable(List.of(scratch.toAbsolutePath()))
                .withEnv(Map.of("PYTHONPATH", pythonPath(scripts), "AAP_COV_OUT", out.toString(),
                        "AAP_COV_ROOT", root.toString(), "PYTHONDONTWRITEBYTECODE", "1",
                        "AAP_COV_TEST_LIMIT", String.valueOf(perTestLimit.toMillis() / 1000.0)));
        ExecResult result = sandbox.exec(spec);
        if (result.timedOut()) {
            throw new EnvironmentException("the test suite under " + root + " did not finish within "
                    + spec.limits().wallTime() + " while collecting coverage");
        }
        if (!Files.isRegularFile(out)) {
            throw new EnvironmentException("pytest wrote no coverage for " + root + " (exit " + result.exitCode()
                    + "); is pytest installed for " + python + "?\n" + tail(result.combinedOutput()));
        }
        return parse(out);
    }

    private static Timed parse(Path out) {
        JsonNode tree;
        try {
            tree = JSON.readTree(out.toFile());
        } catch (IOException e) {
            throw new EnvironmentException("unreadable coverage file " + out + ": " + e.getMessage(), e);
        }
        var tests = new ArrayList<TestCoverage>();
        var millis = new HashMap<String, Long>();
        for (JsonNode t : tree.path("tests")) {
            var lines = new HashMap<String, Set<Integer>>();
            t.path("lines").fields().forEachRemaining(f -> {
                var set = new TreeSet<Integer>();
                f.getValue().forEach(n -> set.add(n.asInt()));
                lines.put(f.getKey(), set);
            });
            String id = t.path("id").asText();
            tests.add(new TestCoverage(id, t.path("passed").asBoolean(), lines));
            millis.put(id, Math.round(t.path("seconds").asDouble() * 1000));
        }
        return new Timed(tests, millis);
    }

    static String pythonPath(Path scripts) {
        String existing = System.getenv("PYTHONPATH");
        String dir = scripts.toAbsolutePath().toString();
        return existing == null || existing.isBlank() ? dir : dir + java.io.File.pathSeparator + existing;
    }

    static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Per-test line coverage of a pytest project, from one sandboxed run of its whole suite. */
public final class PythonCoverage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonCoverage() {
    }

    /**
     * Runs the project's suite once with a tracing plugin and returns, for every test that ran (skipped ones
     * left out), its outcome and the project lines it executed in setup and call.
     *
     * @param python  the interpreter to run, e.g. {@code python3}
     * @param scratch a directory of ours (not in the project) for the helper scripts and the result file
     */
    public static List<TestCoverage> collect(Sandbox sandbox, Path projectRoot, String python, Path scratch) {
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
                        "AAP_COV_ROOT", root.toString(), "PYTHONDONTWRITEBYTECODE", "1"));
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

    private static List<TestCoverage> parse(Path out) {
        JsonNode tree;
        try {
            tree = JSON.readTree(out.toFile());
        } catch (IOException e) {
            throw new EnvironmentException("unreadable coverage file " + out + ": " + e.getMessage(), e);
        }
        var tests = new ArrayList<TestCoverage>();
        for (JsonNode t : tree.path("tests")) {
            var lines = new HashMap<String, Set<Integer>>();
            t.path("lines").fields().forEachRemaining(f -> {
                var set = new TreeSet<Integer>();
                f.getValue().forEach(n -> set.add(n.asInt()));
                lines.put(f.getKey(), set);
            });
            tests.add(new TestCoverage(t.path("id").asText(), t.path("passed").asBoolean(), lines));
        }
        return List.copyOf(tests);
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

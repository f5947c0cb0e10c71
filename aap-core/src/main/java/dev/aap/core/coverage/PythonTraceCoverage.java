package dev.aap.core.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.build.BuildContext;
import dev.aap.core.patch.Patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Python: a {@code sitecustomize} tracer put first on PYTHONPATH for the armed run; every Python process the test
 * command starts writes the lines it executed in the changed files, and which lines hold code, to its own file.
 */
final class PythonTraceCoverage implements Coverage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private Path projectDir;
    private String armProblem = "the verification's test run was not armed for coverage";

    PythonTraceCoverage(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    private Path out() {
        return dir.resolve("python-trace");
    }

    @Override
    public BuildContext arm(BuildContext ctx, Collection<String> changedFiles) {
        projectDir = ctx.projectDir().toAbsolutePath().normalize();
        List<String> sources = ChangedLines.sources(changedFiles, ".py");
        if (sources.isEmpty()) {
            armProblem = "the change touches no Python source outside tests";
            return ctx;
        }
        Path tracerDir = dir.resolve("python");
        try {
            DataDir.extract("sitecustomize.py", tracerDir.resolve("sitecustomize.py"));
        } catch (IOException | RuntimeException e) {
            armProblem = "cannot install the coverage tracer: " + e.getMessage();
            return ctx;
        }
        armProblem = null;
        String files = String.join(java.io.File.pathSeparator,
                sources.stream().map(f -> projectDir.resolve(f).toString()).toList());
        var env = Map.of("PYTHONPATH", tracerDir.toString(), "AAP_DIFFCOV_OUT", out().toString(),
                "AAP_DIFFCOV_FILES", files);
        var sandbox = new ArmedSandbox(ctx.sandbox(), env, dir, () -> DataDir.reset(out()), () -> { });
        return new BuildContext(sandbox, ctx.projectDir(), ctx.scratch(), ctx.testTimeout());
    }

    @Override
    public DiffCoverage measure(Patch patch, String subdir) {
        try {
            Map<String, List<Integer>> changed = ChangedLines.of(patch, subdir, ".py");
            if (changed.isEmpty()) {
                return DiffCoverage.unavailable("the patch changes no Python source outside tests");
            }
            if (armProblem != null) {
                return DiffCoverage.unavailable(armProblem);
            }
            Map<String, Set<Integer>[]> traced = read();
            if (traced.isEmpty()) {
                return DiffCoverage.unavailable("the test run wrote no trace (it started no Python process that"
                        + " loads sitecustomize, e.g. python -S or -I)");
            }
            int coverable = 0;
            int covered = 0;
            var uncovered = new LinkedHashMap<String, List<Integer>>();
            for (var e : changed.entrySet()) {
                Set<Integer>[] t = traced.get(projectDir.resolve(e.getKey()).toString());
                if (t == null) {
                    return DiffCoverage.unavailable(e.getKey() + " was not traced");
                }
                var missed = new ArrayList<Integer>();
                for (int line : e.getValue()) {
                    if (t[1].contains(line)) {
                        coverable++;
                        if (t[0].contains(line)) {
                            covered++;
                        } else {
                            missed.add(line);
                        }
                    }
                }
                uncovered.put(ChangedLines.repoPath(subdir, e.getKey()), missed);
            }
            return DiffCoverage.measured(covered, coverable, uncovered);
        } catch (IOException | RuntimeException e) {
            return DiffCoverage.unavailable("cannot read the coverage trace: " + e.getMessage());
        }
    }

    /** Per traced file: [executed lines, lines with code], merged over every process that wrote a trace. */
    @SuppressWarnings("unchecked")
    private Map<String, Set<Integer>[]> read() throws IOException {
        var out = new HashMap<String, Set<Integer>[]>();
        if (!Files.isDirectory(out())) {
            return out;
        }
        try (Stream<Path> files = Files.list(out())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(f.toFile());
                var it = root.path("files").fields();
                while (it.hasNext()) {
                    var e = it.next();
                    if (e.getValue().has("error")) {
                        throw new IOException(e.getKey() + ": " + e.getValue().path("error").asText());
                    }
                    Set<Integer>[] sets = out.computeIfAbsent(e.getKey(), k -> new Set[] {new TreeSet<Integer>(),
                            new TreeSet<Integer>()});
                    e.getValue().path("executed").forEach(n -> sets[0].add(n.asInt()));
                    e.getValue().path("coverable").forEach(n -> sets[1].add(n.asInt()));
                }
            }
        }
        return out;
    }
}

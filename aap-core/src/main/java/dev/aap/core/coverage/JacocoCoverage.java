package dev.aap.core.coverage;

import dev.aap.core.build.BuildContext;
import dev.aap.core.patch.Patch;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.tools.ExecFileLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Java: the JaCoCo agent attached through {@code JAVA_TOOL_OPTIONS} to every JVM of the armed run (Maven's own and
 * Surefire's forks), limited to the changed files' packages so that Maven's classes are neither instrumented nor
 * recorded. Right after the run the compiled classes of those packages are copied aside, since later runs on the
 * base commit recompile {@code target/classes}; the analysis matches them to the data by JaCoCo's class ids.
 */
final class JacocoCoverage implements Coverage {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final String SOURCE_ROOT = "src/main/java/";

    private final Path dir;
    private Path projectDir;
    private List<String> sources = List.of();
    private String armProblem = "the verification's test run was not armed for coverage";

    JacocoCoverage(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    private Path exec() {
        return dir.resolve("jacoco/jacoco.exec");
    }

    private Path classes() {
        return dir.resolve("jacoco/classes");
    }

    @Override
    public BuildContext arm(BuildContext ctx, Collection<String> changedFiles) {
        projectDir = ctx.projectDir().toAbsolutePath().normalize();
        sources = ChangedLines.sources(changedFiles, ".java");
        if (sources.isEmpty()) {
            armProblem = "the change touches no Java source outside tests";
            return ctx;
        }
        Path agent;
        try {
            agent = DataDir.extract("/jacocoagent.jar", dir.resolve("jacocoagent-0.8.15.jar"));
        } catch (IOException | RuntimeException e) {
            armProblem = "cannot extract the JaCoCo agent: " + e.getMessage();
            return ctx;
        }
        armProblem = null;
        String options = "-javaagent:" + agent + "=destfile=" + exec() + ",append=true,dumponexit=true,output=file"
                + ",includes=" + String.join(":", includes());
        var sandbox = new ArmedSandbox(ctx.sandbox(), Map.of("JAVA_TOOL_OPTIONS", options), dir,
                () -> DataDir.reset(dir.resolve("jacoco")), this::snapshotClasses);
        return new BuildContext(sandbox, ctx.projectDir(), ctx.scratch(), ctx.testTimeout());
    }

    /** JaCoCo class name patterns: each changed file's package (default package: the file's own classes). */
    private List<String> includes() {
        var out = new LinkedHashSet<String>();
        for (String f : sources) {
            String pkg = packageOf(f);
            String name = Path.of(f).getFileName().toString().replaceFirst("\\.java$", "");
            if (pkg.isEmpty()) {
                out.add(name);
                out.add(name + "$*");
            } else {
                out.add(pkg + ".*");
            }
        }
        return List.copyOf(out);
    }

    private String packageOf(String projectRelative) {
        try {
            Matcher m = PACKAGE.matcher(Files.readString(projectDir.resolve(projectRelative)));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The Maven module holding a source file: the directory above its {@code src/main/java}. */
    private Path moduleOf(String projectRelative) {
        int i = projectRelative.indexOf(SOURCE_ROOT);
        return i <= 0 ? projectDir : projectDir.resolve(projectRelative.substring(0, i));
    }

    /** Copies the class files of the changed packages from each module's target/classes. */
    private void snapshotClasses() {
        for (String f : sources) {
            String pkgPath = packageOf(f).replace('.', '/');
            Path from = moduleOf(f).resolve("target/classes").resolve(pkgPath);
            Path to = classes().resolve(pkgPath);
            if (!Files.isDirectory(from)) {
                continue;
            }
            try (Stream<Path> files = Files.list(from)) {
                Files.createDirectories(to);
                for (Path c : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    Files.copy(c, to.resolve(c.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // the measurement says what is missing; a copy failure must not fail the test run
            }
        }
    }

    @Override
    public DiffCoverage measure(Patch patch, String subdir) {
        try {
            Map<String, List<Integer>> changed = ChangedLines.of(patch, subdir, ".java");
            if (changed.isEmpty()) {
                return DiffCoverage.unavailable("the patch changes no Java source outside tests");
            }
            if (armProblem != null) {
                return DiffCoverage.unavailable(armProblem);
            }
            if (!Files.isRegularFile(exec())) {
                return DiffCoverage.unavailable("the test run wrote no JaCoCo data: no JVM of it started with the"
                        + " agent (is the test command a Maven or other JVM build?)");
            }
            if (!Files.isDirectory(classes())) {
                return DiffCoverage.unavailable("no compiled classes of the changed sources under target/classes");
            }
            return analyse(changed, subdir);
        } catch (IOException | RuntimeException e) {
            return DiffCoverage.unavailable("cannot analyse the JaCoCo data: " + e.getMessage());
        }
    }

    private DiffCoverage analyse(Map<String, List<Integer>> changed, String subdir) throws IOException {
        var loader = new ExecFileLoader();
        loader.load(exec().toFile());
        var builder = new CoverageBuilder();
        new Analyzer(loader.getExecutionDataStore(), builder).analyzeAll(classes().toFile());
        var bySource = new LinkedHashMap<String, ISourceFileCoverage>();
        for (ISourceFileCoverage sf : builder.getSourceFiles()) {
            String pkg = sf.getPackageName();
            bySource.put(pkg.isEmpty() ? sf.getName() : pkg + "/" + sf.getName(), sf);
        }
        int coverable = 0;
        int covered = 0;
        var uncovered = new LinkedHashMap<String, List<Integer>>();
        for (var e : changed.entrySet()) {
            String pkgPath = packageOf(e.getKey()).replace('.', '/');
            String name = Path.of(e.getKey()).getFileName().toString();
            ISourceFileCoverage sf = bySource.get(pkgPath.isEmpty() ? name : pkgPath + "/" + name);
            var missed = new ArrayList<Integer>();
            for (int line : e.getValue()) {
                int status = sf == null ? ICounter.EMPTY : sf.getLine(line).getStatus();
                if (status == ICounter.EMPTY) {
                    continue; // no code on that line (or a file that compiles to no class, like package-info)
                }
                coverable++;
                if (status == ICounter.NOT_COVERED) {
                    missed.add(line);
                } else {
                    covered++;
                }
            }
            uncovered.put(ChangedLines.repoPath(subdir, e.getKey()), missed);
        }
        return DiffCoverage.measured(covered, coverable, uncovered);
    }
}

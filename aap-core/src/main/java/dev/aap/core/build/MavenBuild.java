package dev.aap.core.build;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Maven: resolves and compiles in prepare (networked), then runs {@code mvn -o test} in the sandbox. */
final class MavenBuild implements BuildTool {

    private final Path projectDir;
    private final String testCommand;

    MavenBuild(Path projectDir, String testCommand) {
        this.projectDir = projectDir;
        this.testCommand = testCommand;
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public String language() {
        return "java";
    }

    @Override
    public String testCommandLine() {
        return testCommand != null ? testCommand : mvn() + " -B -o test";
    }

    private String mvn() {
        return Files.isExecutable(projectDir.resolve("mvnw")) ? "./mvnw" : "mvn";
    }

    @Override
    public List<String> prepare(BuildContext ctx) {
        ExecResult r = resolve(ctx);
        String compile = compileError(r.combinedOutput());
        List<String> broken = compile == null ? List.of() : brokenTestFiles(compile);
        if (!broken.isEmpty()) {
            // test-first work: compile and resolve without the tests that use code not written yet, then put them back
            var saved = new java.util.LinkedHashMap<String, byte[]>();
            try {
                for (String f : broken) {
                    saved.put(f, Files.readAllBytes(projectDir.resolve(f)));
                    Files.delete(projectDir.resolve(f));
                }
                r = resolve(ctx);
                compile = compileError(r.combinedOutput());
            } catch (IOException e) {
                throw new EnvironmentException("cannot set aside the tests that do not compile: " + e.getMessage(), e);
            } finally {
                saved.forEach((f, bytes) -> restore(projectDir.resolve(f), bytes));
            }
        }
        if (compile != null) {
            throw new BadInputException("the project does not compile at its base commit, so there is no baseline"
                    + " to repair against:\n" + compile);
        }
        if (!r.succeeded()) {
            throw new EnvironmentException("Maven could not resolve the project's dependencies (" + mvn()
                    + " test dependency:build-classpath):\n" + tail(r.combinedOutput(), 40));
        }
        return broken;
    }

    /**
     * One networked Maven call: compile main and test code, write the test class path, and let Surefire resolve its
     * JUnit provider now (it does so lazily at test time) by running a test selection that matches nothing.
     */
    private ExecResult resolve(BuildContext ctx) {
        Path cp = ctx.scratch().resolve("maven-test-classpath.txt");
        var cmd = List.of(mvn(), "-B", "-q", "test", "dependency:build-classpath",
                "-Dmdep.outputFile=" + cp, "-Dmdep.includeScope=test",
                "-Dtest=AapResolvesProviderOnly", "-Dsurefire.failIfNoSpecifiedTests=false", "-DfailIfNoTests=false");
        return exec(ctx, cmd, Duration.ofMinutes(20), true);
    }

    private static void restore(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new EnvironmentException("cannot put back " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> brokenTestFiles(String compileError) {
        var files = new java.util.LinkedHashSet<String>();
        for (String line : compileError.lines().toList()) {
            var m = ERROR_AT.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            Path p = Path.of(m.group(1));
            String rel = (p.isAbsolute() && p.startsWith(projectDir) ? projectDir.relativize(p) : p).toString();
            String message = m.group(2);
            if (!TestFiles.isTestFile(rel) || SYNTAX.matcher(message).find()) {
                return List.of();
            }
            files.add(rel);
        }
        return List.copyOf(files);
    }

    /** javac's {@code /path/File.java:[line,col] message} as Maven prints it. */
    private static final java.util.regex.Pattern ERROR_AT =
            java.util.regex.Pattern.compile("^(\\S+\\.java):\\[\\d+(?:,\\d+)?\\]\\s*(.*)$");
    /** javac messages that mean the test itself is malformed, not ahead of the code it uses. */
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile(
            "expected$|illegal start|not a statement|reached end of file|unclosed|illegal character"
                    + "|class, interface, enum, or record expected|orphaned|else without if|malformed");

    @Override
    public TestRun runTests(BuildContext ctx) {
        return runTests(ctx, List.of());
    }

    @Override
    public TestRun runTests(BuildContext ctx, List<String> selection) {
        Path reports = projectDir.resolve("target/surefire-reports");
        Workspaces.deleteQuietly(reports);
        List<String> cmd = testCommand != null ? List.of("sh", "-c", testCommand) : List.of(mvn(), "-B", "-o", "test");
        if (testCommand == null && !selection.isEmpty()) {
            for (String t : selection) {
                if (!t.matches("[A-Za-z0-9_.#*+$-]+")) {
                    throw new BadInputException("not a test name: '" + t + "' (use pkg.Class or pkg.Class#method)");
                }
            }
            cmd = new ArrayList<>(cmd);
            cmd.add("-Dtest=" + String.join(",", selection));
            cmd.add("-Dsurefire.failIfNoSpecifiedTests=false");
        }
        ExecResult r = exec(ctx, cmd, ctx.testTimeout(), false);
        TestReport report = JUnitXml.read(reports, false);
        return new TestRun(testCommandLine(), r, report, compileError(r.combinedOutput()));
    }

    @Override
    public java.util.Optional<JavaLayout> javaLayout(BuildContext ctx) {
        return java.util.Optional.of(layout(ctx));
    }

    private JavaLayout layout(BuildContext ctx) {
        Path cpFile = ctx.scratch().resolve("maven-test-classpath.txt");
        List<Path> cp = new ArrayList<>();
        try {
            String text = Files.readString(cpFile).strip();
            if (!text.isEmpty()) {
                Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).forEach(cp::add);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Maven did not write the test class path to " + cpFile, e);
        }
        return new JavaLayout(List.of("src/main/java"), List.of("src/test/java"),
                projectDir.resolve("target/classes"), projectDir.resolve("target/test-classes"), cp);
    }

    private ExecResult exec(BuildContext ctx, List<String> cmd, Duration wall, boolean network) {
        var limits = new Limits(wall, 0, 0, 8L << 20, network);
        var spec = ExecSpec.of(cmd, projectDir, limits)
                .withEnv(Map.of("MAVEN_OPTS", "-Xmx1g -XX:+UseSerialGC", "MAVEN_ARGS", ""));
        if (network) {
            spec = spec.withWritable(List.of(m2(), ctx.scratch()));
        }
        return ctx.sandbox().exec(spec);
    }

    static Path m2() {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        try {
            Files.createDirectories(m2);
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + m2 + ": " + e.getMessage(), e);
        }
        return m2;
    }

    /** The compiler errors in Maven output, or null when compilation did not fail. */
    static String compileError(String output) {
        if (!output.contains("COMPILATION ERROR") && !output.contains("Compilation failure")) {
            return null;
        }
        var lines = output.lines()
                .filter(l -> l.contains(".java:[") || l.contains("error:"))
                .map(l -> l.replace("[ERROR] ", "").strip())
                .distinct().limit(20).toList();
        return lines.isEmpty() ? tail(output, 30) : String.join("\n", lines);
    }

    static String tail(String s, int lines) {
        var all = s.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}

package dev.aap.core.gates;

import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the report goal of a Maven quality plugin the pom configures and reads its XML report. The plugin's own
 * configuration in the pom (rules, suppressions) applies, since the goal runs in the project's build.
 */
final class MavenGates {

    private MavenGates() {
    }

    static String plugin(Tool tool) {
        return switch (tool) {
            case CHECKSTYLE -> "maven-checkstyle-plugin";
            case PMD -> "maven-pmd-plugin";
            case SPOTBUGS -> "spotbugs-maven-plugin";
            case RUFF, FLAKE8, MYPY -> throw new IllegalArgumentException(tool + " is not a Maven plugin");
        };
    }

    private static List<String> goals(Tool tool) {
        return switch (tool) {
            // a pom that sets failOnViolation itself wins over the property: the report is read either way
            case CHECKSTYLE -> List.of("checkstyle:check", "-Dcheckstyle.failOnViolation=false",
                    "-Dcheckstyle.failsOnError=false", "-Dcheckstyle.consoleOutput=false");
            case PMD -> List.of("pmd:pmd", "-Dformat=xml");
            case SPOTBUGS -> List.of("compile", "spotbugs:spotbugs");
            case RUFF, FLAKE8, MYPY -> throw new IllegalArgumentException(tool + " is not a Maven plugin");
        };
    }

    /**
     * Runs {@code tool} in {@code workdir} and keeps the issues in {@code files}. {@code network}: only for the base
     * commit, which is the user's own committed build (as in prepare), so that a plugin not yet in ~/.m2 resolves.
     */
    static ToolRun run(Tool tool, Sandbox sandbox, Path workdir, List<String> files, Duration timeout,
                       boolean network) {
        String report = MavenReports.fileName(tool);
        reports(workdir, report).forEach(MavenGates::delete);
        var argv = new ArrayList<String>();
        argv.add(Files.isExecutable(workdir.resolve("mvnw")) ? "./mvnw" : "mvn");
        argv.add("-B");
        argv.add("-q");
        if (!network) {
            argv.add("-o");
        }
        argv.addAll(goals(tool));
        String command = String.join(" ", argv);
        var limits = new Limits(timeout, 0, 0, 8L << 20, network);
        var spec = ExecSpec.of(argv, workdir, limits).withEnv(Map.of("MAVEN_OPTS", "-Xmx1g -XX:+UseSerialGC",
                "MAVEN_ARGS", ""));
        if (network) {
            spec = spec.withWritable(List.of(m2()));
        }
        ExecResult r = sandbox.exec(spec);
        if (r.timedOut()) {
            return ToolRun.failed(command, r, tool.label() + " timed out after " + ToolRun.duration(timeout));
        }
        List<Path> found = reports(workdir, report);
        if (found.isEmpty()) {
            return ToolRun.failed(command, r, tool.label() + " wrote no " + report + " (exit " + r.exitCode() + "): "
                    + ToolRun.lastLine(r));
        }
        var issues = new ArrayList<Issue>();
        try {
            for (Path p : found) {
                MavenReports.read(tool, p, workdir, files).stream().filter(i -> files.contains(i.path()))
                        .forEach(issues::add);
            }
        } catch (IllegalStateException e) {
            return ToolRun.failed(command, r, e.getMessage());
        }
        return new ToolRun(command, r, issues, null);
    }

    /** Reports under each module's {@code target/} (a multi-module build writes one per module). */
    private static List<Path> reports(Path workdir, String name) {
        try (Stream<Path> s = Files.walk(workdir, 6)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && p.getParent() != null
                    && p.getParent().getFileName().toString().equals("target")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // only in a tree someone else locked down; the log keeps the run's output for whoever reads the result
        }
    }

    private static Path m2() {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        try {
            Files.createDirectories(m2);
        } catch (IOException e) {
            throw new dev.aap.core.EnvironmentException("cannot create " + m2 + ": " + e.getMessage(), e);
        }
        return m2;
    }
}

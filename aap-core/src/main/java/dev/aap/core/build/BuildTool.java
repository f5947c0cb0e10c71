package dev.aap.core.build;

import dev.aap.core.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A project's build and test tool: resolves dependencies once (the only networked step), then runs tests offline.
 */
public interface BuildTool {

    /** {@code maven} or {@code pytest}. */
    String name();

    /** The language the repair engine must handle: {@code java} or {@code python}. */
    String language();

    /** The test command as shown to users. */
    String testCommandLine();

    /**
     * Resolves dependencies and compiles what tests need; may use the network. Test sources that do not compile
     * because they use code that does not exist yet are set aside while preparing (so the rest is prepared) and put
     * back; their project-relative paths are returned (empty when everything compiles).
     */
    java.util.List<String> prepare(BuildContext ctx);

    /**
     * The project-relative test files a compiler or test-collection error names, when every error in it is in a test
     * file and is about code that does not exist (a missing symbol, module or attribute), not a syntax error; empty
     * otherwise (the project is broken, not ahead of its code).
     */
    default java.util.List<String> brokenTestFiles(String compileError) {
        return java.util.List.of();
    }

    /** Runs the tests offline in the sandbox and parses their reports. */
    TestRun runTests(BuildContext ctx);

    /**
     * Runs only the tests in {@code selection} (ids as in reports: {@code pkg.Class#method}, {@code pkg.Class} or
     * pytest node ids); all tests when it is empty or when a custom test command cannot select.
     */
    default TestRun runTests(BuildContext ctx, java.util.List<String> selection) {
        return runTests(ctx);
    }

    /** Source, class and dependency locations of a Java project after {@link #prepare}; empty for other languages. */
    default java.util.Optional<JavaLayout> javaLayout(BuildContext ctx) {
        return java.util.Optional.empty();
    }

    /** The Python interpreter of a Python project; empty for other languages. */
    default java.util.Optional<String> python() {
        return java.util.Optional.empty();
    }

    /**
     * Detects the build tool of {@code projectDir}; {@code testCommand} (may be null) replaces the detected test
     * command. Throws {@link BadInputException} when there is none or it is not supported.
     */
    static BuildTool detect(Path projectDir, String testCommand) {
        if (Files.isRegularFile(projectDir.resolve("pom.xml"))) {
            return new MavenBuild(projectDir, testCommand);
        }
        for (String g : new String[] {"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"}) {
            if (Files.exists(projectDir.resolve(g))) {
                throw new BadInputException("Gradle projects are not supported yet (found " + g + "); aap handles"
                        + " Maven (pom.xml) and pytest projects for now");
            }
        }
        if (looksLikePytest(projectDir)) {
            return new PytestBuild(projectDir, testCommand, PythonLocator.find());
        }
        throw new BadInputException("no test command found in " + projectDir + ": no pom.xml and no pytest tests"
                + " (test_*.py / *_test.py); this version supports Maven and pytest projects");
    }

    private static boolean looksLikePytest(Path dir) {
        for (String marker : new String[] {"pytest.ini", "conftest.py", "tox.ini"}) {
            if (Files.exists(dir.resolve(marker))) {
                return true;
            }
        }
        try (Stream<Path> files = Files.walk(dir, 6)) {
            return files.filter(p -> !p.toString().contains("/.git/"))
                    .map(p -> p.getFileName().toString())
                    .anyMatch(n -> (n.startsWith("test_") && n.endsWith(".py")) || n.endsWith("_test.py"));
        } catch (IOException e) {
            return false;
        }
    }
}

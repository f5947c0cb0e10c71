package dev.aap.core.gates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which gates a repository configures, read from its own files: a tool nobody configured is not the project's gate,
 * so aap does not impose it.
 *
 * @param tools the configured tools, in the order they run
 * @param notes what is configured but needs no run of its own (compiler warnings as errors)
 */
record Detection(List<Tool> tools, List<String> notes) {

    private static final Pattern RUFF_SECTION = Pattern.compile("(?m)^\\s*\\[tool\\.ruff[].]");
    private static final Pattern MYPY_SECTION = Pattern.compile("(?m)^\\s*\\[tool\\.mypy[].]");
    private static final Pattern FLAKE8_SECTION = Pattern.compile("(?m)^\\s*\\[flake8]");
    private static final Pattern MYPY_INI = Pattern.compile("(?m)^\\s*\\[mypy[]-]");
    private static final Pattern WERROR = Pattern.compile("-Werror|<failOnWarning>\\s*true\\s*</failOnWarning>");

    Detection {
        tools = List.copyOf(tools);
        notes = List.copyOf(notes);
    }

    static Detection of(Path projectDir) {
        var tools = new ArrayList<Tool>();
        var notes = new ArrayList<String>();
        String pyproject = read(projectDir, "pyproject.toml");
        if (RUFF_SECTION.matcher(pyproject).find() || exists(projectDir, "ruff.toml", ".ruff.toml")) {
            tools.add(Tool.RUFF);
        }
        if (FLAKE8_SECTION.matcher(read(projectDir, "setup.cfg") + read(projectDir, "tox.ini")
                + read(projectDir, ".flake8")).find()) {
            tools.add(Tool.FLAKE8);
        }
        if (MYPY_SECTION.matcher(pyproject).find() || MYPY_INI.matcher(read(projectDir, "setup.cfg")).find()
                || exists(projectDir, "mypy.ini", ".mypy.ini")) {
            tools.add(Tool.MYPY);
        }
        String pom = read(projectDir, "pom.xml");
        for (Tool t : List.of(Tool.CHECKSTYLE, Tool.PMD, Tool.SPOTBUGS)) {
            if (pom.contains("<artifactId>" + MavenGates.plugin(t) + "</artifactId>")) {
                tools.add(t);
            }
        }
        if (pom.contains("maven-compiler-plugin") && WERROR.matcher(pom).find()) {
            notes.add("compiler warnings are errors (maven-compiler-plugin): the build enforces them, nothing"
                    + " more to run");
        }
        return new Detection(tools, notes);
    }

    private static boolean exists(Path dir, String... names) {
        for (String n : names) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path dir, String name) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            return "";
        }
        try {
            return Files.readString(f, StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            return ""; // an unreadable config is a config the tool cannot read either
        }
    }
}

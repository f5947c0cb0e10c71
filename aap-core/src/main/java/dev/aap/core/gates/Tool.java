package dev.aap.core.gates;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The quality gates aap knows how to run and compare. */
enum Tool {
    RUFF(true), FLAKE8(true), MYPY(true), CHECKSTYLE(false), PMD(false), SPOTBUGS(false);

    /** The names used in {@code .aap/policy.yaml}, in rule ids ({@code lint:<tool>:<rule>}) and in events. */
    static final List<String> NAMES = Arrays.stream(values()).map(Tool::label).toList();

    private final boolean python;

    Tool(boolean python) {
        this.python = python;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Python tools check the files handed to them; Maven plugins check the whole module. */
    boolean python() {
        return python;
    }

    /** Whether a changed file is one this tool reads. */
    boolean reads(String path) {
        return switch (this) {
            case RUFF, FLAKE8 -> path.endsWith(".py");
            case MYPY -> path.endsWith(".py") || path.endsWith(".pyi");
            case CHECKSTYLE, PMD, SPOTBUGS -> path.endsWith(".java");
        };
    }
}

package dev.aap.core.build;

import dev.aap.core.sandbox.Sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a build tool runs.
 *
 * @param sandbox     the sandbox every command goes through
 * @param projectDir  the project directory inside the workspace
 * @param scratch     a writable directory outside the project (reports, class path files)
 * @param testTimeout wall time for one whole test run
 */
public record BuildContext(Sandbox sandbox, Path projectDir, Path scratch, Duration testTimeout) {

    public BuildContext {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(scratch, "scratch");
        Objects.requireNonNull(testTimeout, "testTimeout");
    }
}

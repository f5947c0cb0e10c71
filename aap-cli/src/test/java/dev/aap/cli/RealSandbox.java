package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.sandbox.Sandbox;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that claim to run in the real sandbox get bubblewrap or nothing: under {@code CI=true} an unusable bubblewrap
 * fails them (CI installs it, so that is a broken runner, not a reason to test less); elsewhere they are skipped with
 * the reason. Never a silent fallback to {@code none}. (aap-core's tests have the same helper; aap-core publishes no
 * test jar.)
 */
final class RealSandbox {

    private RealSandbox() {
    }

    /** Fails under CI, or skips elsewhere, when bubblewrap cannot be used here. */
    static void require() {
        String problem = Sandbox.bwrapProblem();
        if (problem == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but bubblewrap cannot be used, so this test would not run in the real sandbox: "
                    + problem);
        }
        Assumptions.abort("bubblewrap cannot be used here (set up under CI=true this fails): " + problem);
    }

    /** The bubblewrap sandbox, after {@link #require()}. */
    static Sandbox bwrap() {
        require();
        return Sandbox.select("bwrap");
    }

    /** Asserts that the run recorded in {@code runDir} ran in bubblewrap, as its run.json says. */
    static void assertRanIn(Path runDir) throws Exception {
        assertThat(new ObjectMapper().readTree(runDir.resolve("run.json").toFile()).path("sandbox").asText())
                .as("sandbox in " + runDir.resolve("run.json")).isEqualTo("bwrap");
    }
}

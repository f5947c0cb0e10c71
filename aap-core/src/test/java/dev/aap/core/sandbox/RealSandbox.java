package dev.aap.core.sandbox;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that claim to run in the real sandbox get bubblewrap or nothing: under {@code CI=true} an unusable bubblewrap
 * fails them (CI installs it, so that is a broken runner, not a reason to test less); elsewhere they are skipped with
 * the reason. Never a silent fallback to {@code none}.
 */
public final class RealSandbox {

    private RealSandbox() {
    }

    /** Fails under CI, or skips elsewhere, when bubblewrap cannot be used here. */
    public static void require() {
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
    public static Sandbox bwrap() {
        require();
        return Sandbox.select("bwrap");
    }
}

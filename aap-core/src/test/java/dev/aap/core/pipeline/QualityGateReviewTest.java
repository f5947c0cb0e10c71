package dev.aap.core.pipeline;

import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run (real git, real pytest and flake8 in bubblewrap) whose brain fixes the failing test but leaves an unused
 * import behind: the repository's flake8 blocks it at review, with file:line and the rule, and the run says why.
 */
class QualityGateReviewTest {

    @TempDir
    Path dir;

    private static final String STOCK = """
            import sys


            def remove(units, n):
                return units + n
            """;

    private static final String TEST_STOCK = """
            from stock import remove


            def test_remove():
                assert remove(5, 2) == 3
            """;


    @Test
    void aGreenPatchThatAddsAFlake8FindingIsBlockedAtReviewWithTheReason() throws Exception {
        Path repo = FixedBrain.repo(dir, Map.of("setup.cfg", "[flake8]\nmax-line-length = 100\n", "stock.py", STOCK,
                "test_stock.py", TEST_STOCK));

        RunResult r = new FixedBrain(Map.of("stock.py", "import os\n" + STOCK.replace("units + n", "units - n")))
                .runOn(dir, repo);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.NEEDS_HUMAN);
        assertThat(r.message()).contains("blocked by policy", "flake8 F401 at stock.py:1", "'os' imported but unused")
                .doesNotContain("sys");
        Path runDir = Path.of(r.runDir());
        assertThat(Files.readString(runDir.resolve("checks/review.sarif"))).contains("lint:flake8:F401");
        assertThat(Files.readString(runDir.resolve("checks/lint-flake8.log"))).contains("== branch", "== base");
        assertThat(Files.readString(runDir.resolve("checks/gates.log"))).startsWith("ran flake8");
        assertThat(Files.readString(runDir.resolve("events.jsonl"))).contains("\"label\":\"lint:flake8\"");
    }
}

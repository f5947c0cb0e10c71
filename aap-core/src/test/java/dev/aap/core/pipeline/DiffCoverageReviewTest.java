package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diff coverage from the verify step's own test run reaches the review: a finding under the policy's threshold,
 * pr.md's line beside the risk, run.json's {@code diff_coverage} and the risk score. Real git, real pytest in the
 * sandbox, a brain that answers with a fixed repair.
 */
class DiffCoverageReviewTest {

    @TempDir
    Path dir;

    private static final String STOCK = """
            def remove(units, n):
                return units + n
            """;

    private static final String TEST_STOCK = """
            from stock import remove


            def test_remove():
                assert remove(5, 2) == 3
            """;

    /** Fixes the bug and adds a guard no test reaches. */
    private static final String FIXED_WITH_UNTESTED_GUARD = """
            def remove(units, n):
                if n > units:
                    raise ValueError("only %d in stock" % units)
                return units - n
            """;


    @Test
    void anUntestedGuardWarnsByDefaultRaisesTheRiskAndIsReportedInPullRequestAndRunJson() throws Exception {
        Path repo = FixedBrain.repo(dir, Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));

        RunResult r = new FixedBrain(Map.of("stock.py", FIXED_WITH_UNTESTED_GUARD)).runOn(dir, repo);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.diffCoverage().summary()).isEqualTo("66% (2/3 changed lines)");
        assertThat(r.diffCoverage().uncovered()).containsExactly(Map.entry("stock.py", List.of(3)));
        assertThat(r.risk().reasons()).contains("diff coverage 66% (+10)");
        String sarif = Files.readString(Path.of(r.runDir()).resolve("checks/review.sarif"));
        assertThat(sarif).contains("diff-coverage", "diff coverage 66% (2/3 changed lines) is below 80%: uncovered"
                + " stock.py:3");
        assertThat(Files.readString(Path.of(r.runDir()).resolve("pr.md")))
                .contains("Diff coverage: 66% (2/3 changed lines).");
        JsonNode cov = new ObjectMapper().readTree(Path.of(r.runDir()).resolve("run.json").toFile())
                .path("diff_coverage");
        assertThat(cov.path("percent").asInt()).isEqualTo(66);
        assertThat(cov.path("covered").asInt()).isEqualTo(2);
        assertThat(cov.path("coverable").asInt()).isEqualTo(3);
        assertThat(cov.path("uncovered").path("stock.py").toString()).isEqualTo("[3]");
    }

    @Test
    void aRightPatchWhoseTestsFailOnlyUnderCoverageRecordingIsVerifiedWithoutCoverage() throws Exception {
        // stands for tests a tracer slows past a per-test time limit: this one fails whenever a tracer is set
        String sensitive = TEST_STOCK + "\n\ndef test_runs_untraced():\n    import sys\n"
                + "    assert sys.gettrace() is None\n";
        Path repo = FixedBrain.repo(dir, Map.of("stock.py", STOCK, "test_stock.py", sensitive));

        RunResult r = new FixedBrain(Map.of("stock.py", FIXED_WITH_UNTESTED_GUARD)).runOn(dir, repo);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.diffCoverage().available()).isFalse();
        assertThat(r.diffCoverage().summary()).contains("failed with coverage recording and passed without it");
    }

    @Test
    void aPolicyThatBlocksOnCoverageStopsTheSamePatch() throws Exception {
        Path repo = FixedBrain.repo(dir, Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK,
                ".aap/policy.yaml", "coverage:\n  min_diff: 90\n  severity: block\n"));

        RunResult r = new FixedBrain(Map.of("stock.py", FIXED_WITH_UNTESTED_GUARD)).runOn(dir, repo);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.NEEDS_HUMAN);
        assertThat(r.policyReasons()).containsExactly("diff coverage 66% (2/3 changed lines) is below 90%: uncovered"
                + " stock.py:3");
    }


}

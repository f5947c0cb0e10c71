package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.sandbox.RealSandbox;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private record Brain(Map<String, String> change) implements PatchStrategy {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean handles(TaskKind kind) {
            return kind == TaskKind.REPAIR;
        }

        @Override
        public StrategyResult run(StrategyContext ctx) {
            return new StrategyResult.Found(List.of(new StrategyResult.Solution(change, "the change", 3, 1.0, 1,
                    List.of())), StrategyResult.Stats.none());
        }
    }

    @Test
    void anUntestedGuardWarnsByDefaultRaisesTheRiskAndIsReportedInPullRequestAndRunJson() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));

        RunResult r = run(new Brain(Map.of("stock.py", FIXED_WITH_UNTESTED_GUARD)), repo);

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
    void aPolicyThatBlocksOnCoverageStopsTheSamePatch() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK,
                ".aap/policy.yaml", "coverage:\n  min_diff: 90\n  severity: block\n"));

        RunResult r = run(new Brain(Map.of("stock.py", FIXED_WITH_UNTESTED_GUARD)), repo);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.NEEDS_HUMAN);
        assertThat(r.policyReasons()).containsExactly("diff coverage 66% (2/3 changed lines) is below 90%: uncovered"
                + " stock.py:3");
    }

    private RunResult run(PatchStrategy brain, Path repo) {
        var pipeline = new Pipeline(RunStore.open(dir.resolve("home")), RealSandbox.bwrap(),
                Map.of("scripted", brain), List.of(), true);
        RunResult result = pipeline.run(new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100));
        assertThat(result.sandbox()).isEqualTo("bwrap");
        return result;
    }

    private Path repo(Map<String, String> files) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        for (var e : files.entrySet()) {
            Files.createDirectories(repo.resolve(e.getKey()).getParent());
            Files.writeString(repo.resolve(e.getKey()), e.getValue());
        }
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        return repo;
    }
}

package dev.aap.core.pipeline;

import dev.aap.core.BadInputException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task kind comes from the baseline, and the verify step holds each kind to its own success criterion: real git,
 * real pytest in the sandbox, a brain that answers with a fixed change.
 */
class TaskKindsTest {

    @TempDir
    Path dir;

    private static final String STOCK = """
            class Stock:
                def __init__(self, units):
                    self.units = units

                def remove(self, n):
                    self.units -= n
                    return self.units
            """;

    private static final String TEST_STOCK = """
            from stock import Stock


            def test_remove_some():
                assert Stock(5).remove(2) == 3
            """;

    private static final String FIXED_STOCK = """
            class Stock:
                def __init__(self, units):
                    self.units = units

                def remove(self, n):
                    if n > self.units:
                        raise ValueError("only %d in stock" % self.units)
                    self.units -= n
                    return self.units
            """;

    private static final String REPRODUCING_TEST = TEST_STOCK + """


            def test_remove_more_than_in_stock_raises():
                import pytest
                with pytest.raises(ValueError):
                    Stock(1).remove(2)
            """;

    /** A brain for every kind (or only repair) that records its context and answers with one change. */
    private record Brain(Set<TaskKind> kinds, Function<StrategyContext, Map<String, String>> change,
                         List<StrategyContext> seen) implements PatchStrategy {

        Brain(Set<TaskKind> kinds, Function<StrategyContext, Map<String, String>> change) {
            this(kinds, change, new ArrayList<>());
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean handles(TaskKind kind) {
            return kinds.contains(kind);
        }

        @Override
        public StrategyResult run(StrategyContext ctx) {
            seen.add(ctx);
            return new StrategyResult.Found(List.of(new StrategyResult.Solution(change.apply(ctx), "the change", 3,
                    1.0, 1, List.of())), StrategyResult.Stats.none());
        }
    }

    @Test
    void issueModeDeliversAChangeWhoseNewTestFailsOnTheBaseCommit() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));
        var brain = new Brain(Set.of(TaskKind.values()), c -> Map.of("stock.py", FIXED_STOCK,
                "test_stock.py", REPRODUCING_TEST));

        RunResult r = run(brain, task(repo, "Removing more than is in stock must raise ValueError"));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.taskKind()).isEqualTo("issue");
        assertThat(brain.seen().get(0).kind()).isEqualTo(TaskKind.ISSUE);
        assertThat(r.tests().newTests()).containsExactly("test_stock.py::test_remove_more_than_in_stock_raises");
        assertThat(r.tests().failToPass()).containsExactly("test_stock.py::test_remove_more_than_in_stock_raises");
        assertThat(r.tests().passToPass()).containsExactly("test_stock.py::test_remove_some");
        assertThat(r.tests().branchRuns()).isEqualTo(3);
        assertThat(r.tests().results().get(0).base()).isEqualTo("failed");
        String pr = Files.readString(Path.of(r.runDir()).resolve("pr.md"));
        assertThat(pr).contains("Task kind **issue**", "| `test_stock.py::test_remove_more_than_in_stock_raises` |"
                + " failed: ", "passed (3 runs in a row)");
    }

    @Test
    void issueModeRefusesAChangeWhoseNewTestsAlsoPassOnTheBaseCommit() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));
        String provesNothing = TEST_STOCK + "\n\ndef test_remove_all():\n    assert Stock(2).remove(2) == 0\n";
        var brain = new Brain(Set.of(TaskKind.values()), c -> Map.of("stock.py", FIXED_STOCK,
                "test_stock.py", provesNothing));

        RunResult r = run(brain, task(repo, "Removing more than is in stock must raise ValueError"));

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.message()).contains("pass on the base commit too", "proves nothing");
        assertThat(r.tests().newTests()).containsExactly("test_stock.py::test_remove_all");
        assertThat(r.tests().failToPass()).isEmpty();
    }

    @Test
    void issueModeRefusesAChangeThatAddsNoTest() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));
        var brain = new Brain(Set.of(TaskKind.values()), c -> Map.of("stock.py", FIXED_STOCK));

        RunResult r = run(brain, task(repo, "Removing more than is in stock must raise ValueError"));

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).contains("adds no test");
    }

    @Test
    void issueModeRefusesAFlakyNewTest() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));
        // fails on the base commit, passes the first branch run, then fails: a counter file in the project
        String flaky = TEST_STOCK + """


                def test_flaky():
                    import os
                    n = int(open("count").read()) if os.path.exists("count") else 0
                    open("count", "w").write(str(n + 1))
                    assert hasattr(Stock, "restock") and n < 2
                """;
        String withRestock = FIXED_STOCK + "\n    def restock(self, n):\n        self.units += n\n";
        var brain = new Brain(Set.of(TaskKind.values()), c -> Map.of("stock.py", withRestock,
                "test_stock.py", flaky));

        RunResult r = run(brain, task(repo, "Add restock"));

        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.message()).contains("flaky");
    }

    @Test
    void issueModeWithABrainThatOnlyRepairsIsBadInput() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK));
        var brain = new Brain(Set.of(TaskKind.REPAIR), c -> Map.of());

        assertThatThrownBy(() -> run(brain, task(repo, "Removing more than is in stock must raise ValueError")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs a model");
        assertThat(brain.seen()).isEmpty();
    }

    @Test
    void repairWithATargetLeavesOtherPreexistingFailuresAlone() throws Exception {
        String tests = TEST_STOCK + """


                def test_remove_returns_units_left():
                    assert Stock(5).remove(5) == 0 and Stock(3).remove(1) == 2


                def test_unrelated_and_broken():
                    assert Stock(1).units == 2
                """;
        // wrong only when everything is removed: test_remove_some passes, the target fails
        String buggy = STOCK.replace("return self.units", "return self.units or None");
        Path repo = repo(Map.of("stock.py", buggy, "test_stock.py", tests));
        var brain = new Brain(Set.of(TaskKind.REPAIR), c -> Map.of("stock.py", STOCK));
        var task = new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100, null, null, null,
                List.of("test_stock.py::test_remove_returns_units_left"), false);

        RunResult r = run(brain, task);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(brain.seen().get(0).targets()).containsExactly("test_stock.py::test_remove_returns_units_left");
        assertThat(r.tests().preexistingFailures()).containsExactly("test_stock.py::test_unrelated_and_broken");
        assertThat(r.tests().passToPass()).containsExactly("test_stock.py::test_remove_some");
        String pr = Files.readString(Path.of(r.runDir()).resolve("pr.md"));
        assertThat(pr).contains("Pre-existing failures", "test_unrelated_and_broken");
    }

    @Test
    void aChangeThatLoosensAFailingTestsExpectationNeedsAHuman() throws Exception {
        String failing = TEST_STOCK.replace("== 3", "== 2");
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", failing));
        // the "fix" edits the test back to what the code does, instead of the code
        var brain = new Brain(Set.of(TaskKind.REPAIR), c -> Map.of("test_stock.py", failing.replace("== 2", "== 3")));

        RunResult r = run(brain, task(repo, ""));

        assertThat(r.status()).isEqualTo(RunStatus.NEEDS_HUMAN);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.message()).contains("test_stock.py:5:", "test_remove_some", "expected value");
        assertThat(r.branch()).isNull();
    }

    @Test
    void theUserMayAllowTestEditsAndThePullRequestSaysSo() throws Exception {
        String failing = TEST_STOCK.replace("== 3", "== 2");
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", failing));
        var brain = new Brain(Set.of(TaskKind.REPAIR), c -> Map.of("test_stock.py", failing.replace("== 2", "== 3")));
        var task = new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100, null, null, null, List.of(),
                true);

        RunResult r = run(brain, task);

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.allowedTestEdits()).singleElement().asString().contains("test_stock.py:5:");
        assertThat(Files.readString(Path.of(r.runDir()).resolve("pr.md"))).contains("--allow-test-edits",
                "test_stock.py:5:");
    }

    @Test
    void aTargetThatPassesAtTheBaseCommitIsBadInput() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK + "\n\ndef test_bad():\n"
                + "    assert False\n"));
        var task = new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100, null, null, null,
                List.of("test_stock.py::test_remove_some"), false);

        assertThatThrownBy(() -> run(new Brain(Set.of(TaskKind.REPAIR), c -> Map.of()), task))
                .isInstanceOf(BadInputException.class).hasMessageContaining("passes at the base commit")
                .hasMessageContaining("test_stock.py::test_bad");
    }

    @Test
    void testsThatImportCodeNotWrittenYetAreTestFirstWork() throws Exception {
        String tdd = "from stock import Stock, total_units\n\n\ndef test_total():\n"
                + "    assert total_units([Stock(1), Stock(2)]) == 3\n";
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", TEST_STOCK, "test_total.py", tdd));
        var brain = new Brain(Set.of(TaskKind.values()), c -> Map.of("stock.py", STOCK
                + "\n\ndef total_units(stocks):\n    return sum(s.units for s in stocks)\n"));

        RunResult r = run(brain, task(repo, ""));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.taskKind()).isEqualTo("tdd");
        StrategyContext seen = brain.seen().get(0);
        assertThat(seen.targets()).containsExactly("test_total.py");
        assertThat(seen.brokenTests()).contains("ImportError");
        // the baseline ran without the file that cannot be collected, so the other tests' results are known
        assertThat(seen.baseline().report().cases()).extracting(c -> c.id())
                .containsExactly("test_stock.py::test_remove_some");
        assertThat(r.tests().failToPass()).containsExactly("test_total.py::test_total");
        assertThat(r.tests().passToPass()).containsExactly("test_stock.py::test_remove_some");
    }

    @Test
    void testFirstWorkWithoutAModelIsBadInput() throws Exception {
        String tdd = "from stock import total_units\n\n\ndef test_total():\n    assert total_units([]) == 0\n";
        Path repo = repo(Map.of("stock.py", STOCK, "test_total.py", tdd));

        assertThatThrownBy(() -> run(new Brain(Set.of(TaskKind.REPAIR), c -> Map.of()), task(repo, "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("test-first")
                .hasMessageContaining("--model");
    }

    @Test
    void aSyntaxErrorInATestIsNotTestFirstWork() throws Exception {
        Path repo = repo(Map.of("stock.py", STOCK, "test_stock.py", "def test_x(:\n    pass\n"));

        assertThatThrownBy(() -> run(new Brain(Set.of(TaskKind.values()), c -> Map.of()), task(repo, "")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("do not compile");
    }

    private Task task(Path repo, String issue) {
        return new Task(repo, issue, null, "scripted", Duration.ofSeconds(60), 100);
    }

    private RunResult run(PatchStrategy brain, Task task) {
        var pipeline = new Pipeline(RunStore.open(dir.resolve("home")), RealSandbox.bwrap(),
                Map.of("scripted", brain), List.of(), true);
        RunResult result = pipeline.run(task);
        assertThat(result.sandbox()).isEqualTo("bwrap");
        return result;
    }

    private Path repo(Map<String, String> files) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        for (var e : files.entrySet()) {
            Files.writeString(repo.resolve(e.getKey()), e.getValue());
        }
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        return repo;
    }
}

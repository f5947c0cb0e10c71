package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task.json reader, scoring without a patch, and the report's sums; real files and real git, no test runs. */
class BenchTaskTest {

    private static final String VALID = """
            {"name": "t", "language": "python", "kind_expected": "issue", "issue": "x is wrong",
             "FAIL_TO_PASS": ["test_x.py::test_new"], "PASS_TO_PASS": ["test_x.py::test_old"],
             "hidden_tests": ["test_x.py"]}
            """;

    @TempDir
    Path root;

    private Path task(String json) throws Exception {
        Path dir = Files.createDirectories(root.resolve("t"));
        Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/x.py"), "def x():\n    return 1\n");
        Files.writeString(dir.resolve("repo/test_x.py"), "from x import x\n\n\ndef test_old():\n    assert x()\n");
        Files.createDirectories(dir.resolve("hidden"));
        Files.writeString(dir.resolve("hidden/test_x.py"), "def test_new():\n    assert False\n");
        Files.writeString(dir.resolve("task.json"), json);
        return dir;
    }

    @Test
    void readsAValidTask() throws Exception {
        BenchTask t = BenchTask.read(task(VALID));
        assertThat(t.name()).isEqualTo("t");
        assertThat(t.failToPass()).containsExactly("test_x.py::test_new");
        assertThat(t.hiddenTests()).containsExactly("test_x.py");
        assertThat(t.testCommand()).isNull();
        assertThat(BenchTask.isSuite(root)).isTrue();
    }

    @Test
    void namesEveryMissingField() throws Exception {
        Path dir = task("{\"name\": \"t\", \"language\": \"python\", \"FAIL_TO_PASS\": [], \"hidden_tests\":"
                + " [\"test_x.py\"]}");
        assertThatThrownBy(() -> BenchTask.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve("task.json").toString())
                .hasMessageContaining("missing field 'kind_expected'")
                .hasMessageContaining("missing field 'issue'")
                .hasMessageContaining("missing field 'PASS_TO_PASS'")
                .hasMessageContaining("'FAIL_TO_PASS' is empty");
    }

    @Test
    void saysWhichHiddenFileIsMissing() throws Exception {
        Path dir = task(VALID.replace("[\"test_x.py\"]}", "[\"test_x.py\", \"tests/test_more.py\"]}"));
        assertThatThrownBy(() -> BenchTask.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("hidden_tests lists 'tests/test_more.py' but hidden/tests/test_more.py does"
                        + " not exist");
    }

    @Test
    void refusesHiddenFilesTheTaskDoesNotList() throws Exception {
        Path dir = task(VALID);
        Files.writeString(dir.resolve("hidden/test_extra.py"), "def test_e():\n    pass\n");
        assertThatThrownBy(() -> BenchTask.read(dir))
                .hasMessageContaining("hidden/test_extra.py is not listed in hidden_tests");
    }

    @Test
    void refusesUnknownValuesAndFields() throws Exception {
        Path dir = task(VALID.replace("\"python\"", "\"rust\"").replace("\"issue\": \"x is wrong\"",
                "\"issue\": \"x is wrong\", \"hints\": \"look at x\""));
        assertThatThrownBy(() -> BenchTask.read(dir))
                .hasMessageContaining("'language' is 'rust'; use java or python")
                .hasMessageContaining("unknown field 'hints'");
    }

    @Test
    void refusesPathsOutsideTheProjectAndAWrongName() throws Exception {
        Path dir = task(VALID.replace("\"name\": \"t\"", "\"name\": \"other\"")
                .replace("[\"test_x.py\"]}", "[\"test_x.py\", \"../task.json\"]}"));
        assertThatThrownBy(() -> BenchTask.read(dir))
                .hasMessageContaining("name 'other' differs from the folder's name 't'")
                .hasMessageContaining("'../task.json' must be a plain project-relative path");
    }

    @Test
    void refusesWhatIsNotJson() throws Exception {
        Path dir = task("{\"name\": ");
        assertThatThrownBy(() -> BenchTask.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("task.json is not valid JSON");
    }

    @Test
    void theEngineCopyHoldsRepoOnlyAsOneCommit() throws Exception {
        BenchTask t = BenchTask.read(task(VALID));
        Path copy = t.copyRepo(root.resolve("engine"));
        assertThat(Cli.git(copy, "ls-files")).isEqualTo("test_x.py\nx.py");
        assertThat(Cli.git(copy, "rev-list", "--count", "HEAD")).isEqualTo("1");
        assertThat(Files.readString(copy.resolve("test_x.py"))).doesNotContain("test_new");
    }

    @Test
    void aRunWithoutAPatchOrWithOneThatDoesNotApplyIsUnresolvedWithoutRunningTests() throws Exception {
        BenchTask t = BenchTask.read(task(VALID));
        var scorer = new BenchTaskScorer(Sandbox.select("none"));
        BenchTaskScore none = scorer.score(t, null, Files.createDirectory(root.resolve("s1")));
        assertThat(none.ran()).isFalse();
        assertThat(none.resolved()).isFalse();
        assertThat(none.detail()).isEqualTo("the run produced no patch");
        assertThat(none.passToPassPassed()).isNull();
        String stale = "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n def x():\n-    return 7\n+    return 2\n";
        BenchTaskScore bad = scorer.score(t, stale, Files.createDirectory(root.resolve("s2")));
        assertThat(bad.ran()).isFalse();
        assertThat(bad.detail()).startsWith("the patch does not apply to the base commit");
    }

    @Test
    void theShippedTasksAreThreeMavenAndThreePytestIssueTasks() throws Exception {
        Path shipped = Path.of(System.getProperty("user.dir")).getParent().resolve("bench/tasks");
        List<BenchTask> tasks = BenchTask.find(shipped, null, List.of());
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(6);
        assertThat(tasks.stream().filter(t -> t.language().equals("java"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tasks.stream().filter(t -> t.language().equals("python"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tasks).allMatch(t -> Files.isRegularFile(t.dir().resolve("repo/pom.xml"))
                == t.language().equals("java"));
        // an issue must not give away the hidden tests
        assertThat(tasks).allSatisfy(t -> t.failToPass().forEach(id ->
                assertThat(t.issue()).doesNotContain(id.replaceAll(".*(::|#)", ""))));
    }

    @Test
    void theReportSumsRowsAndCountsPassToPassOnlyWhereAPatchWasTested() throws Exception {
        var solved = new BenchTaskRow("a", "python", "issue", "issue", true, "SUCCEEDED", "r1", 3, 3, 6, 6, 5, 500,
                100, 0.01, true, 20, 2, List.of(), "verified patch");
        var empty = new BenchTaskRow("b", "java", "issue", "issue", false, "FAILED", "r2", 0, 2, null, 4, 8, 900,
                200, 0.02, true, 30, 0, List.of(), "no plausible patch");
        Map<String, Object> t = BenchTaskReport.totals(List.of(solved, empty));
        assertThat(t).containsEntry("resolved", 1L).containsEntry("fail_to_pass_passed", 3)
                .containsEntry("fail_to_pass_total", 5).containsEntry("pass_to_pass_total", 6)
                .containsEntry("model_calls", 13).containsEntry("input_tokens", 1400L).containsEntry("cost_usd", 0.03);
        var text = new StringWriter();
        BenchTaskReport.print(List.of(solved, empty), Map.of(), false, new PrintWriter(text));
        assertThat(text.toString()).contains("resolved 1/2 (50%); fail-to-pass 3/5 (60%)")
                .containsPattern("b +java +no +FAILED +0/2 +-/4 +8");
    }
}

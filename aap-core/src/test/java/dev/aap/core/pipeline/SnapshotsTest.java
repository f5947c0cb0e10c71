package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestReport;
import dev.aap.core.build.TestRun;
import dev.aap.core.integrate.Narrative;
import dev.aap.core.run.ModelUsage;
import dev.aap.core.run.TaskKind;
import dev.aap.core.sandbox.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each step's snapshot survives JSON → record → JSON unchanged, in the shape a server stores as JSONB. */
class SnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prepareSnapshotRoundTripsAndRebuildsTheBaseline() throws Exception {
        String text = """
                {"v":1,"base_commit":"0123456789abcdef0123456789abcdef01234567","task_kind":"repair",
                 "targets":["test_stock.py::test_remove_some"],"broken_tests":null,
                 "baseline":{"command":"python -m pytest","exit_code":1,"timed_out":false,"output_truncated":false,
                   "elapsed_ms":812,"stdout":"1 failed, 1 passed","stderr":"","compile_error":null,
                   "cases":[{"id":"test_stock.py::test_remove_some","outcome":"FAILED","message":"assert 2 == 3"},
                            {"id":"test_stock.py::test_add","outcome":"PASSED","message":""}]}}
                """;

        var snap = roundTrip(text, Snapshots.PrepareSnapshot.class);

        Baseline base = snap.toBaseline();
        assertThat(base.kind()).isEqualTo(TaskKind.REPAIR);
        assertThat(base.run().report().failing()).extracting(TestCase::id)
                .containsExactly("test_stock.py::test_remove_some");
        assertThat(base.run().exec().elapsed()).isEqualTo(Duration.ofMillis(812));
        assertThat(Snapshots.PrepareSnapshot.of(snap.baseCommit(), base)).isEqualTo(snap);
    }

    @Test
    void codeSnapshotRoundTripsSolutionsAndStats() throws Exception {
        var found = new StrategyResult.Found(List.of(
                new StrategyResult.Solution(Map.of("stock.py", "x = 1\n"), "set x", 1, 0.75, 120,
                        List.of("test_stock.py::test_x"), new Narrative("fix: set x", Map.of("Purpose", "x"),
                        "approve", List.of("small"))),
                new StrategyResult.Solution(Map.of("stock.py", "x = 2\n", "new.py", ""), "other", 2, 0.5, 300,
                        List.of())),
                new StrategyResult.Stats(10, 8, 7, 40, 120, new ModelUsage(3, 1000, 200, 0.01, true,
                        Map.of("coder", 3)), List.of("1: SUBMITTED")));
        String text = JSON.writeValueAsString(Snapshots.toJson(Snapshots.CodeSnapshot.of(found)));

        var snap = roundTrip(text, Snapshots.CodeSnapshot.class);

        assertThat(snap.toFound()).isEqualTo(found);
        assertThat(JSON.readTree(text).at("/solutions/0/changed_lines").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(text).at("/stats/usage/calls_by_role/coder").asInt()).isEqualTo(3);
    }

    @Test
    void verifyReviewAndIntegrateSnapshotsRoundTrip() throws Exception {
        roundTrip("""
                {"v":1,"chosen":0,"patch":"diff --git a/x b/x\\n","proof":{"command":"pytest","exit_code":0,
                 "timed_out":false,"output_truncated":false,"elapsed_ms":5,"stdout":"","stderr":"",
                 "compile_error":null,"cases":[{"id":"t::a","outcome":"PASSED","message":""}]},
                 "evidence":{"targets":["t::a"],"new":[],"fail_to_pass":["t::a"],"pass_to_pass":[],
                 "preexisting_failures":[],"results":[{"test":"t::a","base":"failed","base_message":"boom",
                 "branch":"passed"}],"branch_runs":1}}
                """, Snapshots.VerifySnapshot.class);
        roundTrip("""
                {"v":1,"branch":"aap/20250101-000000-abcdef-fix","commit_message":"fix: x\\n\\nGenerated-by: aap",
                 "allowed_test_edits":["t.py:5: expected value changed"]}
                """, Snapshots.ReviewSnapshot.class);
        roundTrip("""
                {"v":1,"branch":"aap/20250101-000000-abcdef-fix","commit":"0123456789abcdef0123456789abcdef01234567"}
                """, Snapshots.IntegrateSnapshot.class);
    }

    @Test
    void aTestRunKeepsOnlyTheEndOfALongOutput() {
        String longOut = "x".repeat(Snapshots.OUTPUT_CHARS) + "the end";
        var run = new TestRun("pytest", new ExecResult(1, longOut, "", false, false, Duration.ofMillis(3)),
                new TestReport(List.of()), null);

        var snap = Snapshots.TestRunSnapshot.of(run, true);

        assertThat(snap.stdout()).hasSize(Snapshots.OUTPUT_CHARS).endsWith("the end");
        assertThat(snap.outputTruncated()).isTrue();
        assertThat(Snapshots.TestRunSnapshot.of(run, false).stdout()).isEmpty();
    }

    @Test
    void anotherVersionOrAMalformedSnapshotDoesNotLoad() throws Exception {
        String[] problem = new String[1];

        assertThat(Snapshots.read(JSON.readTree("{\"v\":2,\"branch\":\"b\",\"commit\":\"c\"}"),
                Snapshots.IntegrateSnapshot.class, problem)).isEmpty();
        assertThat(problem[0]).contains("snapshot version 2");
        assertThat(Snapshots.read(JSON.readTree("{\"v\":1,\"branch\":\"b\"}"), Snapshots.IntegrateSnapshot.class,
                problem)).isEmpty();
        assertThat(Snapshots.read(JSON.readTree("[1,2]"), Snapshots.CodeSnapshot.class, problem)).isEmpty();
        assertThat(Snapshots.read(JSON.readTree("{\"v\":1,\"solutions\":[],\"stats\":{}}"),
                Snapshots.CodeSnapshot.class, problem)).isEmpty();
    }

    @Test
    void directoryCheckpointsKeepEachStepInItsOwnFile() throws Exception {
        Checkpoints cps = Checkpoints.inDirectory(dir);
        JsonNode out = JSON.readTree("{\"v\":1,\"branch\":\"b\",\"commit\":\"c\"}");

        cps.save("integrate", out);

        assertThat(cps.load("integrate")).contains(out);
        assertThat(cps.load("code")).isEmpty();
        assertThat(dir.resolve("steps/integrate.json")).exists();
        try (var files = Files.list(dir.resolve("steps"))) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("integrate.json");
        }
        Files.writeString(dir.resolve("steps/code.json"), "{\"v\":1,");
        assertThatThrownBy(() -> cps.load("code")).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("code.json");
        assertThat(Checkpoints.none().load("integrate")).isEqualTo(Optional.empty());
    }

    /** Parses {@code text} into a snapshot and asserts that writing it again gives the same JSON. */
    private static <T> T roundTrip(String text, Class<T> type) throws Exception {
        JsonNode in = JSON.readTree(text);
        String[] problem = new String[1];
        T snap = Snapshots.read(in, type, problem).orElseThrow(() -> new AssertionError(problem[0]));
        // through text: a tree built from a record holds longs where a parsed one holds ints
        assertThat(JSON.readTree(JSON.writeValueAsString(Snapshots.toJson(snap)))).isEqualTo(in);
        return snap;
    }
}

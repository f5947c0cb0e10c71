package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.run.RunId;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run whose process dies goes on from its last finished step in a new pipeline: real git, real pytest in the
 * sandbox, a brain that counts its calls. The "death" is an Error thrown from the checkpoint store, which nothing in
 * the pipeline catches, so run.json stays RUNNING and no run_finished is logged, as after a SIGKILL.
 */
class ResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STOCK = """
            class Stock:
                def __init__(self, units):
                    self.units = units

                def remove(self, n):
                    self.units -= n
                    return self.units
            """;

    private static final String TESTS = """
            from stock import Stock


            def test_remove_some():
                assert Stock(5).remove(2) == 3


            def test_units():
                assert Stock(4).units == 4
            """;

    @TempDir
    Path dir;

    /** The process dying: nothing in the pipeline catches it. */
    private static final class Killed extends Error {
        Killed(String step) {
            super("killed after " + step);
        }
    }

    /** Checkpoints in the run directory that "kill the process" around saving {@code step}. */
    private record Dying(Checkpoints real, String step, boolean saveFirst) implements Checkpoints {
        @Override
        public Optional<JsonNode> load(String s) {
            return real.load(s);
        }

        @Override
        public void save(String s, JsonNode output) {
            if (s.equals(step) && !saveFirst) {
                throw new Killed(s);
            }
            real.save(s, output);
            if (s.equals(step)) {
                throw new Killed(s);
            }
        }
    }

    private static final class Brain implements PatchStrategy {
        final AtomicInteger calls = new AtomicInteger();

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
            calls.incrementAndGet();
            return new StrategyResult.Found(List.of(new StrategyResult.Solution(Map.of("stock.py", STOCK),
                    "return the units left", 1, 1.0, 5, List.of("test_stock.py::test_remove_some"))),
                    new StrategyResult.Stats(4, 3, 3, 10, 5));
        }
    }

    @Test
    void aRunKilledAfterCodeGoesOnWithoutAskingTheBrainAgain() throws Exception {
        Path repo = repo();
        var brain = new Brain();
        RunId id = RunId.next();
        Path runDir = store().runDir(id);

        assertThatThrownBy(() -> pipeline(brain).run(task(repo), id, new Dying(Checkpoints.inDirectory(runDir),
                "code", true))).isInstanceOf(Killed.class);
        JsonNode before = JSON.readTree(runDir.resolve("run.json").toFile());
        assertThat(before.get("status").asText()).isEqualTo("RUNNING");
        // a killed process leaves its workspace behind
        Files.createDirectories(store().workspaceDir(id).resolve("leftover"));

        RunResult r = pipeline(brain).run(TaskFile.read(runDir), id, Checkpoints.inDirectory(runDir));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(brain.calls).hasValue(1);
        assertThat(Git.check(repo, "for-each-ref", "--format=%(refname)", "refs/heads/aap")).isEqualTo(
                "refs/heads/" + r.branch());
        assertThat(Git.check(repo, "rev-list", "--count", "main.." + r.branch())).isEqualTo("1");
        List<JsonNode> events = events(runDir);
        assertThat(events).extracting(e -> e.get("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("run_resumed"))
                .singleElement().satisfies(e -> assertThat(e.get("finishedSteps").toString())
                        .isEqualTo("[\"prepare\",\"code\"]"));
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("step_finished")
                        && e.get("summary").asText().startsWith("resumed from checkpoint"))
                .extracting(e -> e.get("step").asText()).containsExactly("prepare", "code");
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("checks_ran"))
                .extracting(e -> e.get("label").asText()).containsExactly("baseline", "verify");
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("run_finished")).hasSize(1);

        JsonNode resumed = JSON.readTree(runDir.resolve("run.json").toFile());
        assertThat(resumed.get("baseline_ms")).isEqualTo(before.get("baseline_ms"));
        assertThat(resumed.get("task_kind").asText()).isEqualTo("repair");
        assertThat(resumed.at("/tests/fail_to_pass/0").asText()).isEqualTo("test_stock.py::test_remove_some");
        assertThat(resumed.get("candidates").asInt()).isEqualTo(4);
        RunResult whole = pipeline(new Brain()).run(task(repo));
        JsonNode uninterrupted = JSON.readTree(Path.of(whole.runDir()).resolve("run.json").toFile());
        for (String field : List.of("status", "exit_code", "base_commit", "build_tool", "test_command",
                "baseline_tests", "failing_tests", "patch", "changed_lines", "candidates", "validated",
                "first_plausible_ms", "alternatives", "usage", "task_kind", "tests", "allowed_test_edits",
                "attempts")) {
            assertThat(resumed.get(field)).as(field).isEqualTo(uninterrupted.get(field));
        }
    }

    @Test
    void aRunThatIntegratedIsNotCommittedAgain() throws Exception {
        Path repo = repo();
        var brain = new Brain();
        RunId id = RunId.next();
        Path runDir = store().runDir(id);
        RunResult first = pipeline(brain).run(task(repo), id, Checkpoints.inDirectory(runDir));

        RunResult again = pipeline(brain).run(TaskFile.read(runDir), id, Checkpoints.inDirectory(runDir));

        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.commit()).isEqualTo(first.commit());
        assertThat(again.branch()).isEqualTo(first.branch());
        assertThat(brain.calls).hasValue(1);
        assertThat(Git.check(repo, "rev-list", "--count", "main.." + first.branch())).isEqualTo("1");
        assertThat(events(runDir)).filteredOn(e -> e.get("type").asText().equals("integrated")).hasSize(1);
    }

    @Test
    void aBranchPublishedJustBeforeTheProcessDiedIsKept() throws Exception {
        Path repo = repo();
        var brain = new Brain();
        RunId id = RunId.next();
        Path runDir = store().runDir(id);
        assertThatThrownBy(() -> pipeline(brain).run(task(repo), id, new Dying(Checkpoints.inDirectory(runDir),
                "integrate", false))).isInstanceOf(Killed.class);
        String branch = Git.check(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/aap");
        String tip = Git.check(repo, "rev-parse", branch);

        RunResult r = pipeline(brain).run(TaskFile.read(runDir), id, Checkpoints.inDirectory(runDir));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.branch()).isEqualTo(branch);
        assertThat(r.commit()).isEqualTo(tip);
        assertThat(Git.check(repo, "rev-list", "--count", "main.." + branch)).isEqualTo("1");
        assertThat(runDir.resolve("steps/integrate.json")).exists();
    }

    @Test
    void aCorruptCheckpointMakesItsStepRunAgain() throws Exception {
        Path repo = repo();
        var brain = new Brain();
        RunId id = RunId.next();
        Path runDir = store().runDir(id);
        assertThatThrownBy(() -> pipeline(brain).run(task(repo), id, new Dying(Checkpoints.inDirectory(runDir),
                "verify", true))).isInstanceOf(Killed.class);
        Files.writeString(runDir.resolve("steps/code.json"), "{\"v\":1,\"solutions\":[{\"fil");

        RunResult r = pipeline(brain).run(TaskFile.read(runDir), id, Checkpoints.inDirectory(runDir));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(brain.calls).hasValue(2);
        List<JsonNode> events = events(runDir);
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("warning"))
                .anySatisfy(e -> assertThat(e.get("message").asText()).contains("checkpoint 'code'", "run again"));
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("run_resumed"))
                .singleElement().satisfies(e -> assertThat(e.get("finishedSteps").toString())
                        .isEqualTo("[\"prepare\"]"));
    }

    @Test
    void aCheckpointOfAnotherVersionRunsItsStepAndTheLaterOnesAgain() throws Exception {
        Path repo = repo();
        var brain = new Brain();
        RunId id = RunId.next();
        Path runDir = store().runDir(id);
        assertThatThrownBy(() -> pipeline(brain).run(task(repo), id, new Dying(Checkpoints.inDirectory(runDir),
                "code", true))).isInstanceOf(Killed.class);
        Path prepare = runDir.resolve("steps/prepare.json");
        Files.writeString(prepare, Files.readString(prepare).replace("\"v\":1", "\"v\":2"));

        RunResult r = pipeline(brain).run(TaskFile.read(runDir), id, Checkpoints.inDirectory(runDir));

        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(brain.calls).hasValue(2);
        assertThat(events(runDir)).filteredOn(e -> e.get("type").asText().equals("checks_ran"))
                .extracting(e -> e.get("label").asText()).containsExactly("baseline", "baseline", "verify");
        assertThat(Files.readString(prepare)).contains("\"v\":1");
    }

    private Pipeline pipeline(PatchStrategy brain) {
        return new Pipeline(store(), RealSandbox.bwrap(), Map.of("scripted", brain), List.of(), false);
    }

    private RunStore store() {
        return RunStore.open(dir.resolve("home"));
    }

    private static Task task(Path repo) {
        return new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100);
    }

    private static List<JsonNode> events(Path runDir) throws Exception {
        var out = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(runDir.resolve("events.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private Path repo() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("stock.py"), STOCK.replace("return self.units", "return self.units - 1"));
        Files.writeString(repo.resolve("test_stock.py"), TESTS);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        return repo;
    }
}

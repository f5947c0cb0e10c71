package dev.aap.core.pipeline;

import dev.aap.core.BadInputException;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.RealSandbox;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the pipeline does around a brain's patches, with real git and real pytest in bubblewrap: a patch the brain's
 * fast runner liked but the project's own test command rejects gives way to the next, and a baseline that does not
 * finish stops the run with advice before any brain runs.
 */
class VerifyFallbackTest {

    @TempDir
    Path dir;

    private static final String STOCK = """
            class Stock:
                def __init__(self, units):
                    self.units = units

                def remove(self, n):
                    self.units += n
                    return self.units
            """;
    private static final String TEST = """
            from stock import Stock


            def test_remove_some():
                assert Stock(5).remove(2) == 3


            def test_remove_none():
                assert Stock(5).remove(0) == 5
            """;

    /** A brain whose (imagined) fast runner found these patches plausible, best first. */
    private record Brain(List<StrategyResult.Solution> solutions) implements PatchStrategy {

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public boolean handles(TaskKind kind) {
            return true;
        }

        @Override
        public StrategyResult run(StrategyContext ctx) {
            return new StrategyResult.Found(solutions, StrategyResult.Stats.none());
        }
    }

    private static StrategyResult.Solution solution(String text, String summary) {
        return new StrategyResult.Solution(Map.of("stock.py", text), summary, 1, 1.0, 1, List.of());
    }

    @Test
    void triesTheNextPatchWhenTheRealTestCommandRejectsTheFirst() throws Exception {
        // passes remove(2) == 3 but breaks remove(0) == 5: what a runner that stops at the first target would accept
        var overfitted = solution(STOCK.replace("self.units += n", "self.units = 3"), "store 3");
        var right = solution(STOCK.replace("self.units += n", "self.units -= n"), "subtract n");
        Path repo = repo(TEST);

        RunResult r = pipeline(RealSandbox.bwrap(), new Brain(List.of(overfitted, right))).run(task(repo));

        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.patch()).contains("+        self.units -= n").doesNotContain("self.units = 3");
        String events = Files.readString(Path.of(r.runDir()).resolve("events.jsonl"));
        assertThat(events).contains("'store 3' is not verified by");
    }

    @Test
    void aBaselineThatDoesNotFinishStopsTheRunWithAdvice() throws Exception {
        Path repo = repo(TEST + """


                def test_waits_forever():
                    import time
                    time.sleep(600)
                """);
        var brain = new Brain(List.of(solution(STOCK, "never asked")));

        Pipeline pipeline = pipeline(new ShortTests(RealSandbox.bwrap()), brain);

        // the user's input is at fault (the test command), which the CLI maps to its exit code
        assertThatThrownBy(() -> pipeline.run(task(repo))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the baseline test run did not finish")
                .hasMessageContaining("faster --test command");
    }

    /** The real sandbox with test runs cut at 3 s, so a hanging baseline times out in a test's time. */
    private record ShortTests(Sandbox real) implements Sandbox {

        private ExecSpec cut(ExecSpec spec) {
            if (!String.join(" ", spec.command()).contains("pytest")) {
                return spec;
            }
            Limits l = spec.limits();
            return new ExecSpec(spec.command(), spec.workdir(), spec.writable(), spec.env(),
                    new Limits(Duration.ofSeconds(3), l.memoryBytes(), l.maxProcesses(), l.maxOutputBytes(),
                            l.network()));
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public boolean isolates() {
            return real.isolates();
        }

        @Override
        public ExecResult exec(ExecSpec spec) {
            return real.exec(cut(spec));
        }

        @Override
        public Process start(ExecSpec spec) {
            return real.start(cut(spec));
        }
    }

    private Path repo(String test) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("stock.py"), STOCK);
        Files.writeString(repo.resolve("test_stock.py"), test);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        return repo;
    }

    private Pipeline pipeline(Sandbox sandbox, PatchStrategy brain) {
        return new Pipeline(RunStore.open(dir.resolve("home")), sandbox, Map.of("scripted", brain), List.of(), true);
    }

    private static Task task(Path repo) {
        return new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100);
    }
}

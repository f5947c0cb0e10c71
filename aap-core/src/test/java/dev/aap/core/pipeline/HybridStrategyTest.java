package dev.aap.core.pipeline;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.TestReport;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.EventLog;
import dev.aap.core.run.ModelUsage;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Git;
import dev.aap.core.workspace.SourceRepo;
import dev.aap.core.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Hybrid: the first brain gets a slice of the budget; when it finds nothing, the second gets its suspicions. */
class HybridStrategyTest {

    @TempDir
    Path dir;

    /** A brain that records what it was given and answers with a fixed result. */
    private record Brain(String name, Function<StrategyContext, StrategyResult> answer, List<StrategyContext> seen)
            implements PatchStrategy {

        Brain(String name, Function<StrategyContext, StrategyResult> answer) {
            this(name, answer, new ArrayList<>());
        }

        @Override
        public StrategyResult run(StrategyContext ctx) {
            seen.add(ctx);
            return answer.apply(ctx);
        }
    }

    @Test
    void handsSuspiciousLinesToTheSecondBrainAndAddsUpTheEffort() throws Exception {
        var search = new Brain("search", c -> new StrategyResult.NotFound("no candidate passed",
                new StrategyResult.Stats(40, 40, 38, 12, -1), List.of("calc.py:3", "calc.py:7")));
        var llm = new Brain("llm", c -> new StrategyResult.Found(List.of(new StrategyResult.Solution(
                Map.of("calc.py", "x = 2\n"), "fix", 1, 1.0, 5, List.of())),
                new StrategyResult.Stats(1, 2, 2, 30, 900, new ModelUsage(5, 500, 100, 0.01, true))));
        StrategyContext ctx = context(Duration.ofSeconds(100));

        StrategyResult r = new HybridStrategy(search, llm, 0.3).run(ctx);

        assertThat(r).isInstanceOf(StrategyResult.Found.class);
        Instant searchDeadline = search.seen().get(0).deadline();
        assertThat(Duration.between(Instant.now(), searchDeadline).toSeconds()).isBetween(25L, 30L);
        assertThat(llm.seen().get(0).hints()).containsExactly("calc.py:3", "calc.py:7");
        assertThat(llm.seen().get(0).deadline()).isEqualTo(ctx.deadline());
        assertThat(r.stats().candidates()).isEqualTo(41);
        assertThat(r.stats().usage().modelCalls()).isEqualTo(5);
        assertThat(r.stats().firstPlausibleMs()).isEqualTo(900);
    }

    @Test
    void keepsTheFirstBrainsPatchWithoutAskingTheSecond() throws Exception {
        var search = new Brain("search", c -> new StrategyResult.Found(List.of(new StrategyResult.Solution(
                Map.of("calc.py", "x = 2\n"), "fix", 1, 1.0, 5, List.of())), StrategyResult.Stats.none()));
        var llm = new Brain("llm", c -> {
            throw new AssertionError("the agent must not run when search found a patch");
        });
        StrategyResult r = new HybridStrategy(search, llm, 0.3).run(context(Duration.ofSeconds(60)));
        assertThat(r).isInstanceOf(StrategyResult.Found.class);
        assertThat(llm.seen()).isEmpty();
    }

    private StrategyContext context(Duration budget) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("calc.py"), "x = 1\n");
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        Workspace ws = Workspace.create(SourceRepo.inspect(repo), dir.resolve("ws"));
        var exec = new ExecResult(1, "", "", false, false, Duration.ofMillis(10));
        var baseline = new TestRun("pytest", exec, new TestReport(List.of()), null);
        var events = EventLog.open("run", dir.resolve("events.jsonl"));
        var task = new Task(repo, "", null, "hybrid", budget, 100);
        return new StrategyContext(task, ws, null, new BuildContext(Sandbox.select("none"), ws.projectDir(),
                dir, Duration.ofMinutes(1)), baseline, events, Instant.now().plus(budget), dir, System.nanoTime(),
                dir, dir.resolve("cache"), List.of());
    }
}

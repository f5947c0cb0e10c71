package dev.aap.core.pipeline;

import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.sandbox.RealSandbox;
import dev.aap.core.workspace.Git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brain that answers every task with one fixed change (project-relative path → new text), for review tests that
 * need a patch past any edit loop; with the repository and the sandboxed pipeline run such tests share.
 */
record FixedBrain(Map<String, String> change) implements PatchStrategy {

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
        return new StrategyResult.Found(List.of(new StrategyResult.Solution(change, "the change", 1, 1.0, 1,
                List.of())), StrategyResult.Stats.none());
    }

    /** A git repository at {@code dir/repo} with {@code files} in one commit. */
    static Path repo(Path dir, Map<String, String> files) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        for (var e : files.entrySet()) {
            Path p = repo.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        return repo;
    }

    /** Runs the whole pipeline on {@code repo} with this brain in bubblewrap (home under {@code dir}). */
    RunResult runOn(Path dir, Path repo) {
        var pipeline = new Pipeline(RunStore.open(dir.resolve("home")), RealSandbox.bwrap(), Map.of("scripted", this),
                List.of(), true);
        RunResult result = pipeline.run(new Task(repo, "", null, "scripted", Duration.ofSeconds(60), 100));
        assertThat(result.sandbox()).isEqualTo("bwrap");
        return result;
    }
}

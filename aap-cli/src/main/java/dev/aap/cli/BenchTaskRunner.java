package dev.aap.cli;

import dev.aap.core.AapException;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Workspace;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a task suite: each task's {@code repo/} alone becomes a fresh git repository, the normal pipeline works on it
 * with the task's issue ({@code --dry-run}), and only then are the hidden tests brought in to score the patch.
 */
final class BenchTaskRunner {

    /**
     * What every run of the suite shares.
     *
     * @param brain    strategy name
     * @param model    model chain, or null
     * @param baseUrl  model server address, or null
     * @param budget   budget per task
     */
    record Settings(String brain, String model, String baseUrl, Duration budget) {
    }

    private final Supplier<Pipeline> pipelines;
    private final RunStore store;
    private final BenchTaskScorer scorer;
    private final Settings settings;
    private final PrintWriter err;

    BenchTaskRunner(Supplier<Pipeline> pipelines, RunStore store, Sandbox sandbox, Settings settings,
                    PrintWriter err) {
        this.pipelines = pipelines;
        this.store = store;
        this.scorer = new BenchTaskScorer(sandbox);
        this.settings = settings;
        this.err = err;
    }

    List<BenchTaskRow> run(List<BenchTask> tasks) throws IOException {
        Path work = Files.createTempDirectory("aap-bench-tasks");
        var rows = new ArrayList<BenchTaskRow>();
        try {
            int i = 0;
            for (BenchTask t : tasks) {
                i++;
                err.printf("[%d/%d] %s (%s) ...%n", i, tasks.size(), t.name(), t.language());
                err.flush();
                BenchTaskRow row = runOne(t, work.resolve(t.name()));
                rows.add(row);
                err.printf("        %s%n", row.oneLine());
                err.flush();
            }
        } finally {
            Workspace.deleteTree(work);
        }
        return rows;
    }

    private BenchTaskRow runOne(BenchTask t, Path work) throws IOException {
        // the engine's repository holds repo/ only: hidden/ and task.json stay where the run cannot reach them
        Path repo = t.copyRepo(work.resolve("repo"));
        String repoKey = repo.toRealPath().toString();
        var task = new Task(repo, t.issue(), t.testCommand(), settings.brain(), settings.budget(), 100_000,
                settings.model(), settings.baseUrl(), null);
        long t0 = System.nanoTime();
        RunResult result = null;
        String error = null;
        try {
            result = pipelines.get().run(task);
        } catch (AapException e) {
            error = e.getMessage();
            // the pipeline recorded the run before it threw: its usage and kind still belong in the row
            result = store.list().stream().filter(r -> repoKey.equals(r.repo())).findFirst().orElse(null);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        BenchTaskScore score;
        try {
            score = scorer.score(t, result == null ? null : result.patch(), work.resolve("score"));
        } catch (AapException e) {
            score = BenchTaskScore.notRun(t, "scoring failed: " + e.getMessage().lines().findFirst().orElse(""), 0);
        }
        return BenchTaskRow.of(t, result, error, score, seconds);
    }
}

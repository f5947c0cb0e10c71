package dev.aap.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.server.store.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Executors that stand in for brains when the queue itself is under test (enabled only by
 * {@code aap serve --test-strategies}): {@code noop} ends at once; {@code steps} walks through numbered steps that
 * record checkpoints like the pipeline does and append each executed step to {@code AAP_HOME/test-ledger.log}, so
 * a test can count what ran twice; at its end it writes a small {@code patch.diff} and {@code pr.md}.
 */
public final class TestExecutors {

    private TestExecutors() {
    }

    public static Map<String, RunExecutor> all(Path home) {
        return Map.of("noop", TestExecutors::noop, "steps", job -> steps(job, home.resolve("test-ledger.log")));
    }

    private static RunExecutor.Outcome noop(RunJob job) {
        job.events().emit("run_finished", Json.MAPPER.createObjectNode().put("status", "SUCCEEDED"));
        return new RunExecutor.Outcome("SUCCEEDED", 0, "nothing to do (noop)", null);
    }

    /** {@code constraints: {steps: N, step_millis: M}}; steps recorded as finished are not run again. */
    private static RunExecutor.Outcome steps(RunJob job, Path ledger) throws InterruptedException {
        JsonNode c = job.spec().constraints() == null ? Json.MAPPER.createObjectNode() : job.spec().constraints();
        int steps = Math.max(1, Math.min(100, c.path("steps").asInt(3)));
        long millis = Math.max(0, Math.min(60_000, c.path("step_millis").asLong(200)));
        Thread self = Thread.currentThread();
        job.cancellation().onCancel(self::interrupt);
        for (int i = 1; i <= steps; i++) {
            String step = "step" + i;
            if (job.steps().load(step).isPresent()) {
                continue;
            }
            job.events().emit("step_started", Json.MAPPER.createObjectNode().put("step", step));
            Thread.sleep(millis);
            append(ledger, job.runId() + " " + step + " " + job.attempt() + "\n");
            job.steps().save(step, Json.MAPPER.createObjectNode().put("v", 1).put("done", i));
            job.events().emit("step_finished", Json.MAPPER.createObjectNode().put("step", step).put("millis", millis));
        }
        writeOutputs(job, steps);
        job.events().emit("run_finished", Json.MAPPER.createObjectNode().put("status", "SUCCEEDED"));
        return new RunExecutor.Outcome("SUCCEEDED", 0, steps + " steps", null);
    }

    /** A small patch.diff and pr.md, the outputs a real run leaves, for the dashboard to show. */
    private static void writeOutputs(RunJob job, int steps) {
        String diff = """
                diff --git a/README.md b/README.md
                --- a/README.md
                +++ b/README.md
                @@ -1 +1,2 @@
                -test
                +test, %d steps
                +done by the steps executor
                """.formatted(steps);
        try {
            Files.createDirectories(job.runDir());
            Files.writeString(job.runDir().resolve("patch.diff"), diff, StandardCharsets.UTF_8);
            Files.writeString(job.runDir().resolve("pr.md"), "# Steps run " + job.runId() + "\n\nRan " + steps
                    + " steps.\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the outputs of run " + job.runId(), e);
        }
    }

    private static synchronized void append(Path ledger, String line) {
        try {
            Files.writeString(ledger, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the test ledger " + ledger, e);
        }
    }
}

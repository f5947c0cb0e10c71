package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.AgentSettings;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.queue.RunJob;
import dev.aap.server.store.Json;
import dev.aap.server.store.TaskSpec;

import java.time.Duration;
import java.util.List;

/**
 * The server's real runs: the same {@link Pipeline} as {@code aap fix}, with the brains this process was configured
 * with, the run's id from the queue, its events into the database and its step checkpoints in the database.
 */
final class PipelineExecutor implements RunExecutor {

    private final RunStore store;
    private final Sandbox sandbox;
    private final AgentSettings agent;
    private final String defaultModel;
    private final String baseUrl;

    PipelineExecutor(RunStore store, Sandbox sandbox, AgentSettings agent, String defaultModel, String baseUrl) {
        this.store = store;
        this.sandbox = sandbox;
        this.agent = agent;
        this.defaultModel = defaultModel;
        this.baseUrl = baseUrl;
    }

    @Override
    public Outcome run(RunJob job) {
        Task task = task(job.spec(), job);
        // the server's table when the server has one; a job from elsewhere keeps the day files of aap fix
        var log = job.audit() != null ? job.audit() : dev.aap.core.audit.AuditLog.open(store.home());
        var audit = new dev.aap.core.audit.AuditTrail(log, job.runId(), job.requester());
        var pipeline = new Pipeline(store, sandbox, Strategies.all(agent), List.of(job.events(), audit), false);
        Thread self = Thread.currentThread();
        job.cancellation().onCancel(() -> {
            // the interrupt stops the test process in flight (its whole tree is killed); cancel records the end
            self.interrupt();
            pipeline.cancel();
        });
        RunResult r = pipeline.run(task, new RunId(job.runId()), job.steps());
        JsonNode record = Json.read(RunStore.toJson(r));
        return new Outcome(r.status().name(), r.exitCode(), r.message(), record);
    }

    private Task task(TaskSpec spec, RunJob job) {
        String model = spec.model() != null ? spec.model() : defaultModel;
        String brain = Strategies.resolve(spec.strategy() == null ? "auto" : spec.strategy(), model);
        String issue = issueText(spec);
        int budget = spec.budgetSeconds() != null ? spec.budgetSeconds() : brain.equals("search") ? 300 : 900;
        boolean allowTestEdits = spec.constraints() != null && spec.constraints().path("allow_test_edits").asBoolean();
        return new Task(job.repoDir(), issue, null, brain, Duration.ofSeconds(budget), 5000, model,
                spec.model() != null && !spec.model().equals(defaultModel) ? null : baseUrl, job.baseCommit(),
                spec.targetTests(), allowTestEdits);
    }

    /** The issue as the brains read it: the issue text (or the goal) and the acceptance criteria under it. */
    static String issueText(TaskSpec spec) {
        var sb = new StringBuilder();
        if (spec.issue() != null && !spec.issue().isBlank()) {
            sb.append(spec.issue().strip());
        } else if (spec.goal() != null) {
            sb.append(spec.goal().strip());
        }
        if (!spec.acceptanceCriteria().isEmpty()) {
            sb.append(sb.isEmpty() ? "" : "\n\n").append("Acceptance criteria:\n");
            spec.acceptanceCriteria().forEach(c -> sb.append("- ").append(c.strip()).append('\n'));
        }
        return sb.toString();
    }

}

package dev.aap.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.audit.AuditLog;
import dev.aap.core.pipeline.Checkpoints;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.TaskSpec;

import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One claimed run as an executor sees it: what to do, where its artifacts go, how to record events and finished
 * steps, and whether someone asked it to stop.
 *
 * @param attempt 1 on the first claim; more when a process died and this one took the run over
 * @param repoDir the repository to run on: the registered local path, or this server's clone of the URL
 * @param runDir    {@code AAP_HOME/runs/<id>}
 * @param requester who asked for the run, as an audit actor: {@code token:<name>} for an API submit,
 *                  {@code webhook:github:<sender>} or {@code webhook:gitlab:<user>} for a forge event
 * @param audit     the server's audit log (the {@code audit} table), or null where there is none (the executor then
 *                  keeps its own)
 */
public record RunJob(String runId, int attempt, TaskSpec spec, RepoRecord repo, Path repoDir, String baseCommit,
                     Path runDir, RunEvents events, Checkpoints steps, Cancellation cancellation, String requester,
                     AuditLog audit) {

    /** A job without a requester or audit log (tests, executors that record nothing). */
    public RunJob(String runId, int attempt, TaskSpec spec, RepoRecord repo, Path repoDir, String baseCommit,
                  Path runDir, RunEvents events, Checkpoints steps, Cancellation cancellation) {
        this(runId, attempt, spec, repo, repoDir, baseCommit, runDir, events, steps, cancellation, "server", null);
    }

    public RunJob {
        requester = requester == null || requester.isBlank() ? "server" : requester.replaceAll("\\s+", "_");
    }

    /**
     * The audit actor for a task: the forge user behind a webhook run (its origin), else the API token that submitted
     * it ({@code createdBy}), else {@code server}.
     */
    public static String requester(TaskSpec spec, String createdBy) {
        JsonNode o = spec.origin();
        if (o != null && o.isObject() && !o.path("requester").asText("").isBlank()) {
            return "webhook:" + o.path("forge").asText("forge") + ":" + o.path("requester").asText();
        }
        if (createdBy == null || createdBy.isBlank()) {
            return "server";
        }
        // webhook tasks are created by "<source>:<who>"; API tokens' names have no colon
        return createdBy.contains(":") ? "webhook:" + createdBy : "token:" + createdBy;
    }


    /** A stop asked for through the API; executors register what stops their work. */
    public static final class Cancellation {

        private final CopyOnWriteArrayList<Runnable> handlers = new CopyOnWriteArrayList<>();
        private volatile boolean requested;

        public boolean requested() {
            return requested;
        }

        /** Runs {@code handler} when a stop is asked for (at once if it already was). */
        public void onCancel(Runnable handler) {
            handlers.add(handler);
            if (requested) {
                handler.run();
            }
        }

        void request() {
            if (!requested) {
                requested = true;
                handlers.forEach(Runnable::run);
            }
        }
    }
}

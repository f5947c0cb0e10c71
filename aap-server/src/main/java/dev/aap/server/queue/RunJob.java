package dev.aap.server.queue;

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
 * @param runDir  {@code AAP_HOME/runs/<id>}
 */
public record RunJob(String runId, int attempt, TaskSpec spec, RepoRecord repo, Path repoDir, String baseCommit,
                     Path runDir, RunEvents events, Checkpoints steps, Cancellation cancellation) {


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

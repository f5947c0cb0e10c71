package dev.aap.server.queue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one claimed run to its end. The server is given one for real runs (the pipeline, wired by the CLI with the
 * configured brains) and may be given more by strategy name (tests and benchmarks use instant ones).
 */
@FunctionalInterface
public interface RunExecutor {

    /**
     * Runs the job. Returning is the end of the run; an exception is a FAILED run with its message (an
     * {@link dev.aap.core.AapException}'s message is shown as is, anything else as an internal error).
     */
    Outcome run(RunJob job) throws Exception;

    /**
     * How the run ended.
     *
     * @param status   a {@link dev.aap.core.run.RunStatus} name
     * @param exitCode what {@code aap fix} would have exited with
     * @param result   the run.json record, or null
     */
    record Outcome(String status, int exitCode, String message, JsonNode result) {
    }
}

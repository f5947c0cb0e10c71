package dev.aap.server.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One run as the service keeps it.
 *
 * @param node    the process that runs or ran it (its {@code /readyz} node id)
 * @param attempt how many times a process claimed it (more than one: a process died and another took over)
 * @param result  the run.json record once the pipeline wrote one, else null
 */
public record RunRecord(String id, String taskId, String repo, String baseRef, String status, int attempt,
                        String node, String strategy, String message, Integer exitCode, JsonNode result,
                        boolean cancelRequested, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public boolean finished() {
        return switch (status) {
            case "SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT", "CANCELLED" -> true;
            default -> false;
        };
    }
}

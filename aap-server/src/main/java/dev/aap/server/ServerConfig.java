package dev.aap.server;

import dev.aap.server.queue.RunExecutor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How {@code aap serve} runs.
 *
 * @param home             {@code AAP_HOME}: run artifacts, clones, the embedded database
 * @param databaseUrl      an external PostgreSQL, or null for the embedded one under {@code home/pg}
 * @param bind             address to listen on
 * @param port             port; 0 picks a free one
 * @param workers          runs at once in this process
 * @param allowLocalRepos  repositories may be registered by local path
 * @param metricsOpen      {@code /metrics} needs no token
 * @param leaseSeconds     how long a claimed run stays this process's without a heartbeat
 * @param maxQueuedPerRepo queued runs per repository before {@code POST /tasks} answers 429
 * @param requestsPerMinute per token, before 429
 * @param maxBodyBytes     request bodies above this are refused with 413
 * @param corsOrigins      origins allowed to call the API from a browser; empty: CORS off
 * @param heartbeatMillis  how often an idle event stream sends a keep-alive comment
 * @param pipeline         runs real tasks
 * @param testExecutors    extra executors by strategy name (tests, benchmarks); empty in production
 * @param agents           what {@code GET /agents} reports: the brains and a live check of each model endpoint
 */
public record ServerConfig(Path home, String databaseUrl, String bind, int port, int workers, boolean allowLocalRepos,
                           boolean metricsOpen, int leaseSeconds, int maxQueuedPerRepo, int requestsPerMinute,
                           long maxBodyBytes, List<String> corsOrigins, long heartbeatMillis, RunExecutor pipeline,
                           Map<String, RunExecutor> testExecutors, Supplier<Object> agents) {

    public ServerConfig {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        testExecutors = testExecutors == null ? Map.of() : Map.copyOf(testExecutors);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }
}

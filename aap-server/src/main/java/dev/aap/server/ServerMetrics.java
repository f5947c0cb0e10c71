package dev.aap.server;

import dev.aap.server.queue.Worker;
import dev.aap.server.store.Runs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The service's own meters: runs by status and brain, queue depth and wait, run durations, active runs. */
final class ServerMetrics implements Worker.Observer {

    private final MeterRegistry registry;
    private final Runs runs;
    private final Map<String, Long> statusCounts = new ConcurrentHashMap<>();
    private volatile long statusCountsAt;

    ServerMetrics(MeterRegistry registry, Runs runs) {
        this.registry = registry;
        this.runs = runs;
        Gauge.builder("aap.queue.depth", this, m -> m.queued()).description("runs waiting to be claimed, cluster-wide")
                .register(registry);
        for (String status : new String[]{"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "NEEDS_HUMAN", "CANCELLED"}) {
            Gauge.builder("aap.runs.stored", this, m -> m.count(status)).tag("status", status)
                    .description("runs in the database by status, cluster-wide").register(registry);
        }
    }

    void bindWorker(Worker worker) {
        Gauge.builder("aap.runs.active", worker, Worker::activeRuns).description("runs this process is running")
                .register(registry);
    }

    private double queued() {
        try {
            return runs.queued();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double count(String status) {
        long now = System.nanoTime();
        if (now - statusCountsAt > TimeUnit.SECONDS.toNanos(5)) {
            try {
                Map<String, Long> fresh = runs.countByStatus();
                statusCounts.clear();
                statusCounts.putAll(fresh);
                statusCountsAt = now;
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
        return statusCounts.getOrDefault(status, 0L);
    }

    @Override
    public void claimed(String runId, int attempt, long waitedMillis) {
        if (attempt == 1) {
            Timer.builder("aap.queue.wait").description("time from submission to the first claim")
                    .publishPercentiles(0.5, 0.95).register(registry).record(Duration.ofMillis(waitedMillis));
        } else {
            Counter.builder("aap.runs.taken.over").description("runs resumed after their process died")
                    .register(registry).increment();
        }
    }

    @Override
    public void ended(String runId, String strategy, String status, long millis) {
        Counter.builder("aap.runs.finished").tag("status", status).tag("brain", strategy == null ? "auto" : strategy)
                .register(registry).increment();
        Timer.builder("aap.run.duration").tag("brain", strategy == null ? "auto" : strategy)
                .register(registry).record(Duration.ofMillis(millis));
    }
}

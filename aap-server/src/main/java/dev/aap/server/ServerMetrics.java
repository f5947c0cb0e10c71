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
        for (String status : new String[]{"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT",
                "CANCELLED"}) {
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
    public void event(String strategy, String type, com.fasterxml.jackson.databind.node.ObjectNode e) {
        String brain = strategy == null ? "auto" : strategy;
        switch (type) {
            case "step_finished" -> Timer.builder("aap.step.duration").tag("step", e.path("step").asText("?"))
                    .description("how long each pipeline step took").register(registry)
                    .record(Duration.ofMillis(e.path("millis").asLong()));
            case "candidate_validated" -> Counter.builder("aap.candidates.validated")
                    .tag("outcome", e.path("outcome").asText("?")).description("search candidates run against tests")
                    .register(registry).increment();
            case "checks_ran" -> {
                Counter.builder("aap.sandbox.execs").tag("label", label(e.path("label").asText("?")))
                        .description("test runs in the sandbox").register(registry).increment();
                if (e.path("exitCode").asInt() == -1) {
                    Counter.builder("aap.sandbox.timeouts").description("sandboxed test runs killed at their time limit")
                            .register(registry).increment();
                }
            }
            case "model_called" -> {
                String model = e.path("model").asText("?");
                Counter.builder("aap.model.calls").tag("model", model).tag("role", e.path("role").asText("?"))
                        .register(registry).increment();
                Counter.builder("aap.model.tokens").tag("model", model).tag("direction", "input").register(registry)
                        .increment(e.path("inputTokens").asLong());
                Counter.builder("aap.model.tokens").tag("model", model).tag("direction", "output").register(registry)
                        .increment(e.path("outputTokens").asLong());
                Counter.builder("aap.model.cost.usd").tag("model", model).register(registry)
                        .increment(e.path("costUsd").asDouble());
                Timer.builder("aap.model.latency").tag("model", model).register(registry)
                        .record(Duration.ofMillis(e.path("millis").asLong()));
            }
            case "tool_called" -> Counter.builder("aap.agent.tool.calls").tag("tool", e.path("tool").asText("?"))
                    .tag("ok", Boolean.toString(e.path("ok").asBoolean())).register(registry).increment();
            default -> {
            }
        }
    }

    /** Check labels carry candidate numbers in places; keep the tag's values few. */
    private static String label(String l) {
        return l.replaceAll("[0-9]+", "N");
    }

    @Override
    public void ended(String runId, String strategy, String status, long millis) {
        Counter.builder("aap.runs.finished").tag("status", status).tag("brain", strategy == null ? "auto" : strategy)
                .register(registry).increment();
        Timer.builder("aap.run.duration").tag("brain", strategy == null ? "auto" : strategy)
                .register(registry).record(Duration.ofMillis(millis));
    }
}

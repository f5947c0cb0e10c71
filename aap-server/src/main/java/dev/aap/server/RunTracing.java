package dev.aap.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.queue.Worker;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry traces of runs, exported over OTLP/HTTP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set: a span per
 * run attempt, a child per step, and under the step one per model call, tool call and sandboxed test run. They are
 * built from the run's events, which carry each piece of work's duration, so no layer below the server needs to know
 * about tracing.
 */
final class RunTracing implements Worker.Observer, AutoCloseable {

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final Map<String, Span> runs = new ConcurrentHashMap<>();
    private final Map<String, Span> steps = new ConcurrentHashMap<>();

    private RunTracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = OpenTelemetrySdk.builder().setTracerProvider(provider).build().getTracer("dev.aap.server");
    }

    /** Tracing to the endpoint in the environment, or null when none is set (tracing off). */
    static RunTracing fromEnvironment(Map<String, String> env, String node) {
        String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            return null;
        }
        String traces = env.getOrDefault("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                endpoint.replaceAll("/+$", "") + "/v1/traces");
        var exporter = OtlpHttpSpanExporter.builder().setEndpoint(traces).build();
        var resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", env.getOrDefault("OTEL_SERVICE_NAME", "aap"))
                .put("service.instance.id", node).build()));
        var provider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(1, TimeUnit.SECONDS).build())
                .build();
        return new RunTracing(provider);
    }

    @Override
    public void claimed(String runId, int attempt, long waitedMillis) {
        Span span = tracer.spanBuilder("aap.run").setNoParent()
                .setAttribute("aap.run_id", runId).setAttribute("aap.attempt", attempt)
                .setAttribute("aap.queue_wait_ms", waitedMillis).startSpan();
        runs.put(runId, span);
    }

    @Override
    public void event(String strategy, String type, ObjectNode e) {
        String runId = e.path("run_id").asText();
        Span run = runs.get(runId);
        if (run == null) {
            return;
        }
        Instant at = Instant.parse(e.path("time").asText(Instant.now().toString()));
        switch (type) {
            case "step_started" -> {
                Span step = tracer.spanBuilder("aap.step." + e.path("step").asText("?"))
                        .setParent(Context.root().with(run)).setStartTimestamp(at).startSpan();
                Span old = steps.put(runId, step);
                if (old != null) {
                    old.end(at);
                }
            }
            case "step_finished" -> {
                Span step = steps.remove(runId);
                if (step != null) {
                    step.setAttribute("aap.summary", e.path("summary").asText(""));
                    step.end(at);
                }
            }
            case "checks_ran" -> child(runId, run, "aap.tests." + e.path("label").asText("?"), at,
                    e.path("millis").asLong(), Attributes.builder()
                            .put("aap.command", e.path("command").asText(""))
                            .put("aap.exit_code", e.path("exitCode").asLong())
                            .put("aap.tests", e.path("tests").asLong())
                            .put("aap.failures", e.path("failures").asLong()).build());
            case "model_called" -> child(runId, run, "aap.model." + e.path("role").asText("call"), at,
                    e.path("millis").asLong(), Attributes.builder()
                            .put("gen_ai.request.model", e.path("model").asText(""))
                            .put("gen_ai.usage.input_tokens", e.path("inputTokens").asLong())
                            .put("gen_ai.usage.output_tokens", e.path("outputTokens").asLong())
                            .put("aap.cached", e.path("cached").asBoolean()).build());
            case "tool_called" -> child(runId, run, "aap.tool." + e.path("tool").asText("?"), at,
                    e.path("millis").asLong(), Attributes.builder().put("aap.ok", e.path("ok").asBoolean()).build());
            default -> {
            }
        }
    }

    /** A finished piece of work, placed under the current step (or the run) from its end time and duration. */
    private void child(String runId, Span run, String name, Instant end, long millis, Attributes attributes) {
        Span parent = steps.getOrDefault(runId, run);
        Span span = tracer.spanBuilder(name).setParent(Context.root().with(parent))
                .setStartTimestamp(end.minusMillis(Math.max(0, millis))).setAllAttributes(attributes).startSpan();
        span.end(end);
    }

    @Override
    public void ended(String runId, String strategy, String status, long millis) {
        Span step = steps.remove(runId);
        if (step != null) {
            step.end();
        }
        Span run = runs.remove(runId);
        if (run != null) {
            run.setAttribute("aap.status", status).setAttribute("aap.brain", strategy == null ? "auto" : strategy);
            if (!"SUCCEEDED".equals(status)) {
                run.setStatus(StatusCode.ERROR, status);
            }
            run.end();
        }
    }

    @Override
    public void close() {
        provider.forceFlush().join(5, TimeUnit.SECONDS);
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }
}

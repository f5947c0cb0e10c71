package dev.aap.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.aap.server.store.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RunTracingTest {

    @Test
    void exportsARunWithItsStepsAndTestRunsOverOtlpHttp() throws Exception {
        List<String> paths = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        var bodies = new ByteArrayOutputStream();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            types.add(ex.getRequestHeaders().getFirst("Content-Type"));
            byte[] b = ex.getRequestBody().readAllBytes();
            synchronized (bodies) {
                bodies.write(b);
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        collector.start();
        try {
            RunTracing tracing = RunTracing.fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                    "http://127.0.0.1:" + collector.getAddress().getPort()), "node-1");
            assertThat(tracing).isNotNull();
            tracing.claimed("run-1", 1, 12);
            tracing.event("search", "step_started", event("run-1", "step_started").put("step", "prepare"));
            tracing.event("search", "checks_ran", event("run-1", "checks_ran").put("label", "baseline")
                    .put("command", "mvn -B -o test").put("exitCode", 1).put("millis", 1500));
            tracing.event("search", "step_finished", event("run-1", "step_finished").put("step", "prepare")
                    .put("millis", 2000).put("summary", "6 tests, 2 failing"));
            tracing.ended("run-1", "search", "SUCCEEDED", 2500);
            tracing.close();
        } finally {
            collector.stop(0);
        }
        assertThat(paths).contains("/v1/traces");
        assertThat(types).allMatch(t -> t.startsWith("application/x-protobuf"));
        String raw = bodies.toString(StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("aap.run").contains("aap.step.prepare").contains("aap.tests.baseline")
                .contains("mvn -B -o test").contains("node-1");
    }

    @Test
    void isOffWithoutAnEndpoint() {
        assertThat(RunTracing.fromEnvironment(Map.of(), "n")).isNull();
    }

    private static ObjectNode event(String runId, String type) {
        return Json.MAPPER.createObjectNode().put("run_id", runId).put("type", type)
                .put("time", Instant.now().toString());
    }
}

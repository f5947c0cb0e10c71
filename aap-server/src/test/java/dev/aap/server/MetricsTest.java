package dev.aap.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @TempDir
    Path tmp;

    @Test
    void requestTimesAreLabelledWithTheRouteThatAnswered() {
        try (Server server = TestServers.start(tmp.resolve("home"), job -> {
            throw new IllegalStateException("no pipeline in this test");
        })) {
            var admin = new Http(server.url(), server.adminToken().orElseThrow());
            assertThat(admin.get("/api/v1/runs").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/runs/20261129-101500-a1b2c3").status()).isEqualTo(404);
            assertThat(admin.get("/no/such/route").status()).isEqualTo(404);

            String metrics = admin.get("/metrics").body();
            assertThat(metrics)
                    .contains("aap_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/runs\",status=\"200\"} 1")
                    .contains("route=\"/api/v1/runs/{id}\",status=\"404\"")
                    .contains("route=\"unmatched\",status=\"404\"")
                    .doesNotContain("route=\"*\"");
        }
    }
}

package dev.aap.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmarks of {@code aap serve} through the real launcher ({@code bin/aap}): start-up to ready, the run list under
 * load, and how fast two servers drain a queue. Not part of {@code verify}; run with
 * {@code ./mvnw -B -o -pl aap-cli test -Dgroups=bench -DexcludedGroups=none -Dtest=ServerBench}.
 */
@Tag("bench")
class ServerBench {

    /** Mirrors the private lock {@code Runs.claim} takes: holding it keeps every claimer waiting. */
    private static final long CLAIM_LOCK = 0x6161705f636c616dL;

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @RegisterExtension
    final ServeProcesses servers = new ServeProcesses(Path.of("target", "cluster-logs", "ServerBench"));

    @TempDir
    Path tmp;

    @Test
    void readyzAfterAColdAndAWarmStartWithTheEmbeddedDatabase() throws Exception {
        launcherIsBuilt();
        Path home = tmp.resolve("home");
        String cold = untilReady("cold", home);
        List<String> warm = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            warm.add(untilReady("warm" + i, home));
        }
        report("readyz (wall ms / CPU ms of the server JVM): cold start %s; warm starts %s (target: warm <= 5000 ms"
                + " wall); load average %s", cold, warm, load());
    }

    /** Wall and CPU milliseconds from the process start to the first 200 from /readyz. */
    private String untilReady(String name, Path home) {
        ServeProcess p = servers.start(name, launcher(), List.of("--port", "0"), Map.of("AAP_HOME", home.toString()));
        p.awaitListening(Duration.ofSeconds(180));
        var api = new ApiClient(p.url(), null);
        while (api.get("/readyz").status() != 200) {
            Thread.onSpinWait();
        }
        long ms = (System.nanoTime() - p.startedNanos()) / 1_000_000;
        long cpu = p.process().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        // SIGTERM: the shutdown hook stops the embedded PostgreSQL, so the next start finds its data, not its process
        p.stop();
        return ms + "/" + cpu;
    }

    @Test
    void runListLatencyWithTenThousandRunsAndAHundredEventStreams() throws Exception {
        launcherIsBuilt();
        TestPostgres.Db db = TestPostgres.fresh();
        ServeProcess p = servers.start("list", launcher(), List.of("--port", "0", "--test-strategies",
                        "--allow-local-repos", "--workers", "8", "--rate-limit", "1000000"),
                Map.of("AAP_HOME", tmp.resolve("home").toString(), "AAP_DATABASE_URL", db.url()))
                .awaitListening(Duration.ofSeconds(120));
        var api = new ApiClient(p.url(), p.adminToken());
        Path repo = ClusterTest.gitRepo(tmp.resolve("repo"));
        for (String name : List.of("billing", "search", "live")) {
            api.expect(201, api.post("/api/v1/repos", "{\"name\":\"" + name + "\",\"url\":\"" + repo
                    + "\",\"max_concurrent_runs\":8}"));
        }
        long t0 = System.nanoTime();
        try (Connection c = db.connect()) {
            BenchData.finishedRuns(c, 10_000, "billing", "search");
        }
        long inserted = System.nanoTime();
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            live.add(api.expect(201, api.post("/api/v1/tasks", "{\"repo\":\"live\",\"strategy\":\"steps\","
                    + "\"constraints\":{\"steps\":100,\"step_millis\":60000}}")).path("run_id").asText());
        }
        awaitRunning(api, live.size());
        List<InputStream> streams = new ArrayList<>();
        AtomicLong received = new AtomicLong();
        for (int i = 0; i < 100; i++) {
            String path = i % 2 == 0 ? "/api/v1/updates" : "/api/v1/runs/" + live.get(i % live.size()) + "/events";
            InputStream in = api.stream(path);
            streams.add(in);
            Thread.ofVirtual().start(() -> drain(in, received));
        }
        try {
            String filtered = "/api/v1/runs?status=SUCCEEDED&repo=billing";
            hammer(api, List.of("/api/v1/runs", filtered), 4, 50, new Latencies(), new Latencies());
            var page = new Latencies();
            var filter = new Latencies();
            long h0 = System.nanoTime();
            hammer(api, List.of("/api/v1/runs", filtered), 4, 300, page, filter);
            long h1 = System.nanoTime();
            String server = serverSide(api.expect200Text("/metrics"), "/api/v1/runs");
            report("GET /runs with 10,000 runs (inserted in %d ms) and 100 event streams open (%d bytes received),"
                            + " 4 client threads, %d requests in %d ms (load average %s):%n  default page: %s%n"
                            + "  ?status=SUCCEEDED&repo=billing: %s%n  server side (both, warm-up included): %s%n  (target: p95 <= 50 ms)", (inserted - t0) / 1_000_000, received.get(),
                    page.count() + filter.count(), (h1 - h0) / 1_000_000, load(), page.summary(), filter.summary(), server);
        } finally {
            for (InputStream in : streams) {
                in.close();
            }
        }
    }

    /** The server's own time for a route from its Prometheus timer: requests, mean and max. */
    private static String serverSide(String metrics, String route) {
        double sum = 0;
        double count = 0;
        double max = 0;
        for (String line : metrics.lines().toList()) {
            if (!line.startsWith("aap_http_requests_seconds") || !line.contains("route=\"" + route + "\"")
                    || !line.contains("method=\"GET\"")) {
                continue;
            }
            double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (line.startsWith("aap_http_requests_seconds_sum")) {
                sum += v;
            } else if (line.startsWith("aap_http_requests_seconds_count")) {
                count += v;
            } else if (line.startsWith("aap_http_requests_seconds_max")) {
                max = Math.max(max, v);
            }
        }
        return String.format("n=%.0f mean=%.1f ms max(recent)=%.1f ms", count, count == 0 ? 0 : sum / count * 1000,
                max * 1000);
    }

    /** {@code threads} clients each GET every path {@code rounds} times, one after the other. */
    private static void hammer(ApiClient api, List<String> paths, int threads, int rounds, Latencies first,
                               Latencies second) throws InterruptedException {
        var done = new CountDownLatch(threads);
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < rounds; i++) {
                        for (int k = 0; k < paths.size(); k++) {
                            long s = System.nanoTime();
                            ApiClient.Reply r = api.get(paths.get(k));
                            (k == 0 ? first : second).add(System.nanoTime() - s);
                            if (r.status() != 200 || r.json().path("runs").size() != 50) {
                                failures.add(paths.get(k) + " -> " + r.status() + " " + r.body().length() + " bytes");
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        assertThat(failures).as("requests that did not answer a full page").isEmpty();
    }

    private static void drain(InputStream in, AtomicLong received) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                received.addAndGet(n);
            }
        } catch (IOException e) {
            // closed at the end of the benchmark
        }
    }

    private static void awaitRunning(ApiClient api, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.expect(200, api.get("/api/v1/runs?status=RUNNING")).path("runs").size() < count) {
            assertThat(System.nanoTime()).as("%d runs RUNNING within 60 s", count).isLessThan(end);
            Thread.sleep(100);
        }
    }

    @Test
    void twoServersDrainAThousandQueuedRunsEachExactlyOnce() throws Exception {
        launcherIsBuilt();
        TestPostgres.Db db = TestPostgres.fresh();
        Path home = tmp.resolve("home");
        List<String> args = List.of("--port", "0", "--test-strategies", "--allow-local-repos", "--workers", "4",
                "--rate-limit", "1000000");
        Map<String, String> env = Map.of("AAP_HOME", home.toString(), "AAP_DATABASE_URL", db.url());
        ServeProcess a = servers.start("A", launcher(), args, env).awaitListening(Duration.ofSeconds(120));
        ServeProcess b = servers.start("B", launcher(), args, env).awaitListening(Duration.ofSeconds(120));
        var apiA = new ApiClient(a.url(), a.adminToken());
        var apiB = new ApiClient(b.url(), a.adminToken());
        Path repo = ClusterTest.gitRepo(tmp.resolve("repo"));
        // two repositories of 500 runs each: the default --max-queued of 1000 per repository is not the limit here
        for (String name : List.of("r1", "r2")) {
            apiA.expect(201, apiA.post("/api/v1/repos", "{\"name\":\"" + name + "\",\"url\":\"" + repo
                    + "\",\"max_concurrent_runs\":64}"));
        }
        try (Connection gate = db.connect(); Connection c = db.connect()) {
            gate.setAutoCommit(false);
            try (Statement s = gate.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + CLAIM_LOCK + ")");
            }
            long s0 = System.nanoTime();
            submit(List.of(apiA, apiB), 1000);
            long s1 = System.nanoTime();
            assertThat(count(c, "select count(*) from runs where status = 'QUEUED'")).as("queued while gated")
                    .isEqualTo(1000);
            gate.commit();
            long d0 = System.nanoTime();
            while (count(c, "select count(*) from runs where status in ('QUEUED', 'RUNNING')") > 0) {
                assertThat(System.nanoTime() - d0).as("drained within 5 minutes")
                        .isLessThan(Duration.ofMinutes(5).toNanos());
                Thread.sleep(20);
            }
            long d1 = System.nanoTime();
            String nodeA = apiA.expect(200, apiA.get("/readyz")).path("node").asText();
            Map<String, Long> byNode = grouped(c, "select node, count(*) from runs group by node");
            report("drain: 1000 noop runs submitted in %d ms (%.0f/s); drained by 2 servers x 4 workers in %d ms ="
                            + " %.1f runs/s; split %s (A is %s) (load average %s)", (s1 - s0) / 1_000_000,
                    1000 / ((s1 - s0) / 1e9), (d1 - d0) / 1_000_000, 1000 / ((d1 - d0) / 1e9), byNode, nodeA, load());
            assertThat(grouped(c, "select status || ' attempt ' || attempt, count(*) from runs group by 1"))
                    .containsExactly(Map.entry("SUCCEEDED attempt 1", 1000L));
            assertThat(grouped(c, "select n::text, count(*) from (select run_id, count(*) as n from events"
                    + " where type = 'run_finished' group by run_id) x group by n"))
                    .as("runs by how many run_finished events they have").containsExactly(Map.entry("1", 1000L));
        }
    }

    private static void submit(List<ApiClient> apis, int total) throws InterruptedException {
        var threads = new ArrayList<Thread>();
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = first; i < total; i += 4) {
                    ApiClient api = apis.get(i % apis.size());
                    ApiClient.Reply r = api.post("/api/v1/tasks", "{\"repo\":\"r" + (1 + i % 2)
                            + "\",\"strategy\":\"noop\"}");
                    if (r.status() != 201) {
                        failures.add(r.status() + " " + r.body());
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).as("submissions refused").isEmpty();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> grouped(Connection c, String sql) throws SQLException {
        var out = new TreeMap<String, Long>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<String> launcher() {
        return List.of(ROOT.resolve("bin/aap").toString());
    }

    /** bin/aap builds the jar when sources are newer: let it do so now, not inside a timed start. */
    private static void launcherIsBuilt() throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("bin/aap").toString(), "--version").redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("bin/aap --version: " + out).isZero();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCH " + line);
        System.err.println("BENCH " + line);
    }
}

package dev.aap.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.server.store.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A run's event stream read by real SSE clients: resumed with Last-Event-ID, replayed whole, kept alive, shared. */
class EventStreamTest {

    @TempDir
    Path tmp;
    Server server;
    Http admin;

    /** One server-sent event as received. */
    record Event(long id, String type, String data) {
    }

    /** What one connection received: its events, how many comment lines, and whether the server ended it. */
    record Received(List<Event> events, int comments, boolean ended) {
    }

    @BeforeEach
    void start() {
        server = TestServers.start(tmp.resolve("home"), TestServers.NO_PIPELINE);
        admin = TestServers.adminWithDemoRepo(server, tmp, 4);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void resumesALiveRunAfterTheLastSeenEventWithNoGapsOrRepeats() throws Exception {
        String run = submit(10, 100);
        Received first = read(run, null, 5, Duration.ofSeconds(20));
        assertThat(first.events()).hasSize(5);
        assertThat(first.ended()).isFalse();
        assertThat(status(run)).as("disconnected while the run was live").isNotEqualTo("SUCCEEDED");
        long last = first.events().get(4).id();

        Received rest = read(run, Long.toString(last), Integer.MAX_VALUE, Duration.ofSeconds(30));
        assertThat(rest.ended()).isTrue();
        var all = new ArrayList<>(first.events());
        all.addAll(rest.events());
        assertThat(all).extracting(Event::id).containsExactlyElementsOf(ids(21));
        assertThat(all.get(20).type()).isEqualTo("run_finished");
        for (Event e : all) {
            JsonNode data = Json.read(e.data());
            assertThat(data.path("seq").asLong()).isEqualTo(e.id());
            assertThat(data.path("type").asText()).isEqualTo(e.type());
        }
    }

    @Test
    void replaysAFinishedRunWholeThenEndsTheStream() throws Exception {
        String run = submit(3, 20);
        TestServers.await(() -> status(run), "SUCCEEDED"::equals, Duration.ofSeconds(20));
        Received whole = read(run, null, Integer.MAX_VALUE, Duration.ofSeconds(10));
        assertThat(whole.ended()).isTrue();
        assertThat(whole.events()).extracting(Event::id).containsExactlyElementsOf(ids(7));
        assertThat(whole.events()).extracting(Event::type).startsWith("step_started", "step_finished")
                .endsWith("run_finished");

        Received tail = read(run, "4", Integer.MAX_VALUE, Duration.ofSeconds(10));
        assertThat(tail.ended()).isTrue();
        assertThat(tail.events()).extracting(Event::id).containsExactly(5L, 6L, 7L);
        assertThat(tail.events()).isEqualTo(whole.events().subList(4, 7));

        Received garbage = read(run, "not-a-number", Integer.MAX_VALUE, Duration.ofSeconds(10));
        assertThat(garbage.events()).isEqualTo(whole.events());
    }

    @Test
    void sendsHeartbeatCommentsOnAnIdleStream() throws Exception {
        String run = submit(1, 3000);
        // one event (step_started), then three quiet seconds: heartbeats every 500 ms
        Received r = read(run, null, 2, Duration.ofSeconds(20));
        assertThat(r.events()).extracting(Event::type).containsExactly("step_started", "step_finished");
        assertThat(r.comments()).isGreaterThanOrEqualTo(3);

        var updates = readUpdates(Duration.ofMillis(1800));
        assertThat(updates.comments()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoClientsAtOnceSeeTheSameSequence() throws Exception {
        String run = submit(6, 80);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var a = pool.submit(() -> read(run, null, Integer.MAX_VALUE, Duration.ofSeconds(30)));
            var b = pool.submit(() -> read(run, null, Integer.MAX_VALUE, Duration.ofSeconds(30)));
            Received ra = a.get(40, TimeUnit.SECONDS);
            Received rb = b.get(40, TimeUnit.SECONDS);
            assertThat(ra.ended()).isTrue();
            assertThat(ra.events()).extracting(Event::id).containsExactlyElementsOf(ids(13));
            assertThat(rb.events()).isEqualTo(ra.events());
        }
    }

    private String submit(int steps, int millis) {
        Http.Reply r = admin.post("/api/v1/tasks", "{\"repo\":\"demo\",\"strategy\":\"steps\",\"constraints\":{\"steps\":"
                + steps + ",\"step_millis\":" + millis + "}}");
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("run_id").asText();
    }

    private String status(String run) {
        return admin.get("/api/v1/runs/" + run).json().path("status").asText();
    }

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** Reads a run's stream until {@code max} events arrived (then disconnects) or the server ends it. */
    private Received read(String run, String lastEventId, int max, Duration timeout) throws Exception {
        var b = admin.builder("/api/v1/runs/" + run + "/events").header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> res = Http.client().send(b.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (Stream<String> lines = res.body()) {
            return CompletableFuture.supplyAsync(() -> parse(lines.iterator(), max, Long.MAX_VALUE),
                    Executors.newVirtualThreadPerTaskExecutor()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the updates stream for a while; it never ends by itself. */
    private Received readUpdates(Duration howLong) throws Exception {
        var req = admin.builder("/api/v1/updates").header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> res = Http.client().send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(res.statusCode()).isEqualTo(200);
        long until = System.nanoTime() + howLong.toNanos();
        try (Stream<String> lines = res.body()) {
            return CompletableFuture.supplyAsync(() -> parse(lines.iterator(), Integer.MAX_VALUE, until),
                    Executors.newVirtualThreadPerTaskExecutor()).get(howLong.toMillis() + 5000, TimeUnit.MILLISECONDS);
        }
    }

    private static Received parse(Iterator<String> lines, int max, long untilNanos) {
        var events = new ArrayList<Event>();
        int comments = 0;
        long id = -1;
        String type = "message";
        var data = new StringBuilder();
        while (events.size() < max && System.nanoTime() < untilNanos) {
            if (!lines.hasNext()) {
                return new Received(events, comments, true);
            }
            String line = lines.next();
            if (line.startsWith(":")) {
                comments++;
            } else if (line.isEmpty()) {
                if (!data.isEmpty() || id >= 0) {
                    events.add(new Event(id, type, data.toString()));
                }
                id = -1;
                type = "message";
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("event:")) {
                type = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
        return new Received(events, comments, false);
    }
}

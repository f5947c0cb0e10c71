package dev.aap.server;

import dev.aap.core.workspace.Git;
import dev.aap.server.queue.RunExecutor;
import dev.aap.server.queue.TestExecutors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Starting real servers on a fresh database for tests, and a real git repository to register. */
public final class TestServers {

    /** For servers whose tests run only the test strategies: a real run would be a mistake in the test. */
    public static final RunExecutor NO_PIPELINE = job -> {
        throw new IllegalStateException("no pipeline in this test");
    };

    private TestServers() {
    }

    /** The admin's client of a server started on an empty database, with a real repository registered as "demo". */
    public static Http adminWithDemoRepo(Server server, Path tmp, int maxConcurrentRuns) {
        Http admin = new Http(server.url(), server.adminToken().orElseThrow());
        Path repo = repo(tmp.resolve("repo"));
        Http.Reply r = admin.post("/api/v1/repos", "{\"name\":\"demo\",\"url\":\"" + repo
                + "\",\"max_concurrent_runs\":" + maxConcurrentRuns + "}");
        if (r.status() != 201) {
            throw new IllegalStateException("registering the demo repository failed: " + r.body());
        }
        return admin;
    }

    /** A server on a fresh database with the test strategies, local repositories allowed, on a free port. */
    public static Server start(Path home, RunExecutor pipeline) {
        return start(home, TestDatabase.fresh(), pipeline, 1000);
    }

    public static Server start(Path home, String dbUrl, RunExecutor pipeline, int requestsPerMinute) {
        return start(home, dbUrl, pipeline, new Limits(false, 1000, requestsPerMinute));
    }

    /** The knobs API tests turn: whether /metrics is open, queued runs per repository, requests per minute. */
    public record Limits(boolean metricsOpen, int maxQueuedPerRepo, int requestsPerMinute) {
    }

    public static Server start(Path home, RunExecutor pipeline, Limits limits) {
        return start(home, TestDatabase.fresh(), pipeline, limits);
    }

    private static Server start(Path home, String dbUrl, RunExecutor pipeline, Limits limits) {
        return Server.start(config(home, dbUrl, pipeline, limits));
    }

    /** A server that takes webhooks with these secrets. */
    public static Server startWithWebhooks(Path home, RunExecutor pipeline, WebhookSettings webhooks) {
        return Server.start(config(home, TestDatabase.fresh(), pipeline, new Limits(false, 1000, 100_000)),
                Server.newNodeId(), webhooks);
    }

    private static ServerConfig config(Path home, String dbUrl, RunExecutor pipeline, Limits limits) {
        return new ServerConfig(home, dbUrl, "127.0.0.1", 0, 2, true, limits.metricsOpen(), 5,
                limits.maxQueuedPerRepo(), limits.requestsPerMinute(), 1_048_576, List.of(), 500, pipeline,
                TestExecutors.all(home), () -> java.util.Map.of("brains", List.of("search")));
    }

    /** A git repository with one commit. */
    public static Path repo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("README.md"), "test\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Git.check(dir, "init", "-q", "-b", "main");
        Git.check(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
        Git.check(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
        return dir;
    }

    /** Polls until the condition holds or the time is up; returns the last value. */
    public static <T> T await(java.util.function.Supplier<T> get, Predicate<T> done, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        T v = get.get();
        while (!done.test(v) && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return v;
            }
            v = get.get();
        }
        return v;
    }
}

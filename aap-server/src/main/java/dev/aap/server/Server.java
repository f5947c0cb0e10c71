package dev.aap.server;

import dev.aap.core.EnvironmentException;
import dev.aap.core.audit.AuditKeys;
import dev.aap.core.audit.AuditLog;
import dev.aap.server.api.Api;
import dev.aap.server.api.Artifacts;
import dev.aap.server.api.Scope;
import dev.aap.server.api.Services;
import dev.aap.server.api.TokenSecrets;
import dev.aap.server.events.EventHub;
import dev.aap.server.events.Notifications;
import dev.aap.server.queue.Worker;
import dev.aap.server.store.AuditTable;
import dev.aap.server.store.Database;
import dev.aap.server.store.Deliveries;
import dev.aap.server.store.Events;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.Repos;
import dev.aap.server.store.Runs;
import dev.aap.server.store.Steps;
import dev.aap.server.store.Tokens;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * {@code aap serve}: the REST API, the event streams and a share of the cluster's work, over one PostgreSQL. Several
 * servers on one database are one cluster.
 */
public final class Server implements AutoCloseable {

    private final ServerConfig config;
    private final String node;
    private final Database db;
    private final Worker worker;
    private final Notifications notifications;
    private final Javalin app;
    private final String adminToken;
    private final RunTracing tracing;

    private Server(ServerConfig config, String node, Database db, Worker worker, Notifications notifications,
                   Javalin app, String adminToken, RunTracing tracing) {
        this.tracing = tracing;
        this.config = config;
        this.node = node;
        this.db = db;
        this.worker = worker;
        this.notifications = notifications;
        this.app = app;
        this.adminToken = adminToken;
    }

    /** Opens the database (starting the embedded one if needed), migrates it, starts the worker and the API. */
    public static Server start(ServerConfig config) {
        return start(config, newNodeId());
    }

    /**
     * Starts as the given node: a process that labels its log lines with the node id needs it before the start's
     * own lines (database migration) are written.
     */
    public static Server start(ServerConfig config, String node) {
        return start(config, node, WebhookSettings.fromEnvironment(System.getenv()));
    }

    /** Starts with the given webhook secrets (tests; the command line takes them from the environment). */
    public static Server start(ServerConfig config, String node, WebhookSettings webhooks) {
        Thread.ofPlatform().name("aap-warm-up").daemon().start(Server::warmUp);
        Database db = Database.open(config.databaseUrl(), config.home().resolve("pg"),
                Math.max(8, config.workers() * 2 + 6));
        try {
            var tokens = new Tokens(db);
            var auditTable = new AuditTable(db);
            // one key per AAP_HOME: servers of a cluster that share a home sign with the same key
            AuditLog audit = AuditLog.over(auditTable, AuditKeys.loadOrCreate(config.home()), Clock.systemUTC());
            String admin = firstAdminToken(tokens);
            var runs = new Runs(db);
            var repos = new Repos(db);
            var events = new Events(db);
            var steps = new Steps(db);
            var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            var metrics = new ServerMetrics(registry, runs);
            RunTracing tracing = RunTracing.fromEnvironment(System.getenv(), node);
            Worker.Observer observer = tracing == null ? metrics : Worker.Observer.both(metrics, tracing);
            var address = new java.util.concurrent.atomic.AtomicReference<String>();
            java.util.function.Supplier<String> publicUrl = () -> webhooks.publicUrl() != null
                    ? webhooks.publicUrl().replaceAll("/+$", "") : address.get();
            var executors = new java.util.HashMap<String, dev.aap.server.queue.RunExecutor>();
            config.testExecutors().forEach((k, v) -> executors.put(k,
                    new dev.aap.server.queue.ForgeExecutor(v, webhooks.forges(), publicUrl)));
            var worker = new Worker(new Worker.Settings(node, config.workers(), config.leaseSeconds(), 1000),
                    runs, repos, events, steps, config.home(),
                    new dev.aap.server.queue.ForgeExecutor(config.pipeline(), webhooks.forges(), publicUrl),
                    executors, observer, repo -> gitCredentials(webhooks, repo), audit);
            metrics.bindWorker(worker);
            var hub = new EventHub();
            var services = new Services(config, node, db, runs, repos, tokens, events, steps, hub, worker,
                    Artifacts.files(config.home()), registry, webhooks, new Deliveries(db), audit, auditTable);
            var notifications = new Notifications(db.connection(), hub, worker::wake);
            var api = new Api(services);
            Javalin app = Javalin.create(api::configure);
            try {
                app.start(config.bind(), config.port());
            } catch (RuntimeException e) {
                notifications.close();
                throw new EnvironmentException("cannot listen on " + config.bind() + ":" + config.port() + ": "
                        + Database.rootMessage(e) + ": choose another --port (0 picks a free one) or --bind");
            }
            Server server = new Server(config, node, db, worker, notifications, app, admin, tracing);
            address.set(server.url());
            worker.start();
            return server;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Loads the web server's classes while the database starts: on two cores that hides most of a warm start's
     * class loading behind PostgreSQL's own start.
     */
    private static void warmUp() {
        try {
            Javalin.create(c -> c.startup.showJavalinBanner = false).jettyServer().server();
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT).close();
        } catch (RuntimeException | LinkageError e) {
            // only a head start: the real start below reports any real problem
        }
    }

    /**
     * The token of a repository's forge for git (as environment variables, never in the URL), when it has a forge
     * and this server has credentials for it: private repositories clone and fetch with it.
     */
    private static java.util.Map<String, String> gitCredentials(WebhookSettings webhooks, RepoRecord repo) {
        var f = repo.forge();
        if (f == null || !f.isObject() || !webhooks.forges().configured(f.path("kind").asText())) {
            return java.util.Map.of();
        }
        try {
            String base = f.path("base_url").isTextual() ? f.path("base_url").asText() : null;
            return webhooks.forges().open(f.path("kind").asText(), f.path("repository").asText(), base, repo.url())
                    .remote().environment();
        } catch (dev.aap.forge.ForgeException e) {
            return java.util.Map.of();
        }
    }

    /** On a database without tokens, makes the admin token; returns it (shown once), else null. */
    private static String firstAdminToken(Tokens tokens) {
        if (!tokens.empty()) {
            return null;
        }
        String token = TokenSecrets.newToken();
        // two servers starting on an empty database at once: only the one whose insert lands prints a token
        return tokens.add("admin", TokenSecrets.hash(token), Set.of(Scope.ADMIN.label())) ? token : null;
    }

    /** A node id unique in the cluster: host, process id and a random suffix. */
    public static String newNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        byte[] b = new byte[3];
        new SecureRandom().nextBytes(b);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(b);
    }


    public int port() {
        return app.port();
    }

    public String url() {
        String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        return "http://" + host + ":" + port();
    }

    public String node() {
        return node;
    }

    /** The admin token made on this start (first start on an empty database only). */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    /** The running Javalin app; tests enumerate its routes to hold the OpenAPI document to them. */
    Javalin app() {
        return app;
    }

    public Database database() {
        return db;
    }

    public Path home() {
        return config.home();
    }

    /** Stops taking work and requests; runs in progress are left to their leases for another process to resume. */
    @Override
    public void close() {
        worker.close();
        app.stop();
        notifications.close();
        if (tracing != null) {
            tracing.close();
        }
        db.close();
    }
}

package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.run.RunStore;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.server.Server;
import dev.aap.server.WebhookSettings;
import dev.aap.server.ServerConfig;
import dev.aap.server.queue.TestExecutors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code aap serve}: the REST API, live events, dashboard and a share of the work, over PostgreSQL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run aap as a service: REST API under /api/v1, live events, dashboard at /, metrics, and"
                + " workers that run queued tasks. Several servers on one PostgreSQL are one cluster."},
        footer = {"", "With no --database-url (or AAP_DATABASE_URL) an embedded PostgreSQL keeps its data under"
                + " AAP_HOME/pg. The first start on an empty database prints an admin token once."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--database-url", description = "PostgreSQL: postgresql://user:pass@host:port/db or"
            + " jdbc:postgresql://... (default: $AAP_DATABASE_URL, else the embedded one).")
    private String databaseUrl;

    @Option(names = "--workers", description = "Runs at once in this process (default: cores / 2, at least 1).")
    private Integer workers;

    @Option(names = "--allow-local-repos", description = "Allow registering repositories by a path on this machine.")
    private boolean allowLocalRepos;

    @Option(names = "--metrics-open", description = "Serve /metrics without a token.")
    private boolean metricsOpen;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", description = "Allow browser calls from this origin"
            + " (repeatable; default: none, CORS off).")
    private List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--max-queued", defaultValue = "1000", description = "Queued runs per repository before new"
            + " tasks get 429 (default: ${DEFAULT-VALUE}).")
    private int maxQueued;

    @Option(names = "--rate-limit", defaultValue = "600", description = "Requests per minute per token (default:"
            + " ${DEFAULT-VALUE}).")
    private int rateLimit;

    @Option(names = "--lease-seconds", defaultValue = "30", hidden = true,
            description = "How long a run stays claimed without a heartbeat.")
    private int leaseSeconds;

    @Option(names = "--test-strategies", hidden = true, description = "Enable the noop and steps strategies (tests).")
    private boolean testStrategies;

    @picocli.CommandLine.Mixin
    private RunOptions run;

    @picocli.CommandLine.Mixin
    private AgentOptions agentOptions;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be from 0 to 65535, got " + port);
        }
        int n = workers != null ? workers : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        if (n < 1 || n > 256) {
            throw new BadInputException("--workers must be from 1 to 256, got " + n);
        }
        if (leaseSeconds < 2 || maxQueued < 1 || rateLimit < 1) {
            throw new BadInputException("--lease-seconds must be at least 2, --max-queued and --rate-limit at least 1");
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        String model = agentOptions.model(config);
        String baseUrl = agentOptions.baseUrl(config, model);
        Sandbox box = Sandbox.select(run.sandbox);
        if (!box.isolates() && "auto".equals(run.sandbox)) {
            err.println("aap: warning: bubblewrap is not usable here (" + Sandbox.bwrapProblem()
                    + "); runs execute tests WITHOUT a sandbox");
        }
        var executor = new PipelineExecutor(store, box, agentOptions.settings(store.home(), config, model), model,
                baseUrl);
        String db = databaseUrl != null ? databaseUrl : System.getenv("AAP_DATABASE_URL");
        var cfg = new ServerConfig(store.home(), db, bind, port, n, allowLocalRepos, metricsOpen, leaseSeconds,
                maxQueued, rateLimit, 1_048_576, corsOrigins, 15_000, executor,
                testStrategies ? TestExecutors.all(store.home()) : Map.of(), new Agents(model, baseUrl)::describe);
        String node = Server.newNodeId();
        // from here on the libraries' logs (the worker, Flyway, Javalin) are JSON lines on stderr
        JsonLogs.start(System.err, node);
        var forgeEnv = config.forgeEnvironment(System.getenv());
        WebhookSettings webhooks;
        try {
            webhooks = WebhookSettings.fromEnvironment(forgeEnv);
        } catch (dev.aap.forge.ForgeException e) {
            throw new BadInputException(e.getMessage());
        }
        Server server = Server.start(cfg, node, webhooks);
        collectDaily(store.home(), config.retentionDays() != null ? config.retentionDays()
                : dev.aap.core.run.Retention.DEFAULT_DAYS);
        var stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "aap-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        server.adminToken().ifPresent(t -> out.println("admin token: " + t));
        out.println("aap serve: listening on " + server.url() + " (node " + server.node() + ", " + n + " worker"
                + (n == 1 ? "" : "s") + ", database " + (db == null ? "embedded under " + store.home().resolve("pg")
                : dev.aap.server.store.Database.redact(db)) + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Run data past the retention is removed once a day (and once at start), as {@code aap gc} would. */
    private static void collectDaily(java.nio.file.Path home, int days) {
        var log = java.util.logging.Logger.getLogger("dev.aap.cli.gc");
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("aap-gc").unstarted(r)).scheduleAtFixedRate(() -> {
                    try {
                        var plan = dev.aap.core.run.Retention.plan(home, java.time.Duration.ofDays(days),
                                java.time.Instant.now());
                        var problems = dev.aap.core.run.Retention.apply(plan);
                        if (!plan.entries().isEmpty() || !problems.isEmpty()) {
                            log.info("retention: removed " + (plan.entries().size() - problems.size()) + " of "
                                    + plan.entries().size() + " entries older than " + days + " days"
                                    + (problems.isEmpty() ? "" : "; could not remove: " + problems));
                        }
                    } catch (RuntimeException e) {
                        log.warning("retention: " + e.getMessage());
                    }
                }, 1, 24 * 60, java.util.concurrent.TimeUnit.MINUTES);
    }
}

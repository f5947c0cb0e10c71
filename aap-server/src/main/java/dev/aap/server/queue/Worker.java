package dev.aap.server.queue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.AapException;
import dev.aap.core.audit.AuditLog;
import dev.aap.core.pipeline.Checkpoints;
import dev.aap.core.run.ExitCodes;
import dev.aap.server.store.Events;
import dev.aap.server.store.Json;
import dev.aap.server.store.RepoRecord;
import dev.aap.server.store.Repos;
import dev.aap.server.store.Runs;
import dev.aap.server.store.Steps;

import org.slf4j.MDC;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This process's share of the cluster's work: claims runs while it has free slots, renews their leases, passes
 * cancel requests on, and records how each run ended. Leases are what make the work durable: a run whose process
 * dies is claimed again by any process once its lease runs out.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    /** How the queue is worked: slots per process, lease length, how often an idle worker looks. */
    public record Settings(String node, int slots, int leaseSeconds, long pollMillis) {
    }

    /** What happens to runs, for metrics: a run was claimed (after waiting) or ended. */
    public interface Observer {

        default void claimed(String runId, int attempt, long waitedMillis) {
        }

        default void ended(String runId, String strategy, String status, long millis) {
        }

        /** Tells both observers, in order. */
        static Observer both(Observer a, Observer b) {
            return new Observer() {
                @Override
                public void claimed(String runId, int attempt, long waitedMillis) {
                    a.claimed(runId, attempt, waitedMillis);
                    b.claimed(runId, attempt, waitedMillis);
                }

                @Override
                public void ended(String runId, String strategy, String status, long millis) {
                    a.ended(runId, strategy, status, millis);
                    b.ended(runId, strategy, status, millis);
                }

                @Override
                public void event(String strategy, String type, com.fasterxml.jackson.databind.node.ObjectNode json) {
                    a.event(strategy, type, json);
                    b.event(strategy, type, json);
                }
            };
        }

        /** Every event a run records, as it is recorded (step durations, candidates, model calls, test runs). */
        default void event(String strategy, String type, com.fasterxml.jackson.databind.node.ObjectNode json) {
        }
    }

    private final Settings settings;
    private final Runs runs;
    private final Repos repos;
    private final Events events;
    private final Steps steps;
    private final Checkouts checkouts;
    private final Path home;
    private final RunExecutor pipeline;
    private final Map<String, RunExecutor> byStrategy;
    private final Observer observer;
    private final AuditLog audit;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread claimer;
    private Thread heart;

    private record Active(RunJob.Cancellation cancellation, Thread thread) {
    }

    public Worker(Settings settings, Runs runs, Repos repos, Events events, Steps steps, Path home,
                  RunExecutor pipeline, Map<String, RunExecutor> byStrategy, Observer observer,
                  java.util.function.Function<RepoRecord, Map<String, String>> gitCredentials) {
        this(settings, runs, repos, events, steps, home, pipeline, byStrategy, observer, gitCredentials, null);
    }

    /** As above, handing each run the server's audit log ({@code audit} may be null: executors keep their own). */
    public Worker(Settings settings, Runs runs, Repos repos, Events events, Steps steps, Path home,
                  RunExecutor pipeline, Map<String, RunExecutor> byStrategy, Observer observer,
                  java.util.function.Function<RepoRecord, Map<String, String>> gitCredentials, AuditLog audit) {
        this.audit = audit;
        this.settings = settings;
        this.runs = runs;
        this.repos = repos;
        this.events = events;
        this.steps = steps;
        this.checkouts = new Checkouts(home, gitCredentials);
        this.home = home;
        this.pipeline = pipeline;
        this.byStrategy = Map.copyOf(byStrategy);
        this.observer = observer;
    }

    public void start() {
        running = true;
        claimer = Thread.ofPlatform().name("aap-claimer").daemon().start(this::claimLoop);
        heart = Thread.ofPlatform().name("aap-heartbeat").daemon().start(this::heartbeatLoop);
    }

    /** Called when the database says work was queued: an idle claimer looks at once. */
    public void wake() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int activeRuns() {
        return active.size();
    }

    private void claimLoop() {
        while (running) {
            boolean claimed = false;
            try {
                if (active.size() < settings.slots()) {
                    Optional<Runs.Claim> c = runs.claim(settings.node(), settings.leaseSeconds());
                    if (c.isPresent()) {
                        claimed = true;
                        launch(c.get());
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "claiming work failed; trying again: " + e.getMessage());
            }
            if (!claimed) {
                sleepUntilWoken(settings.pollMillis());
            }
        }
    }

    private void sleepUntilWoken(long millis) {
        lock.lock();
        try {
            wake.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void launch(Runs.Claim claim) {
        var run = claim.run();
        long waited = run.startedAt() == null || run.createdAt() == null ? 0
                : Math.max(0, run.startedAt().toEpochMilli() - run.createdAt().toEpochMilli());
        observer.claimed(run.id(), run.attempt(), waited);
        var cancellation = new RunJob.Cancellation();
        Thread t = Thread.ofVirtual().name("aap-run-" + run.id()).unstarted(() -> execute(claim, cancellation));
        active.put(run.id(), new Active(cancellation, t));
        if (run.cancelRequested()) {
            cancellation.request();
        }
        t.start();
    }

    /** Every line logged while a run executes carries its ids, whichever library writes it. */
    private void execute(Runs.Claim claim, RunJob.Cancellation cancellation) {
        var run = claim.run();
        MDC.put("run_id", run.id());
        MDC.put("task_id", run.taskId());
        try {
            LOG.info("run " + run.id() + " started (attempt " + run.attempt() + ", strategy "
                    + claim.spec().strategy() + ", repo " + run.repo() + ")");
            executeRun(claim, cancellation);
        } finally {
            MDC.remove("run_id");
            MDC.remove("task_id");
        }
    }

    private void executeRun(Runs.Claim claim, RunJob.Cancellation cancellation) {
        var run = claim.run();
        long t0 = System.nanoTime();
        String strategy = claim.spec().strategy();
        RunEvents runEvents = new RunEvents(events, run.id(), (type, json) -> observer.event(strategy, type, json));
        RunExecutor.Outcome outcome;
        try {
            RepoRecord repo = repos.get(run.repo()).orElseThrow(() -> new dev.aap.core.BadInputException(
                    "repository '" + run.repo() + "' is no longer registered"));
            Checkouts.Source source = checkouts.resolve(repo, run.baseRef());
            Path runDir = home.resolve("runs").resolve(run.id());
            Files.createDirectories(runDir.resolve("checks"));
            Checkpoints store = new Checkpoints() {
                @Override
                public Optional<JsonNode> load(String step) {
                    return Shield.call(() -> steps.load(run.id(), step));
                }

                @Override
                public void save(String step, JsonNode output) {
                    Shield.run(() -> steps.save(run.id(), step, output, settings.node()));
                }
            };
            var job = new RunJob(run.id(), run.attempt(), claim.spec(), repo, source.dir(), source.commit(), runDir,
                    runEvents, store, cancellation, RunJob.requester(claim.spec(), claim.createdBy()), audit);
            RunExecutor ex = byStrategy.getOrDefault(claim.spec().strategy(), pipeline);
            outcome = ex.run(job);
        } catch (AapException e) {
            outcome = new RunExecutor.Outcome("FAILED", ExitCodes.of(e), firstLine(e.getMessage()), null);
        } catch (InterruptedException e) {
            outcome = new RunExecutor.Outcome("CANCELLED", ExitCodes.INTERRUPTED, "interrupted", null);
        } catch (Exception | Error e) {
            LOG.log(Level.SEVERE, "run " + run.id() + " failed inside aap", e);
            outcome = new RunExecutor.Outcome("FAILED", ExitCodes.ENVIRONMENT,
                    "internal error: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), null);
        }
        if (cancellation.requested() && !"SUCCEEDED".equals(outcome.status())) {
            outcome = new RunExecutor.Outcome("CANCELLED", ExitCodes.INTERRUPTED, "cancelled by request",
                    outcome.result());
        }
        try {
            if (stopping) {
                // this process is shutting down: leave the run to the lease, so another process continues it
                return;
            }
            RunExecutor.Outcome end = outcome;
            boolean recorded = Shield.call(() -> runs.finish(run.id(), settings.node(), run.attempt(), end.status(),
                    end.message(), end.exitCode(), end.result() == null ? null : Json.write(end.result())));
            if (recorded) {
                LOG.info("run " + run.id() + " ended " + end.status() + " (exit " + end.exitCode() + ") in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms: " + end.message());
                observer.ended(run.id(), claim.spec().strategy(), outcome.status(),
                        (System.nanoTime() - t0) / 1_000_000);
            } else {
                LOG.warning("run " + run.id() + " was taken over by another process; its result here is dropped");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot record the end of run " + run.id() + ": " + e.getMessage());
        } finally {
            active.remove(run.id());
            wake();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private void heartbeatLoop() {
        long every = Math.max(250, settings.leaseSeconds() * 1000L / 3);
        every = Math.min(every, 1000);
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            List<String> ids = List.copyOf(active.keySet());
            try {
                for (String id : runs.renew(settings.node(), ids, settings.leaseSeconds())) {
                    Active a = active.get(id);
                    if (a != null) {
                        a.cancellation().request();
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot renew leases: " + e.getMessage());
            }
        }
    }

    /** Stops claiming; runs in progress are interrupted and left to their leases, so another process resumes them. */
    @Override
    public void close() {
        running = false;
        stopping = true;
        wake();
        for (Active a : active.values()) {
            a.thread().interrupt();
        }
        join(claimer);
        if (heart != null) {
            heart.interrupt();
        }
        join(heart);
    }

    private static void join(Thread t) {
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}

package dev.aap.repair.jvm;

import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.jvm.Protocol.Reply;
import dev.aap.repair.jvm.Protocol.Request;
import dev.aap.repair.jvm.WorkerProcess.Answer;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.CandidateValidator;
import dev.aap.repair.validate.Verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Validates Java candidates fast: compiled in memory here, run in a long-lived sandboxed worker JVM where each
 * candidate gets fresh class loaders (so static state starts clean) and the project's own JUnit 4 or 5. A hung
 * candidate costs its timeout: the worker is killed and replaced.
 */
public final class JvmWorker implements CandidateValidator {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration DISCOVERY = Duration.ofMinutes(2);

    private final Sandbox sandbox;
    private final JvmProject project;
    private final List<Path> runnerJars;
    private final CandidateCompiler compiler;
    private WorkerProcess worker;
    private Duration testLimit = Duration.ofSeconds(10);
    private boolean ready;
    /** Whether the current worker has answered any request yet (its first one runs on a cold JVM). */
    private boolean warm;

    private JvmWorker(Sandbox sandbox, JvmProject project, List<Path> runnerJars) {
        this.sandbox = sandbox;
        this.project = project;
        this.runnerJars = List.copyOf(runnerJars);
        this.compiler = new CandidateCompiler(project);
    }

    /**
     * Starts a worker for a compiled project and waits until it is ready.
     *
     * @param runnerJars JUnit jars the project lacks for running tests in-process (see {@link JunitRunnerArtifacts})
     */
    public static JvmWorker start(Sandbox sandbox, JvmProject project, List<Path> runnerJars) {
        var w = new JvmWorker(sandbox, project, runnerJars);
        try {
            w.launch();
            w.awaitReady();
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /**
     * Compiles the given sources a few times and throws the result away, so the in-process compiler is warm (JIT)
     * before the first candidate arrives. Safe to call from another thread while tests run in the worker.
     */
    public void warmUpCompiler(Map<String, String> sources, int rounds, java.util.function.BooleanSupplier keepGoing) {
        for (int i = 0; i < rounds && keepGoing.getAsBoolean(); i++) {
            for (var e : sources.entrySet()) {
                // a trailing comment makes each round's text unique, so the compile cache does not answer instead
                compiler.compile(Map.of(e.getKey(), e.getValue() + "\n// aap warm-up " + i + "\n"));
            }
        }
    }

    /** Every test of the project, as {@code fully.qualified.Class#method}. */
    public synchronized List<String> discoverTests() {
        return switch (call(new Request.Discover(), DISCOVERY)) {
            case Exchange.Replied(Reply.Discovered d) -> d.testIds();
            case Exchange.Replied(Reply other) -> throw unexpected("discovering tests", other);
            case Exchange.TimedOut t -> throw new EnvironmentException(
                    "test discovery did not finish within " + DISCOVERY.toSeconds() + " s");
            case Exchange.Broken b -> throw new EnvironmentException("the test worker failed while discovering "
                    + "tests: " + b.why());
        };
    }

    /**
     * Runs each test alone with the main classes instrumented and reports the lines it executed, keyed by source path
     * relative to the project root. A test that hangs past {@code perTest} counts as failing with no lines.
     */
    public synchronized List<TestCoverage> coverage(List<String> testIds, Duration perTest) {
        return cover(testIds, perTest, Map.of());
    }

    /**
     * As {@link #coverage(List, Duration)} with changed sources compiled and put in place of their classes, so a
     * patch's coverage compares line for line with the baseline's.
     *
     * @throws EnvironmentException when the changed sources do not compile
     */
    public synchronized List<TestCoverage> coverage(Map<String, String> changed, List<String> testIds,
                                                    Duration perTest) {
        var compiled = compiler.compile(changed);
        if (compiled instanceof CandidateCompiler.Result.Failed f) {
            throw new EnvironmentException("a patch to measure does not compile: " + f.message());
        }
        return cover(testIds, perTest, ((CandidateCompiler.Result.Compiled) compiled).classes());
    }

    private List<TestCoverage> cover(List<String> testIds, Duration perTest, Map<String, byte[]> classes) {
        var sources = new SourceIndex(project);
        var out = new ArrayList<TestCoverage>();
        for (String id : testIds) {
            long t0 = System.nanoTime();
            boolean cold = worker == null || !warm;
            Exchange answer = call(new Request.Cover(id, classes), perTest);
            if (answer instanceof Exchange.TimedOut && cold) {
                // class loading and instrumentation on a fresh JVM can eat a short budget on a busy machine:
                // a timeout there is no verdict yet, so the test gets one more try on the now warm worker
                t0 = System.nanoTime();
                answer = call(new Request.Cover(id, classes), perTest);
            }
            long ms = millisSince(t0);
            out.add(switch (answer) {
                case Exchange.Replied(Reply.Covered c) -> {
                    if (c.leakedThreads()) {
                        restart();
                    }
                    yield new TestCoverage(id, c.passed(), sources.relativize(c.lines()), ms);
                }
                case Exchange.Replied(Reply other) -> throw unexpected("measuring coverage of " + id, other);
                case Exchange.TimedOut t -> new TestCoverage(id, false, Map.of(), ms);
                case Exchange.Broken b -> new TestCoverage(id, false, Map.of(), ms);
            });
        }
        return out;
    }

    /**
     * {@inheritDoc} Only {@code .java} files are compiled; other changed files are ignored. The reported millis include
     * waiting for a replacement worker to boot; the timeout does not.
     */
    @Override
    public synchronized Verdict validate(Map<String, String> changed, List<String> first, List<String> rest,
                                         Duration timeout) {
        long started = System.nanoTime();
        var compiled = compiler.compile(changed);
        if (compiled instanceof CandidateCompiler.Result.Failed f) {
            return new Verdict.CompileError(f.message(), millisSince(started));
        }
        var classes = ((CandidateCompiler.Result.Compiled) compiled).classes();
        // the worker announces each test as it starts, so a hang is blamed on the test that was running
        var running = new AtomicReference<>(first.isEmpty() ? (rest.isEmpty() ? "" : rest.get(0)) : first.get(0));
        Exchange outcome = call(new Request.Validate(classes, first, rest), timeout, running::set, testLimit);
        return switch (outcome) {
            case Exchange.Replied(Reply.Validated v) -> {
                if (v.leakedThreads()) {
                    restart();
                }
                yield v.failedTest() == null
                        ? new Verdict.Plausible(v.testsRun(), millisSince(started))
                        : new Verdict.TestFailed(v.failedTest(), v.message(), v.timedOut(), millisSince(started));
            }
            case Exchange.Replied(Reply other) -> {
                restart(); // out of step with the protocol: start afresh
                yield new Verdict.Crashed(describe(other), millisSince(started));
            }
            case Exchange.TimedOut t -> new Verdict.TestFailed(running.get(),
                    "no answer within " + timeout.toMillis() + " ms (or " + testLimit.toMillis()
                            + " ms for one test); the worker was killed", true, millisSince(started));
            case Exchange.Broken b -> new Verdict.Crashed(b.why(), millisSince(started));
        };
    }

    @Override
    public synchronized void setTestLimit(Duration limit) {
        testLimit = limit;
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.kill();
            worker = null;
        }
        compiler.close();
    }

    /** The current worker process, for tests that check it was replaced. */
    synchronized long workerPid() {
        return worker == null ? -1 : worker.pid();
    }

    /** How one request ended, after the worker has been replaced where needed. */
    private sealed interface Exchange {
        record Replied(Reply reply) implements Exchange {
        }

        record TimedOut() implements Exchange {
        }

        record Broken(String why) implements Exchange {
        }
    }

    private Exchange call(Request request, Duration timeout) {
        return call(request, timeout, id -> { });
    }

    private Exchange call(Request request, Duration timeout, Consumer<String> onStarted) {
        return call(request, timeout, onStarted, null);
    }

    /** Waits for the final reply; {@code perTest} (may be null) also bounds each announced test's run. */
    private Exchange call(Request request, Duration timeout, Consumer<String> onStarted, Duration perTest) {
        if (worker == null) {
            launch();
        }
        if (!ready) {
            awaitReady();
        }
        if (!worker.send(request)) {
            return broken("the worker no longer reads requests");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long testDeadline = Long.MAX_VALUE;
        while (true) {
            switch (worker.next(Math.min(deadline, testDeadline))) {
                case Answer.Got(Reply.Started s) -> {
                    onStarted.accept(s.testId());
                    if (perTest != null) {
                        testDeadline = System.nanoTime() + perTest.toNanos();
                    }
                }
                case Answer.Got(Reply.Failure f) -> {
                    return broken("the worker failed: " + f.message());
                }
                case Answer.Got(Reply reply) -> {
                    warm = true;
                    return new Exchange.Replied(reply);
                }
                case Answer.TimedOut t -> {
                    restart();
                    return new Exchange.TimedOut();
                }
                case Answer.Gone g -> {
                    return broken(g.why());
                }
            }
        }
    }

    private Exchange broken(String why) {
        String stderr = worker.stderrTail();
        restart();
        return new Exchange.Broken(stderr.isEmpty() ? why : why + "\n" + stderr);
    }

    private void launch() {
        worker = WorkerProcess.launch(sandbox, project, runnerJars);
        ready = false;
        warm = false;
    }

    /** Kills the worker and starts the next one at once, so its JVM boots while the caller moves on. */
    private void restart() {
        worker.kill();
        launch();
    }

    private void awaitReady() {
        Answer answer = worker.next(System.nanoTime() + STARTUP.toNanos());
        if (answer instanceof Answer.Got(Reply.Ready r)) {
            ready = true;
            return;
        }
        String stderr = worker.stderrTail();
        worker.kill();
        worker = null;
        String why = switch (answer) {
            case Answer.Got(Reply.Failure f) -> f.message();
            case Answer.Got(Reply other) -> "unexpected " + other;
            case Answer.TimedOut t -> "no answer within " + STARTUP.toSeconds() + " s";
            case Answer.Gone g -> g.why();
        };
        throw new EnvironmentException("the Java test worker did not start in " + project.projectRoot() + ": "
                + why + (stderr.isEmpty() ? "" : "\n" + stderr));
    }

    private static String describe(Reply reply) {
        return "unexpected reply from the worker: " + reply;
    }

    private static EnvironmentException unexpected(String doing, Reply reply) {
        return new EnvironmentException(describe(reply) + " while " + doing);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Maps {@code package/dirs/File.java} to its path under one of the main source roots. */
    private record SourceIndex(JvmProject project) {
        Map<String, Set<Integer>> relativize(Map<String, Set<Integer>> byPackagePath) {
            var out = new LinkedHashMap<String, Set<Integer>>();
            byPackagePath.forEach((key, lines) -> {
                for (Path root : project.mainSourceRoots()) {
                    Path file = project.projectRoot().resolve(root).resolve(key);
                    if (Files.isRegularFile(file)) {
                        out.put(project.projectRoot().relativize(file).toString().replace('\\', '/'), lines);
                        return;
                    }
                }
            });
            return out;
        }
    }
}

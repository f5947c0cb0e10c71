package dev.aap.repair.search;

import dev.aap.core.EnvironmentException;
import dev.aap.core.build.JavaLayout;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.jvm.JunitRunnerArtifacts;
import dev.aap.repair.jvm.JvmProject;
import dev.aap.repair.jvm.JvmWorker;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.mutate.JavaMutator;
import dev.aap.repair.validate.CandidateValidator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Java: JaCoCo coverage and in-memory compile + in-process JUnit in a sandboxed worker JVM; JavaParser mutants. */
final class JavaSupport implements LanguageSupport {

    private final JvmWorker worker;
    private final JavaMutator mutator;
    private final List<String> mainRoots;
    private final java.util.function.Supplier<JvmWorker> more;
    private final List<JvmWorker> extra = new ArrayList<>();
    private final List<java.util.concurrent.CompletableFuture<JvmWorker>> starting = new ArrayList<>();
    private final Thread warmUp;
    private volatile boolean warming = true;

    private JavaSupport(JvmWorker worker, JavaMutator mutator, List<String> mainRoots,
                        java.util.function.Supplier<JvmWorker> more, Map<String, String> sources) {
        this.worker = worker;
        this.mutator = mutator;
        this.mainRoots = mainRoots;
        this.more = more;
        // while coverage runs in the worker JVM, boot the other workers and warm up the compiler on spare cores
        for (int i = 1; i < LanguageSupport.parallelism(); i++) {
            starting.add(java.util.concurrent.CompletableFuture.supplyAsync(more));
        }
        var sample = new HashMap<String, String>();
        sources.entrySet().stream().limit(5).forEach(e -> sample.put(e.getKey(), e.getValue()));
        this.warmUp = Thread.ofPlatform().daemon().name("aap-javac-warm-up")
                .start(() -> worker.warmUpCompiler(sample, 30, () -> warming));
    }

    static JavaSupport open(StrategyContext ctx) {
        JavaLayout layout = ctx.build().javaLayout(ctx.buildCtx()).orElseThrow(
                () -> new EnvironmentException("the build tool did not report a Java layout"));
        Path project = ctx.buildCtx().projectDir();
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository");
        List<String> coords = JunitRunnerArtifacts.required(layout.testClasspath());
        List<Path> runner = locateOrFetch(ctx, m2, coords);
        var jvm = new JvmProject(project, layout.mainSources().stream().map(Path::of).toList(),
                layout.testSources().stream().map(Path::of).toList(), layout.classesDir(),
                layout.testClassesDir(), layout.testClasspath(), Path.of(System.getProperty("java.home")));
        JvmWorker worker = JvmWorker.start(ctx.buildCtx().sandbox(), jvm, runner);
        Map<String, String> sources = sources(project, layout.mainSources());
        return new JavaSupport(worker, JavaMutator.create(sources), layout.mainSources(),
                () -> JvmWorker.start(ctx.buildCtx().sandbox(), jvm, runner), sources);
    }

    private static List<Path> locateOrFetch(StrategyContext ctx, Path m2, List<String> coords) {
        var missing = new ArrayList<String>();
        for (String c : coords) {
            try {
                JunitRunnerArtifacts.locate(m2, List.of(c));
            } catch (RuntimeException e) {
                missing.add(c);
            }
        }
        for (String c : missing) {
            // resolving the test runner is dependency resolution: the one kind of command allowed the network
            var spec = ExecSpec.of(List.of("mvn", "-B", "-q", "dependency:get", "-Dartifact=" + c,
                            "-Dtransitive=true"), ctx.buildCtx().projectDir(),
                    new Limits(Duration.ofMinutes(10), 0, 0, 1 << 20, true))
                    .withWritable(List.of(m2.getParent()));
            ExecResult r = ctx.buildCtx().sandbox().exec(spec);
            if (!r.succeeded()) {
                throw new EnvironmentException("cannot resolve the JUnit runner " + c + " with Maven:\n"
                        + r.combinedOutput().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
            }
        }
        return JunitRunnerArtifacts.locate(m2, coords);
    }

    private static Map<String, String> sources(Path project, List<String> roots) {
        var out = new HashMap<String, String>();
        for (String root : roots) {
            Path dir = project.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    out.put(project.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot read sources under " + dir + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** At most this many baseline-failing tests are traced; more rarely sharpen localization but cost time. */
    static final int MAX_FAILING_TRACED = 5;

    @Override
    public List<TestCoverage> coverage(Set<String> baselineFailing) {
        List<String> all = worker.discoverTests();
        var traced = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        int failing = 0;
        for (String id : all) {
            if (!baselineFailing.contains(id)) {
                traced.add(id);
            } else if (failing++ < MAX_FAILING_TRACED) {
                traced.add(id);
            } else {
                skipped.add(id);
            }
        }
        var out = new ArrayList<>(worker.coverage(traced, Duration.ofSeconds(5)));
        skipped.forEach(id -> out.add(new TestCoverage(id, false, Map.of())));
        return out;
    }

    @Override
    public List<Candidate> candidates(String file, String source, Set<Integer> lines) {
        return mutator.candidates(file, lines);
    }

    @Override
    public boolean isRepairable(String file) {
        return file.endsWith(".java") && mainRoots.stream().anyMatch(r -> file.startsWith(r + "/"));
    }

    @Override
    public synchronized List<CandidateValidator> validators() {
        // candidates are compiled in memory and never written to the workspace, so workers can share it
        for (var f : starting) {
            extra.add(f.join());
        }
        starting.clear();
        // warming up only pays while it overlaps coverage; once candidates are ready it would delay them
        warming = false;
        try {
            warmUp.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var all = new ArrayList<CandidateValidator>();
        all.add(worker);
        all.addAll(extra);
        return all;
    }

    @Override
    public Duration candidateTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public java.util.Optional<List<TestCoverage>> coverageWith(Map<String, String> changed, List<String> tests) {
        return java.util.Optional.of(worker.coverage(changed, tests, Duration.ofSeconds(5)));
    }

    @Override
    public synchronized void close() {
        worker.close();
        extra.forEach(JvmWorker::close);
        for (var f : starting) {
            f.thenAccept(JvmWorker::close);
        }
    }
}

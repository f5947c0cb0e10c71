package dev.aap.repair.search;

import dev.aap.core.EnvironmentException;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.python.PythonCoverage;
import dev.aap.repair.python.PythonMutator;
import dev.aap.repair.python.PytestWorker;
import dev.aap.repair.validate.CandidateValidator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Python: a settrace pytest plugin for coverage, ast-based mutants, a forking pytest worker for validation. */
final class PythonSupport implements LanguageSupport {

    private final StrategyContext ctx;
    private final String python;
    private final Path scratch;
    private final PytestWorker worker;
    private final List<PytestWorker> extra = new java.util.ArrayList<>();
    private int covered;

    private PythonSupport(StrategyContext ctx, String python, Path scratch, PytestWorker worker) {
        this.ctx = ctx;
        this.python = python;
        this.scratch = scratch;
        this.worker = worker;
    }

    static PythonSupport open(StrategyContext ctx) {
        String python = ctx.build().python().orElseThrow(
                () -> new EnvironmentException("the build tool did not report a Python interpreter"));
        Path scratch = ctx.scratch().resolve("python");
        PytestWorker worker = PytestWorker.start(ctx.buildCtx().sandbox(), ctx.buildCtx().projectDir(), python,
                scratch);
        return new PythonSupport(ctx, python, scratch, worker);
    }

    @Override
    public List<TestCoverage> coverage(Set<String> baselineFailing) {
        // a traced test that runs past 2 s is cut there (it keeps its lines): looping buggy code costs little
        var timed = PythonCoverage.collectTimed(ctx.buildCtx().sandbox(), ctx.buildCtx().projectDir(), python,
                scratch, Duration.ofSeconds(2));
        return timed.tests().stream().map(t -> new TestCoverage(t.testId(), t.passed(), t.lines(),
                timed.millis().getOrDefault(t.testId(), -1L))).toList();
    }

    @Override
    public List<Candidate> candidates(String file, String source, Set<Integer> lines) {
        return PythonMutator.candidates(file, source, lines);
    }

    @Override
    public boolean isRepairable(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return file.endsWith(".py") && !name.startsWith("test_") && !name.endsWith("_test.py")
                && !name.equals("conftest.py") && !file.startsWith("tests/") && !file.contains("/tests/");
    }

    @Override
    public synchronized List<CandidateValidator> validators() {
        // the Python worker writes candidates into its project directory, so each extra one gets a copy
        while (extra.size() < LanguageSupport.parallelism() - 1) {
            Path copy = ProjectCopy.of(ctx.buildCtx().projectDir(), scratch.resolve("copy-" + (extra.size() + 2)));
            extra.add(PytestWorker.start(ctx.buildCtx().sandbox(), copy, python,
                    scratch.resolve("worker-" + (extra.size() + 2))));
        }
        var all = new java.util.ArrayList<CandidateValidator>();
        all.add(worker);
        all.addAll(extra);
        return all;
    }

    @Override
    public Duration candidateTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String antiPattern(String file, String original, String patched, String operator,
                              AntiPatterns.Reach reach) {
        return AntiPatterns.classify(AntiPatterns.Language.of(file), file, original, patched, operator, reach,
                python);
    }

    @Override
    public synchronized java.util.Optional<List<TestCoverage>> coverageWith(java.util.Map<String, String> changed,
                                                               List<String> tests) {
        // the same tracer as the baseline, on a copy holding the patch: the workspace itself stays untouched
        Path copy = ProjectCopy.of(ctx.buildCtx().projectDir(), scratch.resolve("cover-" + (++covered)));
        try {
            for (var e : changed.entrySet()) {
                java.nio.file.Files.writeString(copy.resolve(e.getKey()), e.getValue());
            }
        } catch (java.io.IOException e) {
            throw new EnvironmentException("cannot write a patch to " + copy + ": " + e.getMessage(), e);
        }
        var timed = PythonCoverage.collectTimed(ctx.buildCtx().sandbox(), copy, python,
                scratch.resolve("cover-scratch-" + covered), Duration.ofSeconds(2));
        var wanted = new java.util.HashSet<>(tests);
        return java.util.Optional.of(timed.tests().stream().filter(t -> wanted.contains(t.testId())).toList());
    }

    @Override
    public void close() {
        worker.close();
        extra.forEach(PytestWorker::close);
    }
}

package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a run as SWE-bench does: a fresh copy of the base commit, the run's patch, then the hidden test files over
 * it, then the project's own test command in the sandbox; the per-test results decide. The engine is done by then.
 */
final class BenchTaskScorer {

    /** How one of the task's tests ended in a scoring run. */
    enum Result { PASSED, FAILED, MISSING }

    /**
     * The per-test results of one test run of a copy.
     *
     * @param byId    outcome per reported test id
     * @param problem what broke the whole run (does not compile, timed out), or null
     */
    record Outcomes(Map<String, TestCase.Outcome> byId, String problem) {

        /** A test id matches itself, or its parameterized cases ({@code id[1]}, {@code id(int)[2]}). */
        Result of(String id) {
            if (problem != null) {
                return Result.FAILED;
            }
            TestCase.Outcome exact = byId.get(id);
            if (exact != null) {
                return exact == TestCase.Outcome.PASSED ? Result.PASSED : Result.FAILED;
            }
            var cases = byId.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(id + "[") || e.getKey().startsWith(id + "(")).toList();
            if (cases.isEmpty()) {
                return Result.MISSING;
            }
            return cases.stream().allMatch(e -> e.getValue() == TestCase.Outcome.PASSED) ? Result.PASSED
                    : Result.FAILED;
        }
    }

    private final Sandbox sandbox;

    BenchTaskScorer(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Scores {@code patch} (a unified diff, or null when the run made none) in {@code work}, a scratch folder. */
    BenchTaskScore score(BenchTask task, String patch, Path work) throws IOException {
        long t0 = System.nanoTime();
        if (patch == null || patch.isBlank()) {
            return BenchTaskScore.notRun(task, "the run produced no patch", seconds(t0));
        }
        Path project = task.copyRepo(work.resolve("project"));
        Path diff = work.resolve("patch.diff");
        Files.writeString(diff, patch.endsWith("\n") ? patch : patch + "\n");
        Git.Result applied = Git.run(project, "apply", "--whitespace=nowarn", diff.toString());
        if (!applied.ok()) {
            return BenchTaskScore.notRun(task, "the patch does not apply to the base commit: "
                    + firstLine(applied.err()), seconds(t0));
        }
        task.applyHiddenTests(project);
        Outcomes o = runTests(task, project, work.resolve("scratch"));
        var notPassing = new ArrayList<String>();
        int f2p = count(task.failToPass(), o, notPassing);
        int p2p = count(task.passToPass(), o, notPassing);
        return new BenchTaskScore(true, f2p, task.failToPass().size(), p2p, task.passToPass().size(), notPassing,
                o.problem() == null ? "" : o.problem(), seconds(t0));
    }

    /**
     * Checks a task against its own claims: on {@code repo/} every PASS_TO_PASS test passes, and with the hidden tests
     * copied over every FAIL_TO_PASS test fails while every PASS_TO_PASS test still passes. Returns the problems.
     */
    List<String> check(BenchTask task, Path work) throws IOException {
        var problems = new ArrayList<String>();
        Path project = task.copyRepo(work.resolve("project"));
        Outcomes base = runTests(task, project, work.resolve("scratch"));
        if (base.problem() != null) {
            problems.add("repo/: " + base.problem());
        }
        for (String id : task.passToPass()) {
            Result r = base.of(id);
            if (r != Result.PASSED) {
                problems.add("PASS_TO_PASS " + id + " is " + r.name().toLowerCase() + " on repo/");
            }
        }
        if ("issue".equals(task.kindExpected())) {
            base.byId().forEach((id, outcome) -> {
                if (outcome != TestCase.Outcome.PASSED && outcome != TestCase.Outcome.SKIPPED) {
                    problems.add("an issue task's tests must all pass on repo/, but " + id + " is " + outcome);
                }
            });
        }
        base.byId().keySet().stream().filter(id -> !task.passToPass().contains(id))
                .forEach(id -> problems.add("repo/ runs " + id + ", which PASS_TO_PASS does not list"));
        task.applyHiddenTests(project);
        Outcomes hidden = runTests(task, project, work.resolve("scratch"));
        for (String id : task.failToPass()) {
            Result r = hidden.of(id);
            if (r != Result.FAILED) {
                problems.add("FAIL_TO_PASS " + id + " is " + r.name().toLowerCase() + " on repo/ with hidden/");
            }
        }
        if (hidden.problem() == null) {
            for (String id : task.passToPass()) {
                if (hidden.of(id) != Result.PASSED) {
                    problems.add("PASS_TO_PASS " + id + " does not pass on repo/ with hidden/");
                }
            }
        }
        return problems;
    }

    private Outcomes runTests(BenchTask task, Path project, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        BuildTool build = BuildTool.detect(project, task.testCommand());
        var ctx = new BuildContext(sandbox, project, scratch, Duration.ofMinutes(10));
        try {
            build.prepare(ctx);
        } catch (BadInputException e) {
            // the message's first line speaks of a baseline; the compiler's words follow it
            String compiler = e.getMessage().lines().skip(1).findFirst().orElse(e.getMessage());
            return new Outcomes(Map.of(), "the project does not compile: " + compiler.strip());
        }
        TestRun run = build.runTests(ctx);
        var byId = new LinkedHashMap<String, TestCase.Outcome>();
        run.report().cases().forEach(c -> byId.put(c.id(), c.outcome()));
        String problem = run.compileError() != null ? "the tests do not compile: " + firstLine(run.compileError())
                : run.exec().timedOut() ? "the test run timed out" : null;
        return new Outcomes(byId, problem);
    }

    private static int count(List<String> ids, Outcomes o, List<String> notPassing) {
        int passed = 0;
        for (String id : ids) {
            Result r = o.of(id);
            if (r == Result.PASSED) {
                passed++;
            } else {
                notPassing.add(id + ": " + r.name().toLowerCase());
            }
        }
        return passed;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    }
}

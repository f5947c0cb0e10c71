package dev.aap.core.pipeline;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestFiles;
import dev.aap.core.build.TestRun;
import dev.aap.core.coverage.Coverage;
import dev.aap.core.run.TaskKind;
import dev.aap.core.run.TestEvidence;
import dev.aap.core.workspace.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The verify step for one solution: the project's own test command, on the base commit and on the branch, decides
 * whether the task kind's success criterion is met. Whatever the strategy said, only these runs count.
 */
final class Verification {

    /** Runs of the new or target tests in a row that must pass on the branch (flaky tests prove nothing). */
    static final int BRANCH_RUNS = 3;

    /**
     * How one solution fared.
     *
     * @param proof    the full test run on the branch
     * @param evidence what the runs showed
     * @param problem  why the criterion is not met, or null when it is
     */
    record Outcome(TestRun proof, TestEvidence evidence, String problem) {
        boolean met() {
            return problem == null;
        }
    }

    private final Baseline base;
    private final Workspace ws;
    private final BuildTool build;
    private final BuildContext ctx;
    private final BiConsumer<String, TestRun> log;
    private final Coverage coverage;
    private boolean instrumentedOnly;

    /**
     * {@code log} writes a run to {@code checks/<name>.log}; {@code coverage} records what each solution's full test
     * run executes (the one run that proves it), for the review's diff coverage.
     */
    Verification(Baseline base, Workspace ws, BuildTool build, BuildContext ctx, BiConsumer<String, TestRun> log,
                 Coverage coverage) {
        this.base = base;
        this.ws = ws;
        this.build = build;
        this.ctx = ctx;
        this.log = log;
        this.coverage = coverage;
    }

    /** Whether the last check passed only without coverage instrumentation (its coverage data is then not used). */
    boolean failedOnlyInstrumented() {
        return instrumentedOnly;
    }

    /** Applies {@code files} to the reset workspace and checks them; the workspace holds the solution afterwards. */
    Outcome check(Map<String, String> files) {
        files.forEach(ws::write);
        TestRun full = build.runTests(coverage.arm(ctx, files.keySet()));
        instrumentedOnly = false;
        if (full.compileError() == null && !full.passed()) {
            // tracing slows the traced code (a recursive function under settrace, say) and a per-test time limit can
            // then fail a right patch: the verdict comes from a plain run, and the coverage is not trusted
            TestRun plain = build.runTests(ctx);
            instrumentedOnly = plain.passed();
            full = plain;
        }
        log.accept("verify", full);
        if (full.compileError() != null) {
            return new Outcome(full, evidence(full, List.of(), Map.of(), 1), "the change does not compile:\n"
                    + full.compileError());
        }
        if (full.exec().timedOut()) {
            return new Outcome(full, evidence(full, List.of(), Map.of(), 1), "the test run timed out");
        }
        if (base.run().report().cases().isEmpty() && full.report().cases().isEmpty()) {
            // a custom test command without reports: its exit code is all there is
            return new Outcome(full, evidence(full, List.of(), Map.of(), 1), full.passed() ? null
                    : "the test command still fails (exit " + full.exec().exitCode() + ")");
        }
        return switch (base.kind()) {
            case REPAIR -> repair(full);
            case TDD -> tdd(full);
            case ISSUE -> issue(full, files);
        };
    }

    private Outcome repair(TestRun full) {
        Map<String, TestCase> now = byId(full);
        for (String t : base.targets()) {
            TestCase c = now.get(t);
            if (c == null || c.outcome() != TestCase.Outcome.PASSED) {
                return new Outcome(full, evidence(full, List.of(), Map.of(), 1), "target " + t + " "
                        + describe(c));
            }
        }
        return withBroken(full, evidence(full, List.of(), Map.of(), 1));
    }

    private Outcome tdd(TestRun full) {
        List<String> targets = full.report().cases().stream().map(TestCase::id)
                .filter(id -> base.targets().stream().anyMatch(f -> TestFiles.defines(f, id))).toList();
        if (targets.isEmpty()) {
            return new Outcome(full, evidence(full, List.of(), Map.of(), 1), "no test of "
                    + String.join(", ", base.targets()) + " ran on the branch");
        }
        Map<String, TestCase> now = byId(full);
        for (String t : targets) {
            if (now.get(t).outcome() != TestCase.Outcome.PASSED) {
                return new Outcome(full, evidence(full, targets, Map.of(), 1), "target " + t + " "
                        + describe(now.get(t)));
            }
        }
        return withBroken(full, evidence(full, targets, Map.of(), 1));
    }

    private Outcome issue(TestRun full, Map<String, String> files) {
        Set<String> before = ids(base.run());
        List<String> added = full.report().cases().stream().map(TestCase::id).filter(id -> !before.contains(id))
                .toList();
        if (added.isEmpty()) {
            return new Outcome(full, evidence(full, added, Map.of(), 1), "the change adds no test; resolving an issue"
                    + " needs a new test that fails on the base commit and passes with the change");
        }
        Map<String, TestCase> now = byId(full);
        for (String t : added) {
            if (now.get(t).outcome() != TestCase.Outcome.PASSED) {
                return new Outcome(full, evidence(full, added, Map.of(), 1), "new test " + t + " "
                        + describe(now.get(t)));
            }
        }
        Outcome broken = withBroken(full, evidence(full, added, Map.of(), 1));
        if (!broken.met()) {
            return broken;
        }
        Map<String, String[]> onBase = onBaseCommit(files, added);
        TestEvidence ev = evidence(full, added, onBase, 1);
        if (ev.failToPass().isEmpty()) {
            return new Outcome(full, ev, "the new tests pass on the base commit too, so they do not reproduce the"
                    + " issue and the change proves nothing");
        }
        for (int run = 2; run <= BRANCH_RUNS; run++) {
            TestRun again = build.runTests(ctx, TestFiles.containers(added));
            log.accept("verify-repeat-" + run, again);
            Map<String, TestCase> r = byId(again);
            for (String t : added) {
                TestCase c = r.get(t);
                if (c == null || c.outcome() != TestCase.Outcome.PASSED) {
                    return new Outcome(full, evidence(full, added, onBase, run - 1), "new test " + t + " is flaky:"
                            + " it passed, then " + describe(c) + " in run " + run + " of " + BRANCH_RUNS);
                }
            }
        }
        return new Outcome(full, evidence(full, added, onBase, BRANCH_RUNS), null);
    }

    /**
     * The new tests' results on the base commit: the solution's test files alone on the base code. A test that
     * cannot compile or be collected there because it uses code the change adds counts as failing; a malformed test
     * (a syntax error) does not.
     */
    private Map<String, String[]> onBaseCommit(Map<String, String> files, List<String> added) {
        ws.reset();
        files.forEach((f, text) -> {
            if (TestFiles.isTestFile(f)) {
                ws.write(f, text);
            }
        });
        TestRun r;
        try {
            r = build.runTests(ctx, TestFiles.containers(added));
            if (r.reportsNoneOf(added)) {
                r = build.runTests(ctx); // the selection named none of them (a custom layout): run everything
            }
            log.accept("verify-base", r);
        } finally {
            ws.reset();
            files.forEach(ws::write);
        }
        var out = new LinkedHashMap<String, String[]>();
        boolean missingCode = r.compileError() != null && !build.brokenTestFiles(r.compileError()).isEmpty();
        Map<String, TestCase> results = byId(r);
        for (String t : added) {
            TestCase c = results.get(t);
            if (c != null) {
                out.put(t, new String[] {status(c), firstLine(c.message())});
            } else if (r.compileError() != null) {
                out.put(t, new String[] {missingCode ? "does not compile" : "malformed",
                        firstLine(r.compileError())});
            } else {
                out.put(t, new String[] {"missing", ""});
            }
        }
        return out;
    }

    private Outcome withBroken(TestRun full, TestEvidence ev) {
        Map<String, TestCase> now = byId(full);
        for (TestCase c : base.run().report().cases()) {
            if (c.outcome() == TestCase.Outcome.PASSED) {
                TestCase after = now.get(c.id());
                if (after == null || after.outcome() != TestCase.Outcome.PASSED) {
                    return new Outcome(full, ev, c.id() + " passed on the base commit but " + describe(after));
                }
            }
        }
        return new Outcome(full, ev, null);
    }

    /** The evidence of the branch run, with the base results of new tests where they were taken. */
    private TestEvidence evidence(TestRun full, List<String> added, Map<String, String[]> newOnBase, int runs) {
        Map<String, TestCase> baseCases = byId(base.run());
        Map<String, TestCase> now = byId(full);
        List<String> targets = base.kind() == TaskKind.TDD ? added : base.targets();
        var failToPass = new ArrayList<String>();
        var results = new ArrayList<TestEvidence.Result>();
        for (String t : base.kind() == TaskKind.ISSUE ? added : targets) {
            TestCase after = now.get(t);
            String b;
            String msg;
            if (base.kind() == TaskKind.ISSUE) {
                String[] r = newOnBase.getOrDefault(t, new String[] {"not run", ""});
                b = r[0];
                msg = r[1];
            } else if (base.kind() == TaskKind.TDD) {
                b = "does not compile";
                msg = firstLine(base.brokenTests());
            } else {
                TestCase c = baseCases.get(t);
                b = status(c);
                msg = c == null ? "" : firstLine(c.message());
            }
            String a = status(after);
            results.add(new TestEvidence.Result(t, b, msg, a));
            boolean failedBefore = b.equals("failed") || b.equals("error") || b.equals("does not compile");
            if (failedBefore && a.equals("passed")) {
                failToPass.add(t);
            }
        }
        var passToPass = new ArrayList<String>();
        var preexisting = new ArrayList<String>();
        for (TestCase c : base.run().report().cases()) {
            TestCase after = now.get(c.id());
            if (c.outcome() == TestCase.Outcome.PASSED && after != null && after.outcome() == TestCase.Outcome.PASSED) {
                passToPass.add(c.id());
            } else if (c.failed() && !targets.contains(c.id())) {
                preexisting.add(c.id());
            }
        }
        List<String> newTests = base.kind() == TaskKind.ISSUE ? added : List.of();
        return new TestEvidence(targets, newTests, failToPass, passToPass, preexisting, results, runs);
    }

    private static Set<String> ids(TestRun r) {
        var out = new LinkedHashSet<String>();
        r.report().cases().forEach(c -> out.add(c.id()));
        return out;
    }

    private static Map<String, TestCase> byId(TestRun r) {
        var out = new LinkedHashMap<String, TestCase>();
        r.report().cases().forEach(c -> out.put(c.id(), c));
        return out;
    }

    private static String status(TestCase c) {
        return c == null ? "missing" : switch (c.outcome()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case ERROR -> "error";
            case SKIPPED -> "skipped";
        };
    }

    private static String describe(TestCase c) {
        return c == null ? "did not run" : c.outcome() == TestCase.Outcome.PASSED ? "passes" : status(c)
                + (c.message().isBlank() ? "" : ": " + firstLine(c.message()));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}

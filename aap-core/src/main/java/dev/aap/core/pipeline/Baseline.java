package dev.aap.core.pipeline;

import dev.aap.core.BadInputException;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;
import dev.aap.core.run.Task;
import dev.aap.core.run.TaskKind;
import dev.aap.core.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The prepare step's outcome: the baseline test run and what it makes of the task (kind and targets).
 *
 * @param run         the baseline run (for test-first work: without the test files that do not compile)
 * @param kind        repair, issue or tdd
 * @param targets     repair: the failing tests to fix; tdd: the test files that do not compile yet; issue: empty
 * @param brokenTests tdd: the compiler or collection errors of those files (the first failure summary), else null
 */
record Baseline(TestRun run, TaskKind kind, List<String> targets, String brokenTests) {

    Baseline {
        targets = List.copyOf(targets);
    }

    /** What ends the run before any strategy starts: nothing to do. */
    static final class NothingToFix extends RuntimeException {
        NothingToFix(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Prepares the build, runs the tests once on the base commit and decides the task kind. Throws
     * {@link BadInputException} for what the user must change, {@link NothingToFix} when all tests pass and no issue
     * is given. {@code logFirstRun} gets the run with the test files that do not compile, before they are set aside.
     */
    static Baseline take(Task task, PatchStrategy strategy, BuildTool build, BuildContext ctx, Workspace workspace,
                         java.util.function.Consumer<TestRun> logFirstRun) {
        List<String> setAside = build.prepare(ctx);
        TestRun run = build.runTests(ctx);
        String broken = null;
        if (run.compileError() != null) {
            List<String> files = setAside.isEmpty() ? build.brokenTestFiles(run.compileError()) : setAside;
            if (files.isEmpty()) {
                throw new BadInputException("the tests do not compile at the base commit, so there is no baseline to"
                        + " repair against:\n" + run.compileError());
            }
            if (!strategy.handles(TaskKind.TDD)) {
                throw new BadInputException("the tests in " + String.join(", ", files) + " use code that does not"
                        + " exist yet (test-first work); the '" + strategy.name() + "' brain only repairs failing"
                        + " tests: pass --model to let the agent write the code\n" + run.compileError());
            }
            logFirstRun.accept(run);
            broken = run.compileError();
            files.forEach(f -> workspace.delete(f));
            try {
                run = build.runTests(ctx);
            } finally {
                workspace.reset();
            }
            if (run.compileError() != null) {
                throw new BadInputException("besides " + String.join(", ", files) + ", which use code that does not"
                        + " exist yet, the tests do not compile at the base commit:\n" + run.compileError());
            }
            return new Baseline(run, TaskKind.TDD, files, broken);
        }
        if (run.exec().timedOut()) {
            throw new BadInputException("the baseline test run did not finish within " + ctx.testTimeout().toMinutes()
                    + " minutes; pass a faster --test command");
        }
        List<String> failing = run.report().failing().stream().map(TestCase::id).toList();
        if (!failing.isEmpty() || run.exec().exitCode() != 0) {
            return new Baseline(run, TaskKind.REPAIR, targets(task, run, failing), null);
        }
        if (!task.targetTests().isEmpty()) {
            throw new BadInputException("--target-test " + String.join(", ", task.targetTests()) + ": all "
                    + run.report().executed() + " tests pass at the base commit, so there is nothing to repair");
        }
        if (task.issue().isBlank()) {
            throw new NothingToFix("nothing to fix: all " + run.report().executed() + " tests pass (give --issue to"
                    + " have the agent reproduce an issue with a new test and resolve it)");
        }
        if (!strategy.handles(TaskKind.ISSUE)) {
            throw new BadInputException("all " + run.report().executed() + " tests pass at the base commit, so the '"
                    + strategy.name() + "' brain has no failing test to aim at; resolving an issue without a failing"
                    + " test needs a model: pass --model (e.g. openai:gpt-4o-mini or ollama:qwen2.5-coder:7b)");
        }
        return new Baseline(run, TaskKind.ISSUE, List.of(), null);
    }

    /** The named targets (each must fail at base) or, without names, every failing test. */
    private static List<String> targets(Task task, TestRun run, List<String> failing) {
        if (task.targetTests().isEmpty()) {
            return failing;
        }
        Set<String> ids = run.report().cases().stream().map(TestCase::id).collect(Collectors.toSet());
        var out = new ArrayList<String>();
        for (String t : task.targetTests()) {
            List<String> matched = failing.stream().filter(f -> f.equals(t) || f.startsWith(t + "#")
                    || f.startsWith(t + "::")).toList();
            if (matched.isEmpty()) {
                throw new BadInputException("--target-test " + t + (ids.contains(t) ? " passes at the base commit"
                        : " is not a test of this project") + "; failing at the base commit: "
                        + (failing.isEmpty() ? "none" : String.join(", ", failing.stream().limit(10).toList())));
            }
            matched.stream().filter(m -> !out.contains(m)).forEach(out::add);
        }
        return out;
    }
}

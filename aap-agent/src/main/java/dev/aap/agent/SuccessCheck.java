package dev.aap.agent;

import dev.aap.agent.role.Tester;
import dev.aap.agent.tool.ToolBox;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestFiles;
import dev.aap.core.build.TestRun;
import dev.aap.core.gates.GatesConfig;
import dev.aap.core.gates.QualityGates;
import dev.aap.core.policy.Finding;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.run.TaskKind;
import dev.aap.core.workspace.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's {@code run_tests}: runs the tests and judges a full run by the task kind's success criterion (the one
 * the pipeline's verify step applies), so "green" means the same thing to the loop, the submit rule and the guards.
 * In issue mode it also runs the model's new tests on the base commit (its code changes set aside) and says which
 * of them reproduce the issue.
 */
final class SuccessCheck {

    private final StrategyContext ctx;
    private final BuildContext buildCtx;
    private final Tester tester;
    private final Set<String> baseIds = new LinkedHashSet<>();
    private final Set<String> basePassing = new LinkedHashSet<>();
    private String checkedTests = "";
    private Map<String, String> onBase = Map.of();
    private boolean missingCodeOnBase;
    private int runs;
    private String lintedState;
    private Optional<String> lintVerdict = Optional.empty();

    SuccessCheck(StrategyContext ctx, BuildContext buildCtx, Tester tester) {
        this.ctx = ctx;
        this.buildCtx = buildCtx;
        this.tester = tester;
        for (TestCase c : ctx.baseline().report().cases()) {
            baseIds.add(c.id());
            if (c.outcome() == TestCase.Outcome.PASSED) {
                basePassing.add(c.id());
            }
        }
    }

    /** Test runs so far (the agent's own and the base-commit checks). */
    int runs() {
        return runs;
    }

    /** Issue mode: whether one of the model's new tests has been seen failing on the base commit. */
    boolean reproduced() {
        return missingCodeOnBase || onBase.values().stream().anyMatch(SuccessCheck::reproduces);
    }

    /** Why a code edit must wait in issue mode, or empty once a new test has failed on the base commit. */
    Optional<String> reproduceFirst(String file) {
        if (ctx.kind() != TaskKind.ISSUE || TestFiles.isTestFile(file) || reproduced()) {
            return Optional.empty();
        }
        return Optional.of("not yet: first reproduce the issue. Add a test beside the existing tests that fails on"
                + " the current code because of the issue, then call run_tests: aap runs your new tests on the base"
                + " commit and says which fail there. Changes to " + file + " are accepted once one of them does.");
    }

    /** Runs {@code selection} (all when empty); a full run is judged by the success criterion. */
    ToolBox.TestSummary run(List<String> selection) {
        runs++;
        TestRun r = ctx.build().runTests(buildCtx, selection);
        String summary = tester.summarize(r);
        if (!selection.isEmpty()) {
            return new ToolBox.TestSummary(summary, r.passed());
        }
        Verdict v = judge(r);
        if (v.met()) {
            Optional<String> lint = newLintFindings();
            if (lint.isPresent()) {
                return new ToolBox.TestSummary(lint.get() + "\n" + summary, false);
            }
        }
        return new ToolBox.TestSummary(v.text() + "\n" + summary, v.met());
    }

    /**
     * The project's own linters and type checkers on the change, as the review will run them: blocking findings the
     * change adds, worded for the model; empty when there are none. Judged once per state of the change.
     */
    private Optional<String> newLintFindings() {
        String state = ctx.workspace().diff().sha256();
        if (!state.equals(lintedState)) {
            var project = ctx.workspace().projectDir();
            String base = dev.aap.core.workspace.Git.check(ctx.workspace().root(), "rev-parse", "HEAD");
            List<Finding> found = QualityGates.newFindings(buildCtx.sandbox(), project, base, changedFiles(),
                    GatesConfig.load(project)).findings().stream().filter(Finding::blocks).toList();
            lintedState = state;
            lintVerdict = found.isEmpty() ? Optional.empty() : Optional.of("Success criterion: NOT MET. The tests"
                    + " pass, but the project's own linters report problems your change adds (the review blocks"
                    + " them):\n" + String.join("\n", found.stream().limit(10).map(f -> "  " + f.message())
                    .toList()) + "\nFix them, then run_tests again.");
        }
        return lintVerdict;
    }

    private record Verdict(boolean met, String text) {
    }

    private Verdict judge(TestRun r) {
        if (r.compileError() != null) {
            if (ctx.kind() == TaskKind.ISSUE && changedFiles().stream().allMatch(TestFiles::isTestFile)
                    && !ctx.build().brokenTestFiles(r.compileError()).isEmpty()) {
                // only tests changed, so this run is the base commit: a test that needs code not written yet
                missingCodeOnBase = true;
                return new Verdict(false, "Success criterion: NOT MET yet. Your new tests do not compile on the base"
                        + " code because they use code that does not exist yet: that reproduces the issue. Now write"
                        + " that code.");
            }
            return new Verdict(false, "Success criterion: NOT MET (the code or the tests do not compile).");
        }
        Map<String, TestCase> now = new LinkedHashMap<>();
        r.report().cases().forEach(c -> now.put(c.id(), c));
        List<String> broken = basePassing.stream().filter(id -> !passed(now.get(id))).toList();
        String brokenText = broken.isEmpty() ? "" : " These passed before your change and fail now: "
                + String.join(", ", broken.stream().limit(5).toList()) + (broken.size() > 5 ? ", ..." : "") + ".";
        return switch (ctx.kind()) {
            case REPAIR -> {
                List<String> open = ctx.targets().stream().filter(t -> !passed(now.get(t))).toList();
                boolean met = open.isEmpty() && broken.isEmpty() && (!now.isEmpty() || r.passed());
                yield new Verdict(met, met ? "Success criterion: MET (every target passes and nothing that passed"
                        + " before fails)." + preexisting() : "Success criterion: NOT MET."
                        + (open.isEmpty() ? "" : " Targets still failing: " + String.join(", ", open) + ".")
                        + brokenText);
            }
            case TDD -> {
                List<String> targets = now.keySet().stream().filter(id -> ctx.targets().stream()
                        .anyMatch(f -> TestFiles.defines(f, id))).toList();
                List<String> open = targets.stream().filter(t -> !passed(now.get(t))).toList();
                boolean met = !targets.isEmpty() && open.isEmpty() && broken.isEmpty();
                yield new Verdict(met, met ? "Success criterion: MET (the tests of " + String.join(", ",
                        ctx.targets()) + " pass, nothing else broke)." : "Success criterion: NOT MET."
                        + (targets.isEmpty() ? " No test of " + String.join(", ", ctx.targets()) + " ran." : "")
                        + (open.isEmpty() ? "" : " Still failing: " + String.join(", ", open) + ".") + brokenText);
            }
            case ISSUE -> issue(now, broken, brokenText);
        };
    }

    private Verdict issue(Map<String, TestCase> now, List<String> broken, String brokenText) {
        List<String> added = now.keySet().stream().filter(id -> !baseIds.contains(id)).toList();
        if (added.isEmpty()) {
            return new Verdict(false, "Success criterion: NOT MET. There is no new test yet: first add a test that"
                    + " reproduces the issue (it must fail on the current code), then run_tests again.");
        }
        List<String> changed = changedFiles(); // one git diff for both
        String tests = testFilesState(changed);
        if (!tests.equals(checkedTests)) {
            onBase = onBaseCommit(added, changed);
            checkedTests = tests;
        }
        var b = new StringBuilder("Your new tests on the base commit (your code changes set aside):\n");
        for (String t : added) {
            String base = onBase.getOrDefault(t, "not run there");
            b.append("- ").append(t).append(": ").append(base)
                    .append(reproduces(base) ? "  -> reproduces the issue" : base.startsWith("PASSED")
                            ? "  -> does NOT reproduce the issue (it passes without your change)" : "").append('\n');
        }
        List<String> open = added.stream().filter(t -> !passed(now.get(t))).toList();
        boolean met = reproduced() && open.isEmpty() && broken.isEmpty();
        String verdict = met ? "Success criterion: MET (a new test fails on the base commit, all new tests pass"
                + " now, nothing that passed before fails)." : "Success criterion: NOT MET."
                + (reproduced() ? "" : " None of your new tests fails on the base commit, so they do not prove"
                + " anything yet: make a test that fails on the current code because of the issue.")
                + (open.isEmpty() ? "" : " New tests failing now: " + String.join(", ", open) + ".") + brokenText;
        return new Verdict(met, verdict + "\n" + b.toString().strip());
    }

    /** Runs the tests with the non-test files of the change put back to the base commit, then restores them. */
    private Map<String, String> onBaseCommit(List<String> added, List<String> changed) {
        Workspace ws = ctx.workspace();
        var saved = new LinkedHashMap<String, Optional<String>>();
        for (String f : changed) {
            if (!TestFiles.isTestFile(f)) {
                saved.put(f, java.nio.file.Files.exists(ws.projectDir().resolve(f)) ? Optional.of(ws.read(f))
                        : Optional.empty());
                ws.readBase(f).ifPresentOrElse(text -> ws.write(f, text), () -> ws.delete(f));
            }
        }
        TestRun r;
        try {
            runs++;
            r = ctx.build().runTests(buildCtx, TestFiles.containers(added));
            if (r.reportsNoneOf(added)) {
                runs++;
                r = ctx.build().runTests(buildCtx); // the selection named none of them: run everything
            }
        } finally {
            saved.forEach((f, text) -> text.ifPresentOrElse(t -> ws.write(f, t), () -> ws.delete(f)));
        }
        var out = new LinkedHashMap<String, String>();
        boolean missingCode = r.compileError() != null && !ctx.build().brokenTestFiles(r.compileError()).isEmpty();
        for (String t : added) {
            TestCase c = r.report().cases().stream().filter(x -> x.id().equals(t)).findFirst().orElse(null);
            if (c != null) {
                out.put(t, c.outcome() + (c.message().isBlank() ? "" : " (" + firstLine(c.message()) + ")"));
            } else if (r.compileError() != null) {
                out.put(t, missingCode ? "FAILED (does not compile there: it uses code your change adds)"
                        : "MALFORMED (the test itself does not compile: " + firstLine(r.compileError()) + ")");
            } else {
                out.put(t, "MISSING (not collected)");
            }
        }
        return out;
    }

    private static boolean reproduces(String baseResult) {
        return baseResult.startsWith("FAILED") || baseResult.startsWith("ERROR");
    }

    /** The changed files, project-relative. */
    private List<String> changedFiles() {
        String prefix = ctx.workspace().source().subdir().isEmpty() ? "" : ctx.workspace().source().subdir() + "/";
        var out = new ArrayList<String>();
        for (String f : ctx.workspace().diff().files()) {
            out.add(f.startsWith(prefix) ? f.substring(prefix.length()) : f);
        }
        return out;
    }

    /** A fingerprint of the test files' current text, to re-check the base commit only when tests changed. */
    private String testFilesState(List<String> changed) {
        var b = new StringBuilder();
        for (String f : changed) {
            if (TestFiles.isTestFile(f) && java.nio.file.Files.exists(ctx.workspace().projectDir().resolve(f))) {
                b.append(f).append('\0').append(ctx.workspace().read(f).hashCode()).append('\n');
            }
        }
        return b.toString();
    }

    private String preexisting() {
        long n = ctx.baseline().report().failing().stream().filter(c -> !ctx.targets().contains(c.id())).count();
        return n == 0 ? "" : " (" + n + " test(s) that already failed on the base commit and are not targets may"
                + " keep failing.)";
    }

    private static boolean passed(TestCase c) {
        return c != null && c.outcome() == TestCase.Outcome.PASSED;
    }

    private static String firstLine(String s) {
        String l = s.strip().lines().findFirst().orElse("");
        return l.length() > 160 ? l.substring(0, 157) + "..." : l;
    }
}

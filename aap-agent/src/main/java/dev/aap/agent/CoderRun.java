package dev.aap.agent;

import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.edit.EditOutcome;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.loop.AgentLoop;
import dev.aap.agent.loop.Limits;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.role.Critic;
import dev.aap.agent.role.Integrator;
import dev.aap.agent.role.Tester;
import dev.aap.agent.tool.Observation;
import dev.aap.agent.tool.ToolBox;
import dev.aap.core.build.BuildContext;
import dev.aap.core.integrate.Narrative;
import dev.aap.core.patch.Patch;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.core.policy.EditGuard;
import dev.aap.core.policy.Policy;
import dev.aap.core.policy.TestIntegrity;
import dev.aap.core.run.ModelUsage;
import dev.aap.core.run.TaskKind;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of the Coder from a clean workspace: the tools over the workspace, the loop, and on green work the
 * Critic (whose "reject" sends the Coder back once with its notes) and the Integrator.
 */
final class CoderRun {

    private static final String EMPTY_SHA = Patch.parse("").sha256();

    private final AgentSettings settings;
    private final StrategyContext ctx;
    private final CodeIndex index;
    private final Tester tester;
    private final String system;
    private final String first;

    CoderRun(AgentSettings settings, StrategyContext ctx, CodeIndex index, Tester tester, String system,
             String first) {
        this.settings = settings;
        this.ctx = ctx;
        this.index = index;
        this.tester = tester;
        this.system = system;
        this.first = first;
    }

    StrategyResult run(ModelCaller caller, int attempt) {
        var project = ctx.workspace().projectDir();
        var files = new ProjectFiles(project, rel -> ctx.workspace().trackNew(rel));
        var edits = new int[1];
        var buildCtx = new BuildContext(ctx.buildCtx().sandbox(), ctx.buildCtx().projectDir(),
                ctx.buildCtx().scratch(), testTimeout(ctx));
        var check = new SuccessCheck(ctx, buildCtx, tester);
        Policy policy = Policy.load(project);
        EditGuard guard = EditGuard.load(project);
        var applier = new EditApplier(files, policy, () -> ctx.workspace().diff().changedLines(),
                settings.maxChangedLines(), (file, before, after) -> check.reproduceFirst(file)
                        .or(() -> weakensTests(file, after))
                        .or(() -> tooManyFiles(policy, file))
                        .or(() -> guard.problem(file, before, after)));
        java.util.function.Function<List<String>, ToolBox.TestSummary> tests = check::run;
        var stale = new boolean[1]; // an edit since the index was last brought up to date
        Runnable refresh = () -> {
            if (stale[0]) {
                index.update();
                stale[0] = false;
            }
        };
        var tools = new ToolBox(files, index, refresh, applier, out -> {
            if (out instanceof EditOutcome.Applied) {
                edits[0]++;
                stale[0] = true;
            }
        }, tests);
        var limits = new Limits(settings.maxSteps(), settings.maxInputTokens(), settings.maxOutputTokens(),
                settings.maxCostUsd(), ctx.deadline(), settings.maxChangedLines(), 4);
        var loop = new AgentLoop(caller, tools, limits, ctx.events(), () -> {
            String sha = ctx.workspace().diff().sha256();
            return sha.equals(EMPTY_SHA) ? "" : sha;
        }, tests);
        AgentLoop.Result res = loop.run(system, first);
        if (res.stop().kind().needsHuman()) {
            return new StrategyResult.NeedsHuman(res.stop().reason(), stats(edits, check, res, caller));
        }
        if (!res.green()) {
            return new StrategyResult.NotFound("the agent stopped: " + res.stop().kind() + " (" + res.stop().reason()
                    + ")", stats(edits, check, res, caller));
        }
        Optional<Map<String, String>> green = changedFiles();
        if (green.isEmpty()) {
            return new StrategyResult.NotFound("the agent's change deletes a file, which this version does not hand"
                    + " on", stats(edits, check, res, caller));
        }
        Narrative narrative = Narrative.none();
        String summary = res.summary();
        if (settings.roles()) {
            String criterion = "run_tests: the success criterion of this " + ctx.kind().label() + " task is met";
            Critic.Review review = new Critic(caller).review(ctx.task().issue(), ctx.workspace().diff().diff(),
                    criterion);
            if (review.verdict().equals("reject")) {
                caller.trajectory().write("critic_reject", Map.of("attempt", attempt, "notes", review.notes()));
                String reviewed = ctx.workspace().diff().sha256();
                AgentLoop.Result revised = loop.resume(revisionNote(review));
                Optional<Map<String, String>> now = revised.green() ? changedFiles() : Optional.empty();
                if (now.isPresent()) {
                    green = now;
                    summary = revised.summary().isBlank() ? summary : revised.summary();
                    if (!ctx.workspace().diff().sha256().equals(reviewed)) {
                        review = new Critic(caller).review(ctx.task().issue(), ctx.workspace().diff().diff(),
                                criterion);
                    } else {
                        // the Coder stood by its change: the verdict stays on record, its answer is the summary
                        caller.trajectory().write("critic_answered", Map.of("attempt", attempt, "summary", summary));
                    }
                } else {
                    // the revision did not end green: the earlier change still meets the criterion, so it stands
                    caller.trajectory().write("critic_revision_dropped", Map.of("attempt", attempt, "stop",
                            revised.stop().kind().name()));
                    ctx.workspace().reset();
                    green.get().forEach(ctx.workspace()::write);
                }
            }
            narrative = new Integrator(caller).describe(ctx.task().issue(), ctx.workspace().diff().diff(), review);
        }
        Patch patch = ctx.workspace().diff();
        String line = summary.isBlank() ? "change by the llm agent" : summary.lines().findFirst().orElse("").strip();
        List<String> fixed = ctx.kind() == TaskKind.REPAIR ? ctx.targets() : List.of();
        return new StrategyResult.Found(List.of(new StrategyResult.Solution(green.get(), line, patch.changedLines(),
                1.0, ctx.elapsedMillis(), fixed, narrative)), stats(edits, check, res, caller));
    }

    /** What the Coder reads when the Critic rejects its change: the notes, and its two ways on. */
    private static String revisionNote(Critic.Review review) {
        var b = new StringBuilder("A reviewer rejected this change:\n");
        review.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        return Observation.untrusted("review", b.toString()) + "\nIf the reviewer is right, revise the change (edit,"
                + " run_tests, submit). If the reviewer is wrong, call submit again without changes and say why.";
    }

    /** The changed files' current text (project-relative), or empty when the change deletes a file. */
    private Optional<Map<String, String>> changedFiles() {
        var project = ctx.workspace().projectDir();
        String prefix = ctx.workspace().source().subdir().isEmpty() ? "" : ctx.workspace().source().subdir() + "/";
        var changed = new LinkedHashMap<String, String>();
        for (String f : ctx.workspace().diff().files()) {
            String rel = f.startsWith(prefix) ? f.substring(prefix.length()) : f;
            if (!Files.isRegularFile(project.resolve(rel))) {
                return Optional.empty();
            }
            changed.put(rel, ctx.workspace().read(rel));
        }
        return Optional.of(changed);
    }

    /**
     * Why an edit may not leave {@code file} as {@code after}: it weakens tests of the base commit (a removed test or
     * assertion, a changed expectation, an added skip); empty when it does not or the user allowed test edits.
     */
    /** The review's file-count limits, applied before an edit that would cross them is written. */
    private Optional<String> tooManyFiles(Policy policy, String file) {
        var diff = ctx.workspace().diff();
        String prefix = ctx.workspace().source().subdir().isEmpty() ? "" : ctx.workspace().source().subdir() + "/";
        String name = prefix + file;
        if (diff.files().contains(name)) {
            return Optional.empty();
        }
        if (diff.files().size() + 1 > policy.maxChangedFiles()) {
            return Optional.of("Edit REJECTED, nothing was changed: the change already touches " + diff.files().size()
                    + " files, the most the policy allows (max_changed_files). Keep the fix to the files you have"
                    + " changed, or undo a change you no longer need.");
        }
        boolean isNew = !java.nio.file.Files.exists(ctx.workspace().projectDir().resolve(file));
        if (isNew && diff.newFiles().size() + 1 > policy.maxNewFiles()) {
            return Optional.of("Edit REJECTED, nothing was changed: the change already adds " + diff.newFiles().size()
                    + " new files, the most the policy allows (max_new_files). Put the code in an existing file.");
        }
        return Optional.empty();
    }

    private Optional<String> weakensTests(String file, String after) {
        if (ctx.task().allowTestEdits() || !TestIntegrity.isTestFile(file)) {
            return Optional.empty();
        }
        var before = ctx.workspace().readBase(file);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        var findings = TestIntegrity.check(file, before.get(), after);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        var b = new StringBuilder("this edit weakens existing tests, which the policy blocks:\n");
        findings.stream().limit(5).forEach(f -> b.append("- ").append(f.render()).append('\n'));
        return Optional.of(b.append("Keep existing tests and what they expect; add new tests if you need them, and"
                + " change the code under test instead.").toString());
    }

    private StrategyResult.Stats stats(int[] edits, SuccessCheck check, AgentLoop.Result res, ModelCaller caller) {
        return new StrategyResult.Stats(edits[0], check.runs(), check.runs(), median(res.overheadMs()),
                res.green() ? ctx.elapsedMillis() : -1, caller.meter().total());
    }

    /** One line for the attempts record. */
    static String describe(StrategyResult r) {
        return switch (r) {
            case StrategyResult.Found f -> "met the success criterion: " + f.solutions().get(0).summary();
            case StrategyResult.NotFound nf -> nf.reason();
            case StrategyResult.NeedsHuman nh -> "needs a human: " + nh.reason();
            case StrategyResult.NeedsInput ni -> "needs answers: " + String.join(" ", ni.questions());
        };
    }

    /** {@code r} with the attempts record and the run's total model usage. */
    static StrategyResult withAttempts(StrategyResult r, List<String> attempts, ModelUsage total) {
        List<String> lines = attempts.size() > 1 ? attempts : List.of();
        return switch (r) {
            case StrategyResult.Found f -> new StrategyResult.Found(f.solutions(),
                    f.stats().withAttempts(lines, total));
            case StrategyResult.NotFound nf -> new StrategyResult.NotFound(nf.reason(),
                    nf.stats().withAttempts(lines, total), nf.suspicious());
            case StrategyResult.NeedsHuman nh -> new StrategyResult.NeedsHuman(nh.reason(),
                    nh.stats().withAttempts(lines, total));
            case StrategyResult.NeedsInput ni -> new StrategyResult.NeedsInput(ni.questions(),
                    ni.stats().withAttempts(lines, total));
        };
    }

    /** Three times the baseline run, at least a minute, at most the build's own limit. */
    private static Duration testTimeout(StrategyContext ctx) {
        long base = ctx.baseline().exec().elapsed().toMillis();
        Duration d = Duration.ofMillis(Math.max(60_000, base * 3));
        return d.compareTo(ctx.buildCtx().testTimeout()) > 0 ? ctx.buildCtx().testTimeout() : d;
    }

    private static long median(List<Long> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        var s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}

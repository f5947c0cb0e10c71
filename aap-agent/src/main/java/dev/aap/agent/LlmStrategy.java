package dev.aap.agent;

import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.IndexStats;
import dev.aap.agent.loop.AgentLoop;
import dev.aap.agent.loop.Limits;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.loop.Trajectory;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.role.Critic;
import dev.aap.agent.role.Integrator;
import dev.aap.agent.role.Planner;
import dev.aap.agent.role.Prompts;
import dev.aap.agent.role.SpecRefiner;
import dev.aap.agent.role.Tester;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.tool.ToolBox;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.build.BuildContext;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.Event;
import dev.aap.core.integrate.Narrative;
import dev.aap.core.patch.Patch;
import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.core.policy.Policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code llm} brain: refine the task, retrieve code, plan, then let the Coder edit and test through typed tools
 * until the tests pass; the Critic reviews the diff and the Integrator describes it.
 */
public final class LlmStrategy implements PatchStrategy {

    private final AgentSettings settings;

    public LlmStrategy(AgentSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "llm";
    }

    /** Every kind: failing tests to repair, an issue to reproduce and resolve, tests written first. */
    @Override
    public boolean handles(dev.aap.core.run.TaskKind kind) {
        return true;
    }

    @Override
    public StrategyResult run(StrategyContext ctx) {
        var meter = new UsageMeter(PriceTable.load(ctx.cacheDir().resolveSibling("prices.yaml")));
        try (Trajectory trajectory = Trajectory.open(ctx.runDir().resolve("trajectory.jsonl"))) {
            ModelGateway gateway = settings.gateways().apply(ctx.task(), (model, attempt, outcome, millis) -> {
                if (!outcome.equals("ok")) { // a retry or a fallback follows, or the run ends: say so now
                    trajectory.write("model_attempt", Map.of("model", model, "attempt", attempt, "outcome", outcome,
                            "millis", millis));
                    ctx.events().emit(new Event.Warning("model " + model + " attempt " + attempt + " failed: "
                            + outcome));
                }
            });
            var header = new LinkedHashMap<String, Object>();
            header.put("models", gateway.describe());
            header.put("context_tokens", gateway.contextTokens()); // a replay needs the same window and temperature
            header.put("temperature", gateway.temperature());
            header.put("issue", ctx.task().issue());
            header.put("max_steps", settings.maxSteps());
            header.put("max_cost_usd", settings.maxCostUsd());
            header.put("hints", ctx.hints());
            trajectory.write("header", header);
            var caller = new ModelCaller(gateway, meter, trajectory, ctx.events());
            List<java.nio.file.Path> sources = Context.sourceFiles(ctx.workspace().projectDir());
            try (CodeIndex index = openIndex(ctx, sources.size())) {
                return work(ctx, caller, index, sources);
            } finally {
                ctx.events().emit(new Event.StepFinished("llm", ctx.elapsedMillis(), usageLine(meter)));
            }
        }
    }

    private StrategyResult work(StrategyContext ctx, ModelCaller caller, CodeIndex index,
                                List<java.nio.file.Path> sources) {
        var project = ctx.workspace().projectDir();
        Thread warm = Thread.ofVirtual().start(LlmStrategy::warmUp); // class loading off the Coder's steps
        var tester = new Tester(project.toString(), Context.names(sources), 3000);
        String failing = switch (ctx.kind()) {
            case TDD -> "The tests of " + String.join(", ", ctx.targets()) + " do not compile or cannot be"
                    + " collected:\n" + ctx.brokenTests() + "\nThe other tests: " + tester.summarize(ctx.baseline());
            case ISSUE, REPAIR -> tester.summarize(ctx.baseline());
        };
        String issue = ctx.task().issue();
        SpecRefiner.Spec spec = settings.roles() ? new SpecRefiner(caller).refine(issue, failing)
                : SpecRefiner.Spec.empty();
        String retrieved = Context.retrieve(index, issue, ctx.baseline(), 10_000);
        List<String> plan = settings.roles()
                ? new Planner(caller).plan(issue, spec.acceptanceCriteria(), retrieved) : List.of();
        String first = Context.firstMessage(TaskBrief.task(ctx, TaskBrief.testLocations(project, sources)), issue,
                spec, plan, failing, TaskBrief.testSource(ctx, sources), Context.hintLines(project, hints(ctx)),
                retrieved, Context.layout(project));

        var files = new ProjectFiles(project, rel -> ctx.workspace().trackNew(rel));
        var counts = new int[1]; // edits applied
        Duration timeout = testTimeout(ctx);
        var buildCtx = new BuildContext(ctx.buildCtx().sandbox(), ctx.buildCtx().projectDir(),
                ctx.buildCtx().scratch(), timeout);
        var check = new SuccessCheck(ctx, buildCtx, tester);
        var applier = new EditApplier(files, Policy.load(project), () -> ctx.workspace().diff().changedLines(),
                settings.maxChangedLines(), (file, before, after) -> check.reproduceFirst(file)
                        .or(() -> weakensTests(ctx, file, after)));
        java.util.function.Function<List<String>, ToolBox.TestSummary> tests = check::run;
        var stale = new boolean[1]; // an edit since the index was last brought up to date
        Runnable refresh = () -> {
            if (stale[0]) {
                index.update();
                stale[0] = false;
            }
        };
        var tools = new ToolBox(files, index, refresh, applier, out -> {
            if (out instanceof dev.aap.agent.edit.EditOutcome.Applied) {
                counts[0]++;
                stale[0] = true;
            }
        }, tests);
        var limits = new Limits(settings.maxSteps(), settings.maxInputTokens(), settings.maxOutputTokens(),
                settings.maxCostUsd(), ctx.deadline(), settings.maxChangedLines(), 4);
        var loop = new AgentLoop(caller, tools, limits, ctx.events(), () -> {
            String sha = ctx.workspace().diff().sha256();
            return sha.equals(EMPTY_SHA) ? "" : sha;
        }, tests);
        String system = Prompts.load("coder", Map.of("language", ctx.build().language(), "build", ctx.build().name()));
        try {
            warm.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AgentLoop.Result res = loop.run(system, first);
        var stats = new StrategyResult.Stats(counts[0], check.runs(), check.runs(), median(res.overheadMs()),
                res.green() ? ctx.elapsedMillis() : -1, caller.meter().total());
        if (res.stop().kind().needsHuman()) {
            return new StrategyResult.NeedsHuman(res.stop().reason(), stats);
        }
        if (!res.green()) {
            return new StrategyResult.NotFound("the agent stopped: " + res.stop().kind() + " (" + res.stop().reason()
                    + ")", stats);
        }
        return solution(ctx, caller, res, stats);
    }

    /** The green workspace as one solution, reviewed by the Critic and described by the Integrator. */
    private StrategyResult solution(StrategyContext ctx, ModelCaller caller, AgentLoop.Result res,
                                    StrategyResult.Stats stats) {
        var project = ctx.workspace().projectDir();
        Patch patch = ctx.workspace().diff();
        var changed = new LinkedHashMap<String, String>();
        String prefix = ctx.workspace().source().subdir().isEmpty() ? "" : ctx.workspace().source().subdir() + "/";
        for (String f : patch.files()) {
            String rel = f.startsWith(prefix) ? f.substring(prefix.length()) : f;
            if (!java.nio.file.Files.isRegularFile(project.resolve(rel))) {
                return new StrategyResult.NotFound("the agent's change deletes " + f
                        + ", which this version does not hand on", stats);
            }
            changed.put(rel, ctx.workspace().read(rel));
        }
        String issue = ctx.task().issue();
        Narrative narrative = Narrative.none();
        if (settings.roles()) {
            Critic.Review review = new Critic(caller).review(issue, patch.diff(), "all tests pass");
            narrative = new Integrator(caller).describe(issue, patch.diff(), review);
        }
        var finalStats = new StrategyResult.Stats(stats.candidates(), stats.validated(), stats.compiled(),
                stats.validationMsMedian(), stats.firstPlausibleMs(), caller.meter().total());
        String summary = res.summary().isBlank() ? "change by the llm agent" : res.summary().lines().findFirst()
                .orElse("").strip();
        List<String> fixed = ctx.kind() == dev.aap.core.run.TaskKind.REPAIR ? ctx.targets() : List.of();
        return new StrategyResult.Found(List.of(new StrategyResult.Solution(changed, summary, patch.changedLines(),
                1.0, ctx.elapsedMillis(), fixed, narrative)), finalStats);
    }

    /**
     * Why an edit may not leave {@code file} as {@code after}: it weakens tests of the base commit (a removed test or
     * assertion, a changed expectation, an added skip); empty when it does not or the user allowed test edits.
     */
    private static java.util.Optional<String> weakensTests(StrategyContext ctx, String file, String after) {
        if (ctx.task().allowTestEdits() || !dev.aap.core.policy.TestIntegrity.isTestFile(file)) {
            return java.util.Optional.empty();
        }
        var before = ctx.workspace().readBase(file);
        if (before.isEmpty()) {
            return java.util.Optional.empty();
        }
        var findings = dev.aap.core.policy.TestIntegrity.check(file, before.get(), after);
        if (findings.isEmpty()) {
            return java.util.Optional.empty();
        }
        var b = new StringBuilder("this edit weakens existing tests, which the policy blocks:\n");
        findings.stream().limit(5).forEach(f -> b.append("- ").append(f.render()).append('\n'));
        return java.util.Optional.of(b.append("Keep existing tests and what they expect; add new tests if you need"
                + " them, and change the code under test instead.").toString());
    }

    /** Loads the parsers and serializers every step uses while the first model calls are in flight. */
    private static void warmUp() {
        String java = "class W { int f(int a) { return a + 1; } }\n";
        String py = "def f(a):\n    return a + 1\n";
        dev.aap.agent.index.SourceSymbols.of("W.java", java);
        dev.aap.agent.index.SyntaxCheck.problem("W.java", java);
        dev.aap.agent.index.SourceSymbols.of("w.py", py);
        dev.aap.agent.index.SyntaxCheck.problem("w.py", py);
        dev.langchain4j.data.message.ChatMessageSerializer.messagesToJson(List.of(
                dev.langchain4j.data.message.UserMessage.from("warm")));
    }

    /** Suspicious lines handed over (hybrid) or, failing that, from the localizer; empty when neither has any. */
    private List<String> hints(StrategyContext ctx) {
        if (!ctx.hints().isEmpty() || settings.localizer() == null || ctx.kind() != dev.aap.core.run.TaskKind.REPAIR) {
            return ctx.hints(); // coverage ranks lines by failing tests: only a repair has them at the start
        }
        ctx.events().emit(new Event.StepStarted("localize"));
        try {
            return settings.localizer().apply(ctx);
        } catch (RuntimeException e) {
            // the hints are advice: without them the agent still has the index and its tools, so say so and go on
            ctx.events().emit(new Event.Warning("no coverage hints for the agent (" + e.getClass().getSimpleName()
                    + "): " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            return List.of();
        } finally {
            ctx.workspace().reset();
        }
    }

    /** Above this many source files, vectors are only built by {@code aap index}, not inside a run. */
    static final int EMBED_NOW_MAX_FILES = 150;

    private static final String EMPTY_SHA = Patch.parse("").sha256();

    private CodeIndex openIndex(StrategyContext ctx, long files) {
        ctx.events().emit(new Event.StepStarted("index"));
        long t0 = System.nanoTime();
        var src = ctx.workspace().source();
        String key = src.topLevel() + (src.subdir().isEmpty() ? "" : "/" + src.subdir());
        var dir = CodeIndex.dirFor(ctx.cacheDir(), key);
        boolean vectors = settings.embeddings();
        if (vectors && !CodeIndex.storedEmbeddings(dir).orElse(false)) {
            if (files > EMBED_NOW_MAX_FILES) {
                // embedding runs at tens of chunks a second here: a big project would spend minutes on it
                vectors = false;
                ctx.events().emit(new Event.Warning(files + " source files and no vectors in the code index yet:"
                        + " this run searches by keywords only; 'aap index " + key + "' adds the vectors once"));
            }
        }
        CodeIndex index = CodeIndex.open(dir, ctx.workspace().projectDir(), vectors);
        IndexStats s = index.update();
        ctx.events().emit(new Event.StepFinished("index", (System.nanoTime() - t0) / 1_000_000, s.files()
                + " files, " + s.chunks() + " chunks, " + s.changedFiles() + " re-indexed"));
        return index;
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

    private static String usageLine(UsageMeter m) {
        var u = m.total();
        return u.modelCalls() + " model calls, " + u.inputTokens() + " input / " + u.outputTokens()
                + " output tokens, $" + String.format("%.4f", u.costUsd()) + (u.priceKnown() ? "" : " (price unknown"
                + " for " + String.join(", ", m.unpriced()) + ")");
    }
}

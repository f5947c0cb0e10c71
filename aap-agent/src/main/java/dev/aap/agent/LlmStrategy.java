package dev.aap.agent;

import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.IndexStats;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.loop.Trajectory;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.role.Planner;
import dev.aap.agent.role.Prompts;
import dev.aap.agent.role.SpecRefiner;
import dev.aap.agent.role.Tester;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.event.Event;
import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;

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
            header.put("roles", settings.roles() ? "full" : "minimal"); // a replay must ask the same roles
            header.put("attempts", settings.attempts());
            header.put("embeddings", settings.embeddings()); // retrieval ranks differently without vectors
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
        if (!spec.blockingQuestions().isEmpty()) {
            if (!issue.contains(SpecRefiner.ANSWERS)) {
                caller.trajectory().write("needs_input", Map.of("questions", spec.blockingQuestions()));
                return new StrategyResult.NeedsInput(spec.blockingQuestions(), new StrategyResult.Stats(0, 0, 0, 0,
                        -1, caller.meter().total()));
            }
            spec = spec.settled(); // asked once and answered: a second round of questions is decided, not asked
        }
        String retrieved = Context.retrieve(index, issue, ctx.baseline(),
                Context.retrievalBudget(caller.contextTokens()));
        List<String> plan = settings.roles()
                ? new Planner(caller).plan(issue, spec.acceptanceCriteria(), retrieved) : List.of();
        String first = Context.firstMessage(TaskBrief.task(ctx, TaskBrief.testLocations(project, sources)), issue,
                spec, plan, failing, TaskBrief.testSource(ctx, sources), Context.hintLines(project, hints(ctx)),
                retrieved, Context.layout(project));

        String system = Prompts.load("coder", Map.of("language", ctx.build().language(), "build", ctx.build().name()));
        try {
            warm.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var attempt = new CoderRun(settings, ctx, index, tester, system, first);
        var record = new ArrayList<String>();
        StrategyResult last = null;
        for (int k = 1; k <= settings.attempts(); k++) {
            if (k > 1) {
                if (ctx.pastDeadline()) {
                    record.add(k + ": not started, the time budget ran out");
                    break;
                }
                ctx.workspace().reset(); // an independent attempt starts from the base commit
                ctx.events().emit(new Event.StepStarted("attempt " + k + " of " + settings.attempts()));
            }
            // later attempts sample at a higher temperature, so they do not repeat the first one word for word
            ModelCaller c = k == 1 ? caller : caller.withTemperature(Math.max(caller.temperature(), RETRY_TEMPERATURE));
            caller.trajectory().write("attempt", Map.of("attempt", k, "of", settings.attempts(), "temperature",
                    c.temperature()));
            last = attempt.run(c, k);
            record.add(k + ": " + CoderRun.describe(last));
            if (!(last instanceof StrategyResult.NotFound)) {
                break;
            }
        }
        return CoderRun.withAttempts(last, record, caller.meter().total());
    }

    /** The temperature of attempts after the first. */
    static final double RETRY_TEMPERATURE = 0.7;

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



    private static String usageLine(UsageMeter m) {
        var u = m.total();
        return u.modelCalls() + " model calls, " + u.inputTokens() + " input / " + u.outputTokens()
                + " output tokens, $" + String.format("%.4f", u.costUsd()) + (u.priceKnown() ? "" : " (price unknown"
                + " for " + String.join(", ", m.unpriced()) + ")");
    }
}

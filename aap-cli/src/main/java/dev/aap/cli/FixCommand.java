package dev.aap.cli;

import dev.aap.agent.AgentSettings;
import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.aap.core.BadInputException;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aap fix}: the main job. */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Find, verify and commit a change to a git repository: a fix for its failing tests (repair),"
                + " an issue resolved with new tests that reproduce it (issue, needs a model), or code that tests"
                + " written first need (tdd, needs a model)."},
        footer = {"", "Exit codes: 0 verified patch, 1 none found within budget, 2 bad input,"
                + " 3 environment problem, 4 blocked by policy, 130 interrupted."})
final class FixCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", required = true, description = "Git repository (or a project directory inside one).")
    private Path repo;

    @Option(names = "--test", description = "Test command overriding the detected one (run with sh -c).")
    private String test;

    @Option(names = "--issue", description = "Issue text or goal (the agent's task; also the branch name and PR body).")
    private String issue;

    @Option(names = "--issue-file", description = "Read the issue text from this file (e.g. an exported issue).")
    private Path issueFile;

    @Option(names = "--target-test", paramLabel = "ID", description = "A failing test to fix (repeatable:"
            + " pkg.ClassTest#method, pkg.ClassTest, tests/test_x.py::test_y); other tests failing at the base commit"
            + " may keep failing and are listed as pre-existing. Default: every failing test.")
    private List<String> targetTests = new java.util.ArrayList<>();

    @Option(names = "--allow-test-edits", description = "Allow changes that weaken existing tests (removed tests or"
            + " assertions, changed expectations, added skips); they are listed in pr.md.")
    private boolean allowTestEdits;

    @Option(names = "--strategy", defaultValue = "auto", description = "Brain: auto (default: llm when a model is"
            + " configured, else search), search (offline), llm (model agent), hybrid (search first, then llm).")
    private String strategy;

    @Option(names = "--model", description = "Model(s) for the llm brain: openai:NAME, anthropic:NAME or ollama:NAME;"
            + " a comma-separated list is a fallback chain (default: $AAP_MODEL).")
    private String model;

    @Option(names = "--base-url", description = "Model server address, e.g. http://localhost:8000/v1 for vLLM"
            + " (default: $AAP_BASE_URL, else the provider's).")
    private String baseUrl;

    @Option(names = "--max-steps", description = "Most agent turns (default: 30).")
    private Integer maxSteps;

    @Option(names = "--max-cost-usd", description = "Most dollars the models may cost (default: 2.0).")
    private Double maxCostUsd;

    @Option(names = "--context-tokens", description = "Context window of the model(s) in tokens (default:"
            + " $AAP_CONTEXT_TOKENS, else the model's own: 128000 for OpenAI's gpt-4o and gpt-4.1, 200000 for Claude,"
            + " 8192 for Ollama, 32768 for another OpenAI-compatible server).")
    private Integer contextTokens;

    @Option(names = "--temperature", description = "Sampling temperature of every model request (default:"
            + " $AAP_TEMPERATURE, else 0).")
    private Double temperature;

    @Option(names = "--no-cache", description = "Always ask the model, never answer from the response cache.")
    private boolean noCache;

    @Option(names = "--no-embeddings", description = "Code index without vector search (BM25 only).")
    private boolean noEmbeddings;

    @Option(names = "--attempts", defaultValue = "1", description = "Independent attempts of the agent, each from a"
            + " clean workspace (the first at --temperature, later ones at 0.7), until one meets the success"
            + " criterion (default: ${DEFAULT-VALUE}).")
    private int attempts;

    @Option(names = "--roles", paramLabel = "full|minimal", description = "full: Spec-Refiner, Planner, Coder,"
            + " Critic and Integrator; minimal: the Coder and the deterministic Tester only (fewer model calls). Default:"
            + " minimal for ollama: models, full otherwise.")
    private String roles;

    @Option(names = "--no-roles", description = "The same as --roles minimal: no Spec-Refiner, Planner, Critic or Integrator"
            + " (fewer model calls, e.g. for a slow local model).")
    private boolean noRoles;

    @Option(names = "--budget-seconds", description = "Wall-time budget for localizing and searching or for the"
            + " agent (default: 300 for search, 900 for llm and hybrid: models answer in seconds, not milliseconds).")
    private Integer budgetSeconds;

    @Option(names = "--max-candidates", defaultValue = "5000", description = "Most candidates to validate (default: ${DEFAULT-VALUE}).")
    private int maxCandidates;

    @Option(names = "--dry-run", description = "Verify and write artifacts, but create no branch.")
    private boolean dryRun;

    @picocli.CommandLine.Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        if (budgetSeconds != null && budgetSeconds <= 0) {
            throw new BadInputException("--budget-seconds must be positive, got " + budgetSeconds);
        }
        if (attempts < 1 || attempts > 10) {
            throw new BadInputException("--attempts must be between 1 and 10, got " + attempts);
        }
        if (maxCandidates <= 0) {
            throw new BadInputException("--max-candidates must be positive, got " + maxCandidates);
        }
        var err = spec.commandLine().getErr();
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        String chosenModel = UserConfig.pick(model, "AAP_MODEL", config.model());
        String chosenUrl = UserConfig.baseUrl(baseUrl, config.baseUrl(), chosenModel);
        int maxSteps = this.maxSteps != null ? this.maxSteps : config.maxSteps() != null ? config.maxSteps() : 30;
        double maxCostUsd = this.maxCostUsd != null ? this.maxCostUsd
                : config.maxCostUsd() != null ? config.maxCostUsd() : 2.0;
        Integer window = UserConfig.contextTokens(contextTokens, config.contextTokens());
        double sampling = UserConfig.temperature(temperature, config.temperature());
        String issueText = issueText();
        String brain = Strategies.resolve(strategy, chosenModel);
        if (maxSteps <= 0 || maxCostUsd < 0) {
            throw new BadInputException("--max-steps must be positive and --max-cost-usd not negative");
        }
        if (!brain.equals("search")) {
            // a bad --model or a missing key should fail now, not after the baseline build
            Models.connect(ModelSpec.parseChain(chosenModel, chosenUrl), ModelSettings.defaults());
        }
        Sandbox box = Sandbox.select(run.sandbox);
        if (!box.isolates() && "auto".equals(run.sandbox)) {
            err.println("aap: warning: bubblewrap is not usable here (" + Sandbox.bwrapProblem()
                    + "); running tests WITHOUT a sandbox");
        }
        var task = new Task(repo, issueText, test, brain, Duration.ofSeconds(budgetSeconds != null ? budgetSeconds
                : brain.equals("search") ? 300 : 900), maxCandidates, chosenModel,
                chosenUrl, null, targetTests, allowTestEdits);
        var agent = AgentSettings.defaults(ModelWiring.gateways(store.home(), !noCache, window, sampling))
                .withLimits(maxSteps, maxCostUsd).withEmbeddings(!noEmbeddings).withRoles(fullRoles(chosenModel))
                .withAttempts(attempts);
        var pipeline = new Pipeline(store, box, Strategies.all(agent), List.of(new ProgressPrinter(err, run.quiet)),
                dryRun);
        RunResult result = Interrupts.run(pipeline, task, err);
        Output.print(result, run.json, spec.commandLine().getOut(), err);
        return result.exitCode();
    }

    /** Whether the model-backed roles run around the Coder: a slow local model is spared four extra calls. */
    private boolean fullRoles(String chosenModel) {
        if (noRoles && roles != null && !roles.equals("minimal")) {
            throw new BadInputException("--no-roles and --roles " + roles + " contradict each other");
        }
        if (noRoles) {
            return false;
        }
        if (roles == null) {
            return chosenModel == null || !chosenModel.strip().startsWith("ollama:");
        }
        return switch (roles.strip()) {
            case "full" -> true;
            case "minimal" -> false;
            default -> throw new BadInputException("--roles must be full or minimal, got '" + roles + "'");
        };
    }

    private String issueText() {
        if (issueFile == null) {
            return issue;
        }
        if (issue != null) {
            throw new BadInputException("give --issue or --issue-file, not both");
        }
        try {
            return java.nio.file.Files.readString(issueFile);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot read --issue-file " + issueFile + ": " + e.getMessage());
        }
    }
}

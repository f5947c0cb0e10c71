package dev.aap.cli;

import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.ModelSpec;
import dev.aap.agent.model.Models;
import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.event.EventListener;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code aap bench DIR}: runs the fix pipeline over a benchmark folder and prints a table. Two layouts: task folders
 * with a {@code task.json} each (issue text, hidden tests; scored by the hidden tests), or QuixBugs-style packages
 * {@code DIR/{java,python}/<name>/bench.json} (scored against the reference fix). The engine never sees what scores it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the pipeline over a benchmark folder and print a table: task folders DIR/<name>/task.json"
                + " (see bench/tasks/README.md), or QuixBugs-style packages DIR/{java,python}/<name>/bench.json."},
        footer = {"", "Exit codes: 0 the suite ran (whatever it resolved), 2 bad input (a task.json, or issue tasks"
                + " without a model), 3 environment problem."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "Benchmark folder, e.g. bench/tasks or ../shared/bench/quixbugs-dev.")
    private Path dir;

    @Option(names = "--budget-seconds", description = "Budget per task or program (default: 60 for packages;"
            + " for tasks 900 with a model, 120 for search).")
    private Integer budgetSeconds;

    @Option(names = "--language", description = "Only java or only python.")
    private String language;

    @Option(names = "--only", split = ",", description = "Only these task or program names.")
    private List<String> only = List.of();

    @Option(names = "--sandbox", defaultValue = "auto", description = "bwrap, none or auto.")
    private String sandbox;

    @Option(names = "--json", description = "Print the results as one JSON object on stdout.")
    private boolean json;

    @Option(names = "--verbose", description = "Show each run's progress on stderr.")
    private boolean verbose;

    @Option(names = "--strategy", description = "Brain: auto, search, llm or hybrid (default: search for packages;"
            + " auto for tasks, which is llm with a model).")
    private String strategy;

    @picocli.CommandLine.Mixin
    private AgentOptions agentOptions;

    @Option(names = "--check-tasks", description = "Run no engine: check that each task's PASS_TO_PASS tests pass"
            + " on repo/ and its FAIL_TO_PASS tests fail there with hidden/ (for task authors).")
    private boolean checkTasks;

    @Override
    public Integer call() throws Exception {
        if (budgetSeconds != null && budgetSeconds <= 0) {
            throw new BadInputException("--budget-seconds must be positive, got " + budgetSeconds);
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("benchmark folder " + dir + " is not a directory");
        }
        if (BenchTask.isSuite(dir)) {
            return tasks();
        }
        if (checkTasks) {
            throw new BadInputException("--check-tasks is for task folders (DIR/<name>/task.json); " + dir
                    + " holds none");
        }
        return packages();
    }

    private int tasks() throws Exception {
        List<BenchTask> tasks = BenchTask.find(dir, language, only);
        if (tasks.isEmpty()) {
            throw new BadInputException("no tasks under " + dir + " match --language/--only");
        }
        PrintWriter err = spec.commandLine().getErr();
        RunStore store = RunStore.open(RunStore.defaultHome());
        Sandbox box = sandbox(err);
        if (checkTasks) {
            return check(tasks, box);
        }
        UserConfig config = UserConfig.load(store.home());
        String chosen = agentOptions.model(config);
        String url = agentOptions.baseUrl(config, chosen);
        String brain = tasksBrain(tasks, chosen, url);
        int budget = budgetSeconds != null ? budgetSeconds : brain.equals("search") ? 120 : 900;
        var settings = new BenchTaskRunner.Settings(brain, chosen, url, Duration.ofSeconds(budget));
        var rows = new BenchTaskRunner(pipelines(store, box, config, err), store, box, settings, err).run(tasks);
        var about = new LinkedHashMap<String, Object>();
        about.put("suite", dir.toAbsolutePath().normalize().toString());
        about.put("strategy", brain);
        about.put("model", chosen);
        BenchTaskReport.print(rows, about, json, spec.commandLine().getOut());
        return 0;
    }

    /** auto means llm with a model; without one, only a suite of repair tasks can run (on search). */
    private String tasksBrain(List<BenchTask> tasks, String chosenModel, String url) {
        String wanted = strategy == null ? "auto" : strategy;
        if (wanted.equals("auto") && chosenModel == null) {
            List<String> needModel = tasks.stream().filter(t -> !t.kindExpected().equals("repair"))
                    .map(t -> t.name() + " (" + t.kindExpected() + ")").toList();
            if (!needModel.isEmpty()) {
                throw new BadInputException("these tasks need a model: " + String.join(", ", needModel) + ". An issue"
                        + " or tdd task has no failing test for the offline search brain to aim at; pass --model"
                        + " (e.g. openai:gpt-4o-mini or ollama:qwen2.5-coder:7b) or set AAP_MODEL. --strategy search"
                        + " runs them anyway (they will end unresolved).");
            }
        }
        String brain = Strategies.resolve(wanted, chosenModel);
        if (!brain.equals("search")) {
            // a bad --model or a missing key should fail now, not after the first task's build
            Models.connect(ModelSpec.parseChain(chosenModel, url), ModelSettings.defaults());
        }
        return brain;
    }

    private int check(List<BenchTask> tasks, Sandbox box) throws Exception {
        var scorer = new BenchTaskScorer(box);
        var out = spec.commandLine().getOut();
        int bad = 0;
        for (BenchTask t : tasks) {
            Path work = Files.createTempDirectory("aap-bench-check");
            List<String> problems;
            try {
                problems = scorer.check(t, work);
            } finally {
                dev.aap.core.workspace.Workspace.deleteTree(work);
            }
            out.println(t.name() + ": " + (problems.isEmpty() ? "ok (" + t.failToPass().size() + " fail-to-pass, "
                    + t.passToPass().size() + " pass-to-pass)" : String.join("; ", problems)));
            out.flush();
            bad += problems.isEmpty() ? 0 : 1;
        }
        if (bad > 0) {
            throw new BadInputException(bad + " of " + tasks.size() + " task(s) do not hold what their task.json says");
        }
        return 0;
    }

    private int packages() throws Exception {
        List<BenchPackage> packages = BenchPackage.find(dir, language, only);
        if (packages.isEmpty()) {
            throw new BadInputException("no benchmark packages under " + dir + ": expected DIR/{java,python}/<name>/"
                    + "bench.json, or task folders DIR/<name>/task.json");
        }
        PrintWriter err = spec.commandLine().getErr();
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        String chosen = agentOptions.model(config);
        String url = agentOptions.baseUrl(config, chosen);
        String brain = Strategies.resolve(strategy == null ? "search" : strategy, chosen);
        Sandbox box = sandbox(err);
        Supplier<Pipeline> pipelines = pipelines(store, box, config, err);
        Duration budget = Duration.ofSeconds(budgetSeconds != null ? budgetSeconds : 60);
        Path work = Files.createTempDirectory("aap-bench");
        var rows = new ArrayList<BenchRow>();
        try {
            int i = 0;
            for (BenchPackage pkg : packages) {
                i++;
                err.printf("[%d/%d] %s/%s ...%n", i, packages.size(), pkg.language(), pkg.name());
                err.flush();
                Path repo = pkg.copyForEngine(work.resolve(pkg.language() + "-" + pkg.name()));
                var task = new Task(repo, "", null, brain, budget, 100_000, chosen, url, null);
                long t0 = System.nanoTime();
                BenchRow row;
                try {
                    RunResult r = pipelines.get().run(task);
                    // only now, with the engine done, is the reference fix read
                    row = BenchRow.of(pkg, r, repo);
                } catch (AapException e) {
                    row = BenchRow.error(pkg, e.getMessage(), (System.nanoTime() - t0) / 1e9);
                }
                rows.add(row);
                err.printf("        %s%n", row.oneLine());
                err.flush();
            }
        } finally {
            dev.aap.core.workspace.Workspace.deleteTree(work);
        }
        BenchReport.print(rows, json, spec.commandLine().getOut());
        return 0;
    }

    private Sandbox sandbox(PrintWriter err) {
        Sandbox box = Sandbox.select(sandbox);
        if (!box.isolates() && "auto".equals(sandbox)) {
            err.println("aap: warning: bubblewrap is not usable here (" + Sandbox.bwrapProblem()
                    + "); running tests WITHOUT a sandbox");
        }
        return box;
    }

    /** A fresh pipeline per run, with the agent options of this command ({@code --dry-run}: no branches). */
    private Supplier<Pipeline> pipelines(RunStore store, Sandbox box, UserConfig config, PrintWriter err) {
        agentOptions.noCache = true; // a benchmark measures the model: an answer cached by an earlier run is no data
        var agent = agentOptions.settings(store.home(), config, agentOptions.model(config));
        List<EventListener> listeners = verbose ? List.of(new ProgressPrinter(err, false)) : List.of();
        return () -> new Pipeline(store, box, Strategies.all(agent), listeners, true);
    }
}

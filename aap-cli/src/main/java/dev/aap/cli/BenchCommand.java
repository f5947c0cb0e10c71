package dev.aap.cli;

import dev.aap.core.AapException;
import dev.aap.core.BadInputException;
import dev.aap.core.pipeline.Pipeline;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aap bench DIR}: runs the fix pipeline over every package of a benchmark folder and prints a table. The
 * engine gets a copy without the reference fix; the reference is read only after the engine is done.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the pipeline over a benchmark folder DIR/{java,python}/<name>/ and print a table.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "Benchmark folder, e.g. ../shared/bench/quixbugs-dev.")
    private Path dir;

    @Option(names = "--budget-seconds", defaultValue = "60", description = "Budget per program (default: ${DEFAULT-VALUE}).")
    private int budgetSeconds;

    @Option(names = "--language", description = "Only java or only python.")
    private String language;

    @Option(names = "--only", split = ",", description = "Only these program names.")
    private List<String> only = List.of();

    @Option(names = "--sandbox", defaultValue = "auto", description = "bwrap, none or auto.")
    private String sandbox;

    @Option(names = "--json", description = "Print the results as one JSON object on stdout.")
    private boolean json;

    @Option(names = "--verbose", description = "Show each run's progress on stderr.")
    private boolean verbose;

    @Option(names = "--strategy", defaultValue = "search", description = "Brain: search (default), llm, hybrid, auto.")
    private String strategy;

    @Option(names = "--model", description = "Model(s) for llm/hybrid, as for 'aap fix' (default: $AAP_MODEL, else config.yaml).")
    private String model;

    @Option(names = "--base-url", description = "Model server address (default: $AAP_BASE_URL).")
    private String baseUrl;

    @Override
    public Integer call() throws Exception {
        List<BenchPackage> packages = BenchPackage.find(dir, language, only);
        if (packages.isEmpty()) {
            throw new BadInputException("no benchmark packages (DIR/{java,python}/<name>/bench.json) under " + dir);
        }
        var err = spec.commandLine().getErr();
        UserConfig config = UserConfig.load(dev.aap.core.run.RunStore.defaultHome());
        String model = UserConfig.pick(this.model, "AAP_MODEL", config.model());
        String baseUrl = UserConfig.baseUrl(this.baseUrl, config.baseUrl(), model);
        String brain = Strategies.resolve(strategy, model);
        Sandbox box = Sandbox.select(sandbox);
        RunStore store = RunStore.open(RunStore.defaultHome());
        Path work = Files.createTempDirectory("aap-bench");
        var rows = new ArrayList<BenchRow>();
        try {
            int i = 0;
            for (BenchPackage pkg : packages) {
                i++;
                err.printf("[%d/%d] %s/%s ...%n", i, packages.size(), pkg.language(), pkg.name());
                err.flush();
                Path repo = pkg.copyForEngine(work.resolve(pkg.language() + "-" + pkg.name()));
                var listeners = verbose ? List.<dev.aap.core.event.EventListener>of(new ProgressPrinter(err, false))
                        : List.<dev.aap.core.event.EventListener>of();
                var agent = dev.aap.agent.AgentSettings.defaults(ModelWiring.gateways(store.home(), true));
                var pipeline = new Pipeline(store, box, Strategies.all(agent), listeners, true);
                var task = new Task(repo, "", null, brain, Duration.ofSeconds(budgetSeconds), 100_000, model,
                        baseUrl, null);
                long t0 = System.nanoTime();
                BenchRow row;
                try {
                    RunResult r = pipeline.run(task);
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
}

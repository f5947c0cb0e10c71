package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aap runs [show ID]}: past runs from {@code AAP_HOME/runs}. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List past runs, or show one: aap runs show ID.")
final class RunsCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..2", description = "'show ID' to print one run's run.json and pr.md.")
    private java.util.List<String> args = java.util.List.of();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        RunStore store = RunStore.open(RunStore.defaultHome());
        if (args.isEmpty()) {
            out.printf("%-22s %-11s %-5s %-8s %-8s %-9s %s%n", "RUN", "STATUS", "EXIT", "BRAIN", "SECONDS", "COST",
                    "MESSAGE");
            for (RunResult r : store.list()) {
                String cost = r.usage().modelCalls() == 0 ? "-"
                        : String.format("$%.4f", r.usage().costUsd()) + (r.usage().priceKnown() ? "" : "?");
                out.printf("%-22s %-11s %-5d %-8s %-8.1f %-9s %s%n", r.runId(), r.status(), r.exitCode(),
                        r.strategy(), r.seconds(), cost, r.message());
            }
            return 0;
        }
        if (args.size() != 2 || !args.get(0).equals("show")) {
            throw new BadInputException("usage: aap runs [show RUN_ID]");
        }
        if (!RunId.isValid(args.get(1))) {
            throw new BadInputException("'" + args.get(1) + "' is not a run id (they look like 20260101-120000-a1b2c3);"
                    + " 'aap runs' lists them");
        }
        Path dir = store.runDir(new RunId(args.get(1)));
        Path json = dir.resolve("run.json");
        if (!Files.isRegularFile(json)) {
            throw new BadInputException("no run " + args.get(1) + " in " + store.home() + "; 'aap runs' lists them");
        }
        out.println(Files.readString(json));
        Path pr = dir.resolve("pr.md");
        if (Files.isRegularFile(pr)) {
            out.println();
            out.println(Files.readString(pr));
        }
        return 0;
    }
}

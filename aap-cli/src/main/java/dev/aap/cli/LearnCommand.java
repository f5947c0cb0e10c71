package dev.aap.cli;

import dev.aap.core.run.RunStore;
import dev.aap.repair.priors.HistoryMiner;
import dev.aap.repair.priors.Priors;
import dev.aap.repair.priors.RepoPriors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aap learn PATH}: per-repository operator priors from the repository's own small bug-fix commits. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Mine a git repository's history for small bug fixes (a fix/bug/fault/error/issue word in the"
                + " message, at most " + HistoryMiner.MAX_LINES + " changed lines in one .java/.py file), classify"
                + " them by single-statement bug pattern and store the counts in AAP_HOME/priors.",
                "The search brain then blends them with the published pattern counts when it fixes this repository."})
final class LearnCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A git work tree, or a directory inside one.")
    private Path path;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path top = HistoryMiner.topLevel(path.toAbsolutePath().normalize());
        long start = System.nanoTime();
        long[] last = {start};
        RepoPriors mined = HistoryMiner.mine(top, (commits, fixes) -> {
            long now = System.nanoTime();
            if (now - last[0] > 2_000_000_000L) {
                last[0] = now;
                err.printf("[%6.1fs] %d commits read, %d small fixes%n", (now - start) / 1e9, commits, fixes);
                err.flush();
            }
        });
        Path file = RepoPriors.fileFor(RunStore.defaultHome(), top);
        mined.write(file);
        out.printf("learned from %s: %d commits, %d small fixes in %.1f s%n", top, mined.commitsScanned(),
                mined.fixCommits(), (System.nanoTime() - start) / 1e9);
        for (var lang : mined.counts().entrySet()) {
            out.printf("%s (%d classified changes):%n", lang.getKey(), mined.total(lang.getKey()));
            lang.getValue().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        }
        if (mined.counts().isEmpty()) {
            out.println("no small fix could be classified; 'aap fix' keeps the published priors");
        } else {
            out.printf("these count as extra observations next to the published counts (weight %.0f)%n",
                    Priors.CORPUS_WEIGHT);
        }
        out.printf("priors: %s%n", file);
        out.flush();
        return 0;
    }
}

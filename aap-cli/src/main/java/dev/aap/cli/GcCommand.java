package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.run.Retention;
import dev.aap.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aap gc}: removes run data past the retention time (artifacts and trajectories, which hold prompts and
 * code; workspaces; cached model answers). Unfinished runs, the audit trail, keys, the database and clones stay.
 */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Remove runs, workspaces and cached model answers older than the retention time"
                + " (retention_days in config.yaml, default 30 days).")
final class GcCommand implements Callable<Integer> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([dhm]?)");

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "AGE", description = "30d, 12h or 90m (default: retention_days"
            + " from config.yaml, else 30d).")
    private String olderThan;

    @Option(names = "--dry-run", description = "List what would be removed; remove nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        RunStore store = RunStore.open(RunStore.defaultHome());
        UserConfig config = UserConfig.load(store.home());
        Duration age = olderThan != null ? parse(olderThan)
                : Duration.ofDays(config.retentionDays() != null ? config.retentionDays() : Retention.DEFAULT_DAYS);
        Retention.Plan plan = Retention.plan(store.home(), age, Instant.now());
        var out = spec.commandLine().getOut();
        for (Retention.Entry e : plan.entries()) {
            out.println((dryRun ? "would remove " : "remove ") + store.home().relativize(e.path()) + " ("
                    + human(e.bytes()) + ", last changed " + e.lastChanged() + ")");
        }
        var problems = dryRun ? java.util.List.<String>of() : Retention.apply(plan);
        problems.forEach(p -> spec.commandLine().getErr().println("aap: cannot remove " + p));
        out.println((dryRun ? "would free " : "freed ") + human(plan.bytes()) + " in " + plan.entries().size()
                + " entr" + (plan.entries().size() == 1 ? "y" : "ies") + " older than " + plan.cutoff());
        return problems.isEmpty() ? 0 : 3;
    }

    static Duration parse(String text) {
        Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadInputException("--older-than must look like 30d, 12h or 90m, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofDays(n);
        };
    }

    private static String human(long bytes) {
        return bytes < 1024 * 1024 ? (bytes / 1024) + " KiB" : String.format(Locale.ROOT, "%.1f MiB",
                bytes / (1024.0 * 1024));
    }
}

package dev.aap.core.run;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What aap keeps past the retention time, and its removal: run directories (artifacts, trajectories with prompts
 * and code), workspaces, and cached model responses whose newest file is older than the cut-off. A run that has
 * not finished is never removed, however old; the audit trail, keys, the database and the repository clones are
 * never touched.
 */
public final class Retention {

    /** The default retention ({@code retention_days} in config.yaml). */
    public static final int DEFAULT_DAYS = 30;

    private static final List<String> AREAS = List.of("runs", "workspaces", "cache/responses");

    /** One entry to remove: where, how many bytes, and when it last changed. */
    public record Entry(Path path, long bytes, Instant lastChanged) {
    }

    /** What a collection removes (or, on a dry run, would remove). */
    public record Plan(Instant cutoff, List<Entry> entries) {

        public Plan {
            entries = List.copyOf(entries);
        }

        public long bytes() {
            return entries.stream().mapToLong(Entry::bytes).sum();
        }
    }

    private Retention() {
    }

    /** The entries under {@code home} last changed before {@code now - olderThan}. */
    public static Plan plan(Path home, Duration olderThan, Instant now) {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative");
        }
        Instant cutoff = now.minus(olderThan);
        var entries = new ArrayList<Entry>();
        for (String area : AREAS) {
            Path dir = home.resolve(area);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.sorted().toList()) {
                    Instant changed = newest(child);
                    if (changed.isBefore(cutoff) && !(area.equals("runs") && unfinished(child))) {
                        entries.add(new Entry(child, size(child), changed));
                    }
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return new Plan(cutoff, entries);
    }

    /** Removes what the plan names; returns the entries it could not remove, with why. */
    public static List<String> apply(Plan plan) {
        var problems = new ArrayList<String>();
        for (Entry e : plan.entries()) {
            try {
                delete(e.path());
            } catch (IOException ex) {
                problems.add(e.path() + ": " + ex.getMessage());
            }
        }
        return problems;
    }

    /** A run directory whose run.json says it is still going (or that has none yet but a task). */
    private static boolean unfinished(Path runDir) {
        Path json = runDir.resolve("run.json");
        try {
            if (Files.isRegularFile(json)) {
                String status = RunStore.JSON.readTree(json.toFile()).path("status").asText("RUNNING");
                try {
                    return !RunStatus.valueOf(status).isFinal();
                } catch (IllegalArgumentException e) {
                    return true;
                }
            }
            return Files.isRegularFile(runDir.resolve("task.json"));
        } catch (IOException e) {
            return true;
        }
    }

    private static Instant newest(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return Files.getLastModifiedTime(p).toInstant();
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    return FileTime.from(Instant.now());
                }
            }).max(FileTime::compareTo).map(FileTime::toInstant).orElse(Instant.now());
        }
    }

    private static long size(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                f.toFile().setWritable(true);
                Files.deleteIfExists(f);
            }
        }
    }
}

package dev.aap.repair.priors;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.workspace.Git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Mines a repository's history for small bug fixes (a fix/bug/fault/error/issue word in the message, at most three
 * changed lines in one Java or Python file) and counts them by single-statement bug pattern.
 */
public final class HistoryMiner {

    /** Most changed source lines (per side: the larger of added and removed) a commit may have to count. */
    public static final int MAX_LINES = 3;

    private static final Pattern FIX_WORDS = Pattern.compile(
            "\\b(fix(e[sd]|ing)?|bugs?|bugfix|faults?|faulty|errors?|issues?)\\b", Pattern.CASE_INSENSITIVE);

    /** Told every so often how far the walk is. */
    public interface Progress {
        void scanned(int commits, int fixes);
    }

    private HistoryMiner() {
    }

    /**
     * The git top level (real path) of {@code path}.
     *
     * @throws BadInputException when the path is missing or not inside a git work tree
     */
    public static Path topLevel(Path path) {
        if (!Files.isDirectory(path)) {
            throw new BadInputException("no directory " + path);
        }
        Git.Result r = Git.run(path, "rev-parse", "--show-toplevel");
        if (!r.ok()) {
            throw new BadInputException(path + " is not inside a git repository; give the path of a clone");
        }
        try {
            return Path.of(r.out().strip()).toRealPath();
        } catch (IOException e) {
            throw new EnvironmentException("cannot resolve " + r.out().strip() + ": " + e.getMessage(), e);
        }
    }

    /** Walks the history reachable from HEAD (merges excluded) and counts the patterns of its small fixes. */
    public static RepoPriors mine(Path repo, Progress progress) {
        Path top = topLevel(repo);
        var counts = new TreeMap<String, Map<String, Integer>>();
        int[] scanned = {0};
        int[] fixes = {0};
        walk(top, commit -> {
            scanned[0]++;
            if (isSmallFix(commit)) {
                fixes[0]++;
                classify(top, commit.hash()).forEach(c ->
                        counts.computeIfAbsent(c.language(), k -> new TreeMap<>()).merge(c.pattern(), 1, Integer::sum));
            }
            if (scanned[0] % 500 == 0) {
                progress.scanned(scanned[0], fixes[0]);
            }
        });
        progress.scanned(scanned[0], fixes[0]);
        return new RepoPriors(top.toString(), Instant.now().toString(), scanned[0], fixes[0], Map.copyOf(counts));
    }

    /** One commit of the log: its hash, message and per-file changed line counts. */
    record Commit(String hash, String message, List<FileStat> files) {
    }

    record FileStat(String path, int added, int removed) {
    }

    record Classified(String language, String pattern) {
    }

    static boolean isSmallFix(Commit c) {
        if (!FIX_WORDS.matcher(c.message()).find() || c.files().isEmpty()) {
            return false;
        }
        List<FileStat> code = c.files().stream().filter(f -> language(f.path()).isPresent()).toList();
        // a fix with a test alongside still counts: only the changed source lines are limited
        List<FileStat> source = code.stream().filter(f -> !isTest(f.path())).toList();
        int lines = source.stream().mapToInt(f -> Math.max(f.added(), f.removed())).sum();
        return source.size() == 1 && lines >= 1 && lines <= MAX_LINES;
    }

    private static boolean isTest(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.contains("src/test/") || path.startsWith("test/") || path.contains("/test/")
                || path.startsWith("tests/") || path.contains("/tests/") || name.startsWith("test_")
                || name.endsWith("_test.py") || name.endsWith("Test.java") || name.endsWith("Tests.java");
    }

    static Optional<String> language(String path) {
        return path.endsWith(".java") ? Optional.of("java") : path.endsWith(".py") ? Optional.of("python")
                : Optional.empty();
    }

    /** Each hunk of the commit's one changed source file, classified. */
    private static List<Classified> classify(Path top, String hash) {
        String diff = Git.check(top, "show", "--format=", "--no-color", "--no-ext-diff", "-U0", hash);
        var out = new ArrayList<Classified>();
        String lang = null;
        var removed = new ArrayList<String>();
        var added = new ArrayList<String>();
        for (String line : (diff + "\n@@").split("\n")) {
            if (line.startsWith("diff --git") || line.startsWith("@@")) {
                if (lang != null && !(removed.isEmpty() && added.isEmpty())) {
                    String l = lang;
                    ChangeClassifier.classify(l, removed, added).ifPresent(p -> out.add(new Classified(l, p)));
                }
                removed.clear();
                added.clear();
                if (line.startsWith("diff --git")) {
                    String path = line.substring(line.lastIndexOf(" b/") + 3);
                    lang = isTest(path) ? null : language(path).orElse(null);
                }
            } else if (line.startsWith("-") && !line.startsWith("---")) {
                removed.add(line.substring(1));
            } else if (line.startsWith("+") && !line.startsWith("+++")) {
                added.add(line.substring(1));
            }
        }
        return out;
    }

    /** Streams {@code git log} so a long history is never held in memory at once. */
    private static void walk(Path top, java.util.function.Consumer<Commit> each) {
        var pb = new ProcessBuilder("git", "-c", "core.quotepath=off", "log", "--no-merges", "--no-color",
                "--no-renames", "--format=%x1e%H%x1f%B%x1f", "--numstat").directory(top.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder record = new StringBuilder();
                int ch;
                while ((ch = in.read()) != -1) {
                    if (ch == 0x1e) {
                        parse(record).ifPresent(each);
                        record.setLength(0);
                    } else {
                        record.append((char) ch);
                    }
                }
                parse(record).ifPresent(each);
            }
            int exit = p.waitFor();
            if (exit != 0 && exit != 128) { // 128: a repository without commits yet
                throw new EnvironmentException("git log failed in " + top + " (exit " + exit + ")");
            }
        } catch (IOException e) {
            throw new EnvironmentException("git is not installed or not runnable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while reading the history of " + top);
        }
    }

    private static Optional<Commit> parse(CharSequence record) {
        String[] parts = record.toString().split("\u001f", -1);
        if (parts.length < 3) {
            return Optional.empty();
        }
        var files = new ArrayList<FileStat>();
        for (String line : parts[2].split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                files.add(new FileStat(f[2], Integer.parseInt(f[0]), Integer.parseInt(f[1])));
            }
        }
        return Optional.of(new Commit(parts[0].strip(), parts[1], files));
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One SWE-bench-style task: a project at its base commit ({@code repo/}), the issue a user wrote, and hidden tests
 * ({@code hidden/}) that only the scoring step ever sees.
 *
 * @param dir          the task folder (never modified)
 * @param name         task name, the folder's name
 * @param language     java or python
 * @param kindExpected the task kind aap should decide from the baseline: issue, repair or tdd
 * @param issue        the issue text given to the engine
 * @param failToPass   test ids that fail on the base commit (with the hidden tests) and must pass
 * @param passToPass   test ids that pass on the base commit and must keep passing
 * @param hiddenTests  project-relative paths of the files in {@code hidden/}
 * @param testCommand  test command overriding the detected one, or null
 * @param notes        how the task was made and verified (for people; never shown to the engine)
 */
record BenchTask(Path dir, String name, String language, String kindExpected, String issue, List<String> failToPass,
                 List<String> passToPass, List<String> hiddenTests, String testCommand, String notes) {

    static final String FILE = "task.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("name", "language", "kind_expected", "issue", "FAIL_TO_PASS",
            "PASS_TO_PASS", "hidden_tests", "test_command", "notes");
    private static final Set<String> SKIPPED = Set.of("target", "__pycache__", ".pytest_cache", ".git");

    BenchTask {
        failToPass = List.copyOf(failToPass);
        passToPass = List.copyOf(passToPass);
        hiddenTests = List.copyOf(hiddenTests);
    }

    /** Whether {@code root} is a task folder or holds task folders (rather than QuixBugs-style packages). */
    static boolean isSuite(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve(FILE))) {
            return true;
        }
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.anyMatch(d -> Files.isRegularFile(d.resolve(FILE)));
        }
    }

    /** The tasks under {@code root} (or {@code root} itself when it is one), by name, narrowed as asked. */
    static List<BenchTask> find(Path root, String language, List<String> only) throws IOException {
        List<Path> dirs;
        if (Files.isRegularFile(root.resolve(FILE))) {
            dirs = List.of(root);
        } else {
            try (Stream<Path> list = Files.list(root)) {
                dirs = list.filter(d -> Files.isRegularFile(d.resolve(FILE))).sorted().toList();
            }
        }
        var out = new ArrayList<BenchTask>();
        for (Path d : dirs) {
            BenchTask t = read(d);
            if ((language == null || language.equals(t.language())) && (only.isEmpty() || only.contains(t.name()))) {
                out.add(t);
            }
        }
        return out;
    }

    /** Reads and checks {@code dir/task.json}; every problem found is named in one {@link BadInputException}. */
    static BenchTask read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new BadInputException(file + " must hold one JSON object (see bench/tasks/README.md)");
        }
        var problems = new ArrayList<String>();
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add("unknown field '" + k + "' (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        });
        String name = text(n, "name", problems);
        String language = oneOf(n, "language", List.of("java", "python"), problems);
        String kind = oneOf(n, "kind_expected", List.of("issue", "repair", "tdd"), problems);
        String issue = text(n, "issue", problems);
        List<String> f2p = ids(n, "FAIL_TO_PASS", true, problems);
        List<String> p2p = ids(n, "PASS_TO_PASS", false, problems);
        List<String> hidden = ids(n, "hidden_tests", true, problems);
        if (name != null && !name.equals(dir.getFileName().toString())) {
            problems.add("name '" + name + "' differs from the folder's name '" + dir.getFileName() + "'");
        }
        if ("issue".equals(kind) && issue != null && issue.isBlank()) {
            problems.add("an issue task needs the issue text in 'issue'");
        }
        if (!Files.isDirectory(dir.resolve("repo"))) {
            problems.add("no repo/ folder (the project at its base commit)");
        }
        checkHidden(dir, hidden, problems);
        if (!problems.isEmpty()) {
            throw new BadInputException(file + ": " + String.join("; ", problems));
        }
        JsonNode cmd = n.get("test_command");
        return new BenchTask(dir, name, language, kind, issue, f2p, p2p, hidden,
                cmd == null || cmd.isNull() || cmd.asText().isBlank() ? null : cmd.asText(),
                n.path("notes").asText(""));
    }

    private static void checkHidden(Path dir, List<String> hidden, List<String> problems) {
        Path root = dir.resolve("hidden");
        for (String rel : hidden) {
            Path p = Path.of(rel);
            if (p.isAbsolute() || p.normalize().startsWith("..") || !p.normalize().equals(p)) {
                problems.add("hidden_tests entry '" + rel + "' must be a plain project-relative path");
            } else if (!Files.isRegularFile(root.resolve(rel))) {
                problems.add("hidden_tests lists '" + rel + "' but hidden/" + rel + " does not exist");
            }
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString())
                    .filter(rel -> !hidden.contains(rel) && !skipped(Path.of(rel))).sorted()
                    .forEach(rel -> problems.add("hidden/" + rel + " is not listed in hidden_tests"));
        } catch (IOException e) {
            problems.add("cannot list hidden/: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String key, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            problems.add("missing field '" + key + "'");
            return null;
        }
        if (!v.isTextual()) {
            problems.add("'" + key + "' must be a string");
            return null;
        }
        return v.asText();
    }

    private static String oneOf(JsonNode n, String key, List<String> allowed, List<String> problems) {
        String v = text(n, key, problems);
        if (v != null && !allowed.contains(v)) {
            problems.add("'" + key + "' is '" + v + "'; use " + String.join(" or ", allowed));
            return null;
        }
        return v;
    }

    private static List<String> ids(JsonNode n, String key, boolean nonEmpty, List<String> problems) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            problems.add("missing field '" + key + "'");
            return List.of();
        }
        if (!v.isArray()) {
            problems.add("'" + key + "' must be an array of strings");
            return List.of();
        }
        var out = new ArrayList<String>();
        v.forEach(e -> {
            if (e.isTextual() && !e.asText().isBlank()) {
                out.add(e.asText().strip());
            } else {
                problems.add("'" + key + "' holds " + e + ", not a test id or path");
            }
        });
        if (nonEmpty && out.isEmpty() && v.isEmpty()) {
            problems.add("'" + key + "' is empty");
        }
        return out;
    }

    /** Copies {@code repo/} (build output left out) into {@code target} as a fresh git repository, one commit. */
    Path copyRepo(Path target) throws IOException {
        return BenchRepo.copy(dir.resolve("repo"), target, BenchTask::skipped, "base commit of " + name);
    }

    /** Copies the hidden test files over the project in {@code project} (scoring only). */
    void applyHiddenTests(Path project) throws IOException {
        for (String rel : hiddenTests) {
            Path to = project.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(dir.resolve("hidden").resolve(rel), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}

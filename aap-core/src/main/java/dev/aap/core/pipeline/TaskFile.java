package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.BadInputException;
import dev.aap.core.run.RunStore;
import dev.aap.core.run.Task;
import dev.aap.core.workspace.SourceRepo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;

/** {@code task.json} in a run directory: the task as asked, pinned to the commit it started from, for replays. */
public final class TaskFile {

    private TaskFile() {
    }

    static void write(Path runDir, Task task, SourceRepo source) {
        var m = new LinkedHashMap<String, Object>();
        m.put("repo", task.repo().toAbsolutePath().normalize().toString());
        m.put("issue", task.issue());
        m.put("test_command", task.testCommand());
        m.put("strategy", task.strategy());
        m.put("budget_seconds", task.budget().toSeconds());
        m.put("max_candidates", task.maxCandidates());
        m.put("model", task.model());
        m.put("base_url", task.baseUrl());
        m.put("base_commit", task.baseCommit() != null ? task.baseCommit() : source.head());
        m.put("target_tests", task.targetTests());
        m.put("allow_test_edits", task.allowTestEdits());
        try {
            RunStore.write(runDir.resolve("task.json"), RunStore.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(m) + "\n");
        } catch (IOException e) {
            throw new dev.aap.core.EnvironmentException("cannot write task.json: " + e.getMessage(), e);
        }
    }

    /** Reads the task of an earlier run, pinned to its base commit. */
    public static Task read(Path runDir) {
        Path file = runDir.resolve("task.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("no task.json in " + runDir + ": the run was made by an older aap or is not"
                    + " a run directory");
        }
        try {
            JsonNode n = RunStore.JSON.readTree(file.toFile());
            return new Task(Path.of(n.path("repo").asText()), n.path("issue").asText(""), text(n, "test_command"),
                    n.path("strategy").asText(), Duration.ofSeconds(n.path("budget_seconds").asLong(300)),
                    n.path("max_candidates").asInt(5000), text(n, "model"), text(n, "base_url"),
                    text(n, "base_commit"), targets(n.get("target_tests")), n.path("allow_test_edits").asBoolean(false));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static java.util.List<String> targets(JsonNode n) {
        var out = new java.util.ArrayList<String>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aap submit}: queues a task on an aap server, and with {@code --wait} follows the run to its end. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Queue a task on an aap server (aap serve) for a registered repository; --wait follows the"
                + " run's progress and ends with its exit code."},
        footer = {"", "Exit codes with --wait: 0 verified patch, 1 none found, 4 needs a human (blocked by policy),"
                + " 130 cancelled; without it 0 once queued. 2 bad request or token, 3 server unreachable or busy."})
final class SubmitCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Option(names = "--repo", required = true, paramLabel = "NAME", description = "A repository registered on the"
            + " server (POST /api/v1/repos).")
    private String repo;

    @Option(names = "--issue", description = "Issue text: what is wrong or wanted.")
    private String issue;

    @Option(names = "--issue-file", paramLabel = "FILE", description = "Read the issue text from this file.")
    private Path issueFile;

    @Option(names = "--goal", description = "A one-line goal (used as the task when no issue is given).")
    private String goal;

    @Option(names = "--acceptance", paramLabel = "CRITERION", description = "An acceptance criterion (repeatable).")
    private List<String> acceptance = new ArrayList<>();

    @Option(names = "--target-test", paramLabel = "ID", description = "A failing test to fix (repeatable).")
    private List<String> targetTests = new ArrayList<>();

    @Option(names = "--strategy", description = "auto, search, llm or hybrid (default: the server's auto).")
    private String strategy;

    @Option(names = "--model", description = "Model chain for the llm brain (default: the server's).")
    private String model;

    @Option(names = "--budget-seconds", description = "Wall-time budget of the brain (10 to 86400).")
    private Integer budgetSeconds;

    @Option(names = "--base-ref", paramLabel = "REF", description = "Branch, tag or commit to start from (default:"
            + " the repository's default branch).")
    private String baseRef;

    @Option(names = "--constraints", paramLabel = "JSON", description = "Task constraints as a JSON object, e.g."
            + " {\"allow_test_edits\":true}.")
    private String constraints;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Submitting again with the same key and"
            + " task gives the first run instead of a new one.")
    private String idempotencyKey;

    @Option(names = "--wait", description = "Follow the run's events until it ends; exit with its exit code.")
    private boolean waitForEnd;

    @Option(names = "--json", description = "Print one JSON object on stdout: the ids, or with --wait the final run.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (server.url().isEmpty()) {
            throw new BadInputException("give --server URL (or set AAP_SERVER) to submit to an aap server");
        }
        ServerClient client = server.client();
        ObjectNode body = body();
        ServerClient.Reply reply = client.post("/api/v1/tasks", body, idempotencyKey == null ? Map.of()
                : Map.of("Idempotency-Key", idempotencyKey));
        String runId = reply.body().path("run_id").asText();
        String taskId = reply.body().path("task_id").asText();
        String follow = client.base() + "/api/v1/runs/" + runId;
        if (!waitForEnd) {
            if (json) {
                ObjectNode n = ServerClient.JSON.createObjectNode().put("task_id", taskId).put("run_id", runId)
                        .put("url", follow).put("existing", reply.status() == 200);
                out.println(n);
            } else {
                out.println(runId);
                out.println((reply.status() == 200 ? "already submitted with this idempotency key; " : "queued; ")
                        + "follow it: " + follow + "/events (aap runs show " + runId + ")");
            }
            out.flush();
            return 0;
        }
        if (!quiet) {
            err.println("aap: run " + runId + " " + (reply.status() == 200 ? "(submitted before with this key)"
                    : "queued") + " on " + client.base());
            err.flush();
        }
        JsonNode run = new RunFollower(client, new ProgressPrinter(err, quiet)).follow(runId);
        if (json) {
            out.println(run);
        } else {
            out.println(run.path("status").asText() + ": " + run.path("message").asText(""));
            out.println("run: " + follow);
        }
        out.flush();
        return RunFollower.exitCode(run);
    }

    private ObjectNode body() {
        if (issue != null && issueFile != null) {
            throw new BadInputException("give --issue or --issue-file, not both");
        }
        ObjectNode b = ServerClient.JSON.createObjectNode();
        b.put("repo", repo);
        putIfGiven(b, "base_ref", baseRef);
        putIfGiven(b, "issue", issueFile != null ? read(issueFile) : issue);
        putIfGiven(b, "goal", goal);
        if (!acceptance.isEmpty()) {
            acceptance.forEach(b.putArray("acceptance_criteria")::add);
        }
        if (!targetTests.isEmpty()) {
            targetTests.forEach(b.putArray("target_tests")::add);
        }
        putIfGiven(b, "strategy", strategy);
        putIfGiven(b, "model", model);
        if (budgetSeconds != null) {
            b.put("budget_seconds", budgetSeconds);
        }
        if (constraints != null) {
            b.set("constraints", constraints());
        }
        return b;
    }

    private JsonNode constraints() {
        try {
            JsonNode n = ServerClient.JSON.readTree(constraints);
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new BadInputException("--constraints must be a JSON object, e.g. {\"allow_test_edits\":true}");
    }

    private static void putIfGiven(ObjectNode b, String field, String value) {
        if (value != null) {
            b.put(field, value);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read --issue-file " + file + ": " + e.getMessage());
        }
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.core.BadInputException;
import dev.aap.core.run.RunId;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code aap runs [show ID]}: past runs from {@code AAP_HOME/runs}, or from an aap server when one is given. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = {"List past runs, or show one: aap runs show"
        + " ID.", "With --server (or AAP_SERVER) the runs are the server's, else this machine's (AAP_HOME/runs)."})
final class RunsCommand implements Callable<Integer> {

    private static final String ROW = "%-22s %-11s %-5s %-8s %-8s %-9s %s%n";
    private static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "NEEDS_HUMAN", "NEEDS_INPUT",
            "CANCELLED");

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server;

    @Parameters(arity = "0..2", description = "'show ID' to print one run's run.json and pr.md.")
    private List<String> args = List.of();

    @Option(names = "--status", description = "Only runs with this status: QUEUED, RUNNING, SUCCEEDED, FAILED,"
            + " NEEDS_HUMAN, NEEDS_INPUT, CANCELLED.")
    private String status;

    @Option(names = "--repo", paramLabel = "NAME", description = "Only runs of this repository (server runs only).")
    private String repo;

    @Option(names = "--limit", description = "At most this many runs, newest first (default: 50 from a server, all"
            + " local ones).")
    private Integer limit;

    @Option(names = "--page-size", defaultValue = "100", hidden = true, description = "Runs per API request.")
    private int pageSize;

    @Override
    public Integer call() throws Exception {
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            throw new BadInputException("--status must be one of " + String.join(", ", STATUSES.stream().sorted()
                    .toList()));
        }
        if (pageSize < 1 || pageSize > 500) {
            throw new BadInputException("--page-size must be from 1 to 500, got " + pageSize);
        }
        if (limit != null && limit < 1) {
            throw new BadInputException("--limit must be at least 1, got " + limit);
        }
        String runId = runIdToShow();
        PrintWriter out = spec.commandLine().getOut();
        if (server.url().isPresent()) {
            ServerClient client = server.client();
            if (runId == null) {
                listRemote(client, out);
            } else {
                showRemote(client, runId, out);
            }
            return 0;
        }
        if (repo != null) {
            throw new BadInputException("--repo filters a server's runs: give --server (or AAP_SERVER) too");
        }
        RunStore store = RunStore.open(RunStore.defaultHome());
        if (runId == null) {
            listLocal(store, out);
        } else {
            showLocal(store, runId, out);
        }
        return 0;
    }

    /** The id after 'show', or null for a list. */
    private String runIdToShow() {
        if (args.isEmpty()) {
            return null;
        }
        if (args.size() != 2 || !args.get(0).equals("show")) {
            throw new BadInputException("usage: aap runs [show RUN_ID]");
        }
        if (!RunId.isValid(args.get(1))) {
            throw new BadInputException("'" + args.get(1) + "' is not a run id (they look like 20260101-120000-a1b2c3);"
                    + " 'aap runs' lists them");
        }
        return args.get(1);
    }

    private void listLocal(RunStore store, PrintWriter out) {
        out.printf(ROW, "RUN", "STATUS", "EXIT", "BRAIN", "SECONDS", "COST", "MESSAGE");
        List<RunResult> runs = store.list().stream()
                .filter(r -> status == null || r.status().name().equalsIgnoreCase(status))
                .limit(limit == null ? Long.MAX_VALUE : limit).toList();
        for (RunResult r : runs) {
            String cost = r.usage().modelCalls() == 0 ? "-"
                    : String.format("$%.4f", r.usage().costUsd()) + (r.usage().priceKnown() ? "" : "?");
            out.printf(ROW, r.runId(), r.status(), r.exitCode(), r.strategy(), String.format("%.1f", r.seconds()),
                    cost, r.message());
        }
    }

    private void showLocal(RunStore store, String runId, PrintWriter out) throws java.io.IOException {
        Path dir = store.runDir(new RunId(runId));
        Path json = dir.resolve("run.json");
        if (!Files.isRegularFile(json)) {
            throw new BadInputException("no run " + runId + " in " + store.home() + "; 'aap runs' lists them");
        }
        out.println(Files.readString(json));
        Path pr = dir.resolve("pr.md");
        if (Files.isRegularFile(pr)) {
            out.println();
            out.println(Files.readString(pr));
        }
    }

    /** Pages through {@code GET /runs} with its cursor until the limit or the last page. */
    private void listRemote(ServerClient client, PrintWriter out) {
        int wanted = limit == null ? 50 : limit;
        out.printf(ROW, "RUN", "STATUS", "EXIT", "BRAIN", "SECONDS", "COST", "MESSAGE");
        String cursor = null;
        int shown = 0;
        do {
            String q = "limit=" + Math.min(pageSize, wanted - shown)
                    + ServerClient.query("status", status == null ? null : status.toUpperCase(Locale.ROOT))
                    + ServerClient.query("repo", repo) + ServerClient.query("cursor", cursor);
            JsonNode page = client.get("/api/v1/runs?" + q);
            for (JsonNode r : page.path("runs")) {
                if (shown++ >= wanted) {
                    break;
                }
                out.printf(ROW, r.path("run_id").asText(), r.path("status").asText(),
                        r.hasNonNull("exit_code") ? r.get("exit_code").asText() : "-", r.path("strategy").asText("-"),
                        seconds(r), "-", r.path("message").asText(""));
            }
            cursor = page.path("next_cursor").isTextual() ? page.get("next_cursor").asText() : null;
        } while (cursor != null && shown < wanted);
    }

    private void showRemote(ServerClient client, String runId, PrintWriter out) throws java.io.IOException {
        JsonNode run = client.get("/api/v1/runs/" + runId);
        out.println(ServerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
        client.text("/api/v1/runs/" + runId + "/artifacts/pr.md").ifPresent(pr -> {
            out.println();
            out.println(pr);
        });
    }

    /** Seconds from start to end, or so far for a running run; "-" before it started. */
    private static String seconds(JsonNode r) {
        try {
            if (!r.hasNonNull("started_at")) {
                return "-";
            }
            Instant start = Instant.parse(r.get("started_at").asText());
            Instant end = r.hasNonNull("finished_at") ? Instant.parse(r.get("finished_at").asText()) : Instant.now();
            return String.format("%.1f", Duration.between(start, end).toMillis() / 1000.0);
        } catch (DateTimeParseException e) {
            return "-";
        }
    }
}

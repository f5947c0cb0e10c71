package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.BadInputException;
import dev.aap.core.audit.AuditExport;
import dev.aap.core.audit.AuditKeys;
import dev.aap.core.audit.AuditRecord;
import dev.aap.core.audit.AuditStore;
import dev.aap.core.audit.AuditVerifier;
import dev.aap.core.run.ExitCodes;
import dev.aap.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code aap audit verify|show|export}: the signed audit trail under {@code AAP_HOME/audit}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Check, read and export the signed audit trail (AAP_HOME/audit, key in AAP_HOME/keys)."})
final class AuditCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHORT_DETAILS = 100;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {"Check every record's signature and"
            + " link to the one before it.", "Exit 0 when intact; 1 naming the first bad record otherwise.",
            "With --server, the server checks its audit table (an admin token is needed)."})
    int verify(@Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Start at this UTC day; its first"
                       + " record's link to earlier days is taken as given.") String since,
               @Option(names = "--file", paramLabel = "EXPORT", description = "Verify an export (aap audit export)"
                       + " with the keys in its header, instead of AAP_HOME.") Path file,
               @Option(names = "--json", description = "One JSON object instead of a line.") boolean json,
               @picocli.CommandLine.Mixin ServerOptions remote)
            throws IOException {
        if (file != null && since != null) {
            throw new BadInputException("--since applies to AAP_HOME's log, not to an export (--file)");
        }
        if (remote != null && remote.server != null) {
            if (file != null) {
                throw new BadInputException("--server verifies the server's audit table; --file an export: give one");
            }
            return verifyRemote(remote.client(), day(since), json);
        }
        AuditVerifier.Result r = file != null ? AuditExport.verify(file)
                : AuditVerifier.verify(RunStore.defaultHome(), day(since));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(json(r)));
            out.flush();
        }
        return switch (r) {
            case AuditVerifier.Intact ok -> {
                if (!json) {
                    out.println(ok.message());
                    out.flush();
                }
                yield 0;
            }
            case AuditVerifier.Broken bad -> {
                if (!json) {
                    spec.commandLine().getErr().println("aap: audit log " + bad.message());
                    spec.commandLine().getErr().flush();
                }
                yield ExitCodes.NOT_FOUND;
            }
        };
    }

    /** The server verifies its own table against its keys; this prints its verdict as a local one would be. */
    private int verifyRemote(ServerClient client, LocalDate since, boolean json) throws IOException {
        com.fasterxml.jackson.databind.JsonNode n = client.get("/api/v1/audit/verify"
                + (since == null ? "" : "?since=" + since));
        boolean intact = n.path("intact").asBoolean();
        if (json) {
            spec.commandLine().getOut().println(JSON.writeValueAsString(n));
            spec.commandLine().getOut().flush();
        } else if (intact) {
            spec.commandLine().getOut().println(n.path("message").asText());
            spec.commandLine().getOut().flush();
        } else {
            spec.commandLine().getErr().println("aap: server audit table " + n.path("message").asText());
            spec.commandLine().getErr().flush();
        }
        return intact ? 0 : ExitCodes.NOT_FOUND;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List one run's records: time, actor,"
            + " action and the start of the details.")
    int show(@Parameters(paramLabel = "RUN_ID", description = "The run's id.") String runId,
             @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only read from this UTC day.")
             String since) {
        if (runId.isBlank()) {
            throw new BadInputException("give a run id; 'aap runs' lists them");
        }
        List<AuditRecord> records = store().read(day(since)).stream().filter(r -> runId.equals(r.runId())).toList();
        if (records.isEmpty()) {
            spec.commandLine().getErr().println("aap: no audit records for run " + runId);
            spec.commandLine().getErr().flush();
            return ExitCodes.NOT_FOUND;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-7s %-28s %-20s %s%n", "TIME", "SEQ", "ACTOR", "ACTION", "DETAILS");
        for (AuditRecord r : records) {
            String d = r.details().toString();
            out.printf("%-24s %-7d %-28s %-20s %s%n", r.time().truncatedTo(ChronoUnit.MILLIS), r.seq(), r.actor(),
                    r.action(), d.length() > SHORT_DETAILS ? d.substring(0, SHORT_DETAILS - 1) + "…" : d);
        }
        out.flush();
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {"Write the records as one JSONL stream"
            + " for a write-once store: a header with the public key (PEM), then one record a line.",
            "The log is verified first; a broken log is not exported (exit 1)."})
    int export(@Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Start at this UTC day.")
               String since,
               @Option(names = "--out", paramLabel = "FILE", description = "Write here (a new file) instead of"
                       + " stdout.") Path outFile) throws IOException {
        Path home = RunStore.defaultHome();
        LocalDate from = day(since);
        if (outFile != null && Files.exists(outFile)) {
            throw new BadInputException(outFile + " exists: an export goes to a new file");
        }
        if (AuditVerifier.verify(home, from) instanceof AuditVerifier.Broken bad) {
            spec.commandLine().getErr().println("aap: not exported: audit log " + bad.message());
            spec.commandLine().getErr().flush();
            return ExitCodes.NOT_FOUND;
        }
        List<AuditRecord> records = store().read(from);
        long n;
        if (outFile == null) {
            n = AuditExport.write(records, AuditKeys.trusted(home), from, spec.commandLine().getOut());
        } else {
            try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                n = AuditExport.write(records, AuditKeys.trusted(home), from, w);
            }
        }
        spec.commandLine().getErr().println("aap: exported " + n + " records" + (outFile == null ? ""
                : " to " + outFile));
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static AuditStore store() {
        return AuditStore.files(RunStore.defaultHome().resolve("audit"));
    }

    private static LocalDate day(String since) {
        if (since == null) {
            return null;
        }
        try {
            return LocalDate.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--since must be a UTC day like 2026-01-31, got '" + since + "'");
        }
    }

    private static ObjectNode json(AuditVerifier.Result r) {
        ObjectNode n = JSON.createObjectNode();
        switch (r) {
            case AuditVerifier.Intact ok -> {
                n.put("intact", true);
                n.put("records", ok.records());
                n.put("days", ok.days());
                n.set("keys", JSON.valueToTree(ok.keys()));
                n.put("head", ok.head());
            }
            case AuditVerifier.Broken bad -> {
                n.put("intact", false);
                n.put("file", bad.file());
                n.put("line", bad.line());
                n.put("seq", bad.seq());
                n.put("problem", bad.problem().name());
                n.put("meaning", bad.problem().meaning());
                n.put("detail", bad.detail());
            }
        }
        n.put("message", r.message());
        return n;
    }
}

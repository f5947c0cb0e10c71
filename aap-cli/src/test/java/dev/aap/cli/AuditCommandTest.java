package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.audit.AuditKeys;
import dev.aap.core.audit.AuditLog;
import dev.aap.core.audit.AuditRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aap audit verify|show|export} through the real command line, on a log written by {@link AuditLog}. */
class AuditCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path dir;

    private AuditRecord first;
    private Path file;

    @BeforeEach
    void aRunOfFiveRecords() {
        AuditLog log = AuditLog.open(home);
        first = log.append("20260301-090000-a1b2c3", "user:alice", "edit.applied", details("diffSha256", "ab12"));
        log.append("20260301-090000-a1b2c3", "aap", "sandbox.exec", details("command", "mvn -q test").put("exit", 1)
                .put("millis", 5230));
        log.append("20260301-090000-a1b2c3", "aap", "policy.verdict", details("verdict", "pass"));
        log.append(null, "token:ci", "api.token_use", details("route", "POST /api/v1/runs"));
        log.append("20260301-090000-a1b2c3", "aap", "git.commit", details("commit", "0123abcd"));
        file = home.resolve("audit").resolve(first.time().toString().substring(0, 10) + ".jsonl");
    }

    @Test
    void verifySaysIntactAndExitsZero() throws Exception {
        Cli.Result r = Cli.run(home, "audit", "verify");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("intact: 5 records, 1 days, key " + AuditKeys.loadOrCreate(home).id());
    }

    @Test
    void verifyNamesTheFirstBadRecordInOneLineAndExitsOne() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);
        Files.write(file, lines);

        Cli.Result r = Cli.run(home, "audit", "verify");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("aap: audit log broken at " + file.getFileName() + ":2 (seq 3): seq"
                + " jumps from 1 to 3").endsWith("(reordered)").doesNotContain("\n");
    }

    @Test
    void verifyJsonCarriesTheProblemAndItsPlace() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(3);
        Files.write(file, lines);

        Cli.Result r = Cli.run(home, "audit", "verify", "--json");

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("intact").asBoolean()).isFalse();
        assertThat(j.get("line").asInt()).isEqualTo(4);
        assertThat(j.get("seq").asLong()).isEqualTo(5);
        assertThat(j.get("problem").asText()).isEqualTo("REMOVED");
    }

    @Test
    void verifyRefusesADateThatIsNotADay() throws Exception {
        Cli.Result r = Cli.run(home, "audit", "verify", "--since", "yesterday");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("aap: --since must be a UTC day like 2026-01-31, got 'yesterday'");
    }

    @Test
    void showListsOneRunsRecordsWithShortDetails() throws Exception {
        Cli.Result r = Cli.run(home, "audit", "show", "20260301-090000-a1b2c3");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = r.out().lines().toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.getFirst()).startsWith("TIME").contains("ACTOR").contains("ACTION");
        assertThat(rows.get(1)).contains(first.time().toString()).contains("user:alice").contains("edit.applied")
                .contains("{\"diffSha256\":\"ab12\"}");
        assertThat(rows.get(2)).contains("sandbox.exec").contains("\"exit\":1");
        assertThat(r.out()).doesNotContain("api.token_use");
    }

    @Test
    void showOfARunWithoutRecordsExitsOne() throws Exception {
        Cli.Result r = Cli.run(home, "audit", "show", "20990101-000000-ffffff");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("aap: no audit records for run 20990101-000000-ffffff");
    }

    @Test
    void exportWritesAHeaderWithThePublicKeyThenEveryRecordAndVerifiesOnItsOwn() throws Exception {
        Path out = dir.resolve("audit-export.jsonl");

        Cli.Result r = Cli.run(home, "audit", "export", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("exported 5 records");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        JsonNode header = new ObjectMapper().readTree(lines.getFirst());
        assertThat(header.get("type").asText()).isEqualTo("aap.audit.export");
        assertThat(header.get("keys").get(first.key()).asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(lines.get(1)).isEqualTo(first.toLine());

        Cli.Result v = Cli.run(dir, "audit", "verify", "--file", out.toString());
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out()).startsWith("intact: 5 records");

        Cli.Result again = Cli.run(home, "audit", "export", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists");
    }

    @Test
    void aBrokenLogIsNotExported() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(0, lines.get(0).replace("ab12", "ab13"));
        Files.write(file, lines);

        Cli.Result r = Cli.run(home, "audit", "export");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("not exported").contains(":1 (seq 1)").contains("(edited or forged)");
    }

    private static ObjectNode details(String k, String v) {
        return JsonNodeFactory.instance.objectNode().put(k, v);
    }
}

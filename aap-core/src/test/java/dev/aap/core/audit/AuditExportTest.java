package dev.aap.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export carries its own public key, so the copy in a write-once store verifies away from AAP_HOME. */
class AuditExportTest {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    @Test
    void anExportVerifiesWithTheKeyInItsHeaderAndFindsTampering() throws Exception {
        AuditFixtures.logOverDays(home, 2, 5);
        List<AuditRecord> records = AuditStore.files(home.resolve("audit")).read(null);
        var out = new StringWriter();

        long n = AuditExport.write(records, AuditKeys.trusted(home), null, out);
        Path copy = elsewhere.resolve("audit.jsonl");
        Files.writeString(copy, out.toString());

        List<String> lines = Files.readAllLines(copy);
        assertThat(n).isEqualTo(10);
        assertThat(lines).hasSize(11);
        assertThat(lines.getFirst()).contains("\"type\":\"" + AuditExport.TYPE + "\"")
                .contains("-----BEGIN PUBLIC KEY-----").contains("\"head\":\"" + records.getLast().hash() + "\"");
        assertThat(lines.subList(1, 11)).containsExactlyElementsOf(records.stream().map(AuditRecord::toLine).toList());
        assertThat(AuditExport.verify(copy)).isInstanceOf(AuditVerifier.Intact.class);

        lines.remove(3);
        Files.write(copy, lines);
        assertThat(AuditExport.verify(copy)).isInstanceOf(AuditVerifier.Broken.class)
                .extracting(r -> ((AuditVerifier.Broken) r).line(), r -> ((AuditVerifier.Broken) r).problem())
                .containsExactly(4, AuditVerifier.Problem.REMOVED);
    }
}

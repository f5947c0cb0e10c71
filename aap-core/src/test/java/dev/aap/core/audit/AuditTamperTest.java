package dev.aap.core.audit;

import dev.aap.core.audit.AuditVerifier.Broken;
import dev.aap.core.audit.AuditVerifier.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static dev.aap.core.audit.AuditFixtures.dayFile;
import static dev.aap.core.audit.AuditFixtures.lines;
import static dev.aap.core.audit.AuditFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way of tampering with a log of three days (seq 1-10, 11-20, 21-30) is found, and the verifier names the first
 * record it spoils: file, line, seq and what happened.
 */
class AuditTamperTest {

    @TempDir
    Path home;

    private Path day2;

    @BeforeEach
    void threeDaysOfTenRecords() {
        AuditFixtures.logOverDays(home, 3, 10);
        day2 = dayFile(home, 2);
        assertThat(AuditVerifier.verify(home, null)).isEqualTo(new AuditVerifier.Intact(30, 3,
                List.of(AuditKeys.loadOrCreate(home).id()), records().getLast().hash()));
    }

    @Test
    void oneByteChangedInARecordsDetailsFailsItsSignature() throws Exception {
        List<String> lines = lines(day2);
        String line = lines.get(4);
        int at = line.indexOf("\"diffSha256\":\"") + 20;
        lines.set(4, line.substring(0, at) + (line.charAt(at) == '0' ? '1' : '0') + line.substring(at + 1));
        write(day2, lines);

        assertThat(broken()).isEqualTo(new Broken(day2.getFileName().toString(), 5, 15, Problem.BAD_SIGNATURE,
                "the signature does not match the record"));
        assertThat(broken().message()).endsWith("(edited or forged)");
    }

    @Test
    void oneLineRemovedIsAGapInSeq() throws Exception {
        List<String> lines = lines(day2);
        lines.remove(3);
        write(day2, lines);

        Broken b = broken();
        assertThat(b).extracting(Broken::file, Broken::line, Broken::seq, Broken::problem)
                .containsExactly(day2.getFileName().toString(), 4, 15L, Problem.REMOVED);
        assertThat(b.detail()).isEqualTo("seq jumps from 13 to 15: record 14 is missing");
    }

    @Test
    void twoLinesSwappedAreReordered() throws Exception {
        List<String> lines = lines(day2);
        String third = lines.get(2);
        lines.set(2, lines.get(3));
        lines.set(3, third);
        write(day2, lines);

        Broken b = broken();
        assertThat(b).extracting(Broken::line, Broken::seq, Broken::problem).containsExactly(3, 14L, Problem.REORDERED);
        assertThat(b.detail()).contains("seq 13 comes later, at " + day2.getFileName() + ":4");
        assertThat(b.message()).endsWith("(reordered)");
    }

    @Test
    void lastTwoLinesSwappedIsASeqGoingBack() throws Exception {
        List<String> lines = lines(day2);
        String last = lines.get(9);
        lines.set(9, lines.get(8));
        lines.set(8, last);
        write(day2, lines);

        assertThat(broken()).extracting(Broken::line, Broken::seq, Broken::problem)
                .containsExactly(9, 20L, Problem.REORDERED);
        lines.remove(9);
        write(day2, lines);
        // seq 19 is gone, 20 is where it was: a gap, not an order problem
        assertThat(broken()).extracting(Broken::line, Broken::problem).containsExactly(9, Problem.REMOVED);
    }

    @Test
    void aForgedLineSignedWithAnotherKeyAndTheRightPrevIsAnUnknownKey(@TempDir Path elsewhere) throws Exception {
        AuditKeys forger = AuditKeys.loadOrCreate(elsewhere);
        AuditRecord before = records().get(14);
        var fake = new AuditRecord(16, before.time().plusSeconds(1), before.runId(), "user:mallory", "git.push",
                AuditFixtures.editDetails(99), forger.id(), before.hash(), null);
        List<String> lines = lines(day2);
        lines.add(5, fake.withSig(forger.sign(fake.signedBytes())).toLine());
        write(day2, lines);

        Broken b = broken();
        assertThat(b).extracting(Broken::line, Broken::seq, Broken::problem)
                .containsExactly(6, 16L, Problem.UNKNOWN_KEY);
        assertThat(b.detail()).contains(forger.id());
        assertThat(b.message()).endsWith("(inserted)");
    }

    @Test
    void aForgedLineClaimingThisHomesKeyFailsItsSignature(@TempDir Path elsewhere) throws Exception {
        AuditKeys forger = AuditKeys.loadOrCreate(elsewhere);
        AuditRecord before = records().get(14);
        var fake = new AuditRecord(16, before.time().plusSeconds(1), null, "user:mallory", "git.push",
                AuditFixtures.editDetails(99), before.key(), before.hash(), null);
        List<String> lines = lines(day2);
        lines.add(5, fake.withSig(forger.sign(fake.signedBytes())).toLine());
        write(day2, lines);

        assertThat(broken()).extracting(Broken::line, Broken::seq, Broken::problem)
                .containsExactly(6, 16L, Problem.BAD_SIGNATURE);
    }

    @Test
    void theLastLineCutHalfWayIsNotARecord() throws Exception {
        Path day3 = dayFile(home, 3);
        String text = Files.readString(day3);
        String body = text.substring(0, text.length() - 1);
        int lastStart = body.lastIndexOf('\n') + 1;
        Files.writeString(day3, body.substring(0, lastStart + (body.length() - lastStart) / 2));

        Broken b = broken();
        assertThat(b).extracting(Broken::file, Broken::line, Broken::seq, Broken::problem)
                .containsExactly(day3.getFileName().toString(), 10, -1L, Problem.DAMAGED);
        assertThat(b.detail()).startsWith("not an audit record: not JSON");
    }

    @Test
    void aWholeDayFileDeletedInTheMiddleIsAGapBetweenTheDaysAroundIt() throws Exception {
        Files.delete(day2);

        Broken b = broken();
        Path day1 = dayFile(home, 1);
        Path day3 = dayFile(home, 3);
        assertThat(b).extracting(Broken::file, Broken::line, Broken::seq, Broken::problem)
                .containsExactly(day3.getFileName().toString(), 1, 21L, Problem.REMOVED);
        assertThat(b.detail()).isEqualTo("seq jumps from 10 to 21: records 11 to 20 are missing (between "
                + day1.getFileName() + " and " + day3.getFileName() + ": a day file may have been deleted)");
    }

    @Test
    void theFirstDayFileDeletedLeavesALogThatStartsLate() throws Exception {
        Files.delete(dayFile(home, 1));

        assertThat(broken()).extracting(Broken::line, Broken::seq, Broken::problem, Broken::detail)
                .containsExactly(1, 11L, Problem.REMOVED, "the log starts at seq 11: records 1 to 10 are missing");
        assertThat(AuditVerifier.verify(home, day(2))).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void sinceStartsAtThatDayTakingItsFirstLinkAsGivenButNotItsSignature() throws Exception {
        assertThat(AuditVerifier.verify(home, day(2))).isInstanceOf(AuditVerifier.Intact.class)
                .extracting(r -> ((AuditVerifier.Intact) r).records()).isEqualTo(20L);

        List<String> lines = lines(day2);
        lines.set(0, lines.get(0).replace("\"files\":", "\"files\":1"));
        write(day2, lines);
        assertThat(AuditVerifier.verify(home, day(2))).isInstanceOf(Broken.class)
                .extracting(r -> ((Broken) r).problem()).isEqualTo(Problem.BAD_SIGNATURE);
    }

    @Test
    void aChangeThatKeepsTheMeaningButNotTheBytesIsStillFound() throws Exception {
        List<String> lines = lines(day2);
        lines.set(6, lines.get(6).replace("\"action\":", "\"action\" :"));
        write(day2, lines);

        assertThat(broken()).extracting(Broken::line, Broken::seq, Broken::problem)
                .containsExactly(7, 17L, Problem.DAMAGED);
    }

    @Test
    void anAddedFieldIsNotARecord() throws Exception {
        List<String> lines = lines(day2);
        lines.set(1, lines.get(1).replace("{\"action\"", "{\"note\":\"ok\",\"action\""));
        write(day2, lines);

        assertThat(broken()).extracting(Broken::line, Broken::problem).containsExactly(2, Problem.DAMAGED);
        assertThat(broken().detail()).contains("10 fields");
    }

    @Test
    void recordsVerifyTheSameFromAnotherStore() {
        List<AuditRecord> records = records();
        var keys = AuditKeys.trusted(home);

        assertThat(AuditVerifier.verify(records, true, keys)).isInstanceOf(AuditVerifier.Intact.class);
        List<AuditRecord> swapped = new java.util.ArrayList<>(records);
        swapped.set(20, records.get(21));
        swapped.set(21, records.get(20));
        assertThat(AuditVerifier.verify(swapped, true, keys)).isInstanceOf(Broken.class)
                .extracting(r -> ((Broken) r).problem(), r -> ((Broken) r).line())
                .containsExactly(Problem.REORDERED, 21);
    }

    private List<AuditRecord> records() {
        return AuditStore.files(home.resolve("audit")).read(null);
    }

    private Broken broken() {
        AuditVerifier.Result r = AuditVerifier.verify(home, null);
        assertThat(r).isInstanceOf(Broken.class);
        return (Broken) r;
    }

    private static java.time.LocalDate day(int n) {
        return AuditFixtures.DAY_1.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(n - 1);
    }
}

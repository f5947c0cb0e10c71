package dev.aap.core.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aap.core.EnvironmentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.aap.core.audit.AuditFixtures.dayFile;
import static dev.aap.core.audit.AuditFixtures.editDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Appending: each record links to and is signed after the one before it, across days, threads and processes. */
class AuditLogTest {

    @TempDir
    Path home;

    @Test
    void recordsChainAndVerifyAfterARoundTripThroughTheFile() {
        AuditLog log = AuditLog.open(home);
        AuditRecord first = log.append("run-1", "user:alice", "edit.applied", editDetails(1));
        AuditRecord second = log.append(null, "token:ci", "api.token_use", editDetails(2));

        List<AuditRecord> read = AuditStore.files(home.resolve("audit")).read(null);

        assertThat(read).containsExactly(first, second);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prev()).isEqualTo(AuditRecord.NO_PREV);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prev()).isEqualTo(first.hash());
        assertThat(second.runId()).isNull();
        assertThat(first.key()).isEqualTo(log.keyId()).hasSize(16);
        assertThat(AuditKeys.verify(AuditKeys.trusted(home).get(first.key()), first.signedBytes(), first.sig()))
                .isTrue();
        assertThat(AuditVerifier.verify(home, null)).isEqualTo(new AuditVerifier.Intact(2, 1,
                List.of(log.keyId()), second.hash()));
    }

    @Test
    void aLineHoldsTheCanonicalFormWithSortedKeysAndNoWhitespace() throws Exception {
        AuditRecord r = AuditLog.open(home).append("run-1", "aap", "sandbox.exec", editDetails(0)
                .put("command", "mvn -q test").put("exit", 0));

        String line = Files.readString(home.resolve("audit").resolve(r.time().toString().substring(0, 10)
                + ".jsonl")).strip();

        assertThat(line).isEqualTo(r.toLine()).doesNotContain(" \"").doesNotContain(": ");
        assertThat(line).startsWith("{\"action\":\"sandbox.exec\",\"actor\":\"aap\",\"details\":{\"command\":");
        assertThat(line.indexOf("\"prev\"")).isLessThan(line.indexOf("\"runId\""));
        assertThat(line.indexOf("\"runId\"")).isLessThan(line.indexOf("\"seq\""));
        assertThat(line).endsWith("\"}");
    }

    @Test
    void theChainRunsAcrossDaysIntoOneFilePerUtcDay() throws Exception {
        AuditFixtures.logOverDays(home, 3, 4);

        List<AuditRecord> read = AuditStore.files(home.resolve("audit")).read(null);
        AuditRecord lastOfDay1 = read.get(3);
        AuditRecord firstOfDay2 = read.get(4);

        assertThat(Files.readAllLines(dayFile(home, 1))).hasSize(4);
        assertThat(Files.readAllLines(dayFile(home, 2))).hasSize(4);
        assertThat(Files.readAllLines(dayFile(home, 3))).hasSize(4);
        assertThat(firstOfDay2.seq()).isEqualTo(5);
        assertThat(firstOfDay2.prev()).isEqualTo(lastOfDay1.hash());
        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class)
                .extracting(r -> ((AuditVerifier.Intact) r).days()).isEqualTo(3);
        assertThat(AuditStore.files(home.resolve("audit")).read(
                AuditFixtures.DAY_1.atOffset(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1))).hasSize(8);
    }

    @Test
    void aClockThatGoesBackStillAppendsToTheNewestDayFile() throws Exception {
        var clock = new AuditFixtures.MovableClock(AuditFixtures.DAY_1.plus(Duration.ofDays(1)));
        AuditLog log = AuditLog.open(home, clock, true);
        log.append(null, "aap", "git.commit", editDetails(1));
        clock.advance(Duration.ofDays(-1));
        log.append(null, "aap", "git.push", editDetails(2));

        assertThat(Files.readAllLines(dayFile(home, 2))).hasSize(2);
        assertThat(dayFile(home, 1)).doesNotExist();
        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void twoLogsOnOneHomeInterleaveWithoutBreakingTheChain() throws Exception {
        AuditLog a = AuditLog.open(home);
        AuditLog b = AuditLog.open(home);
        var threads = new ArrayList<Thread>();
        for (AuditLog log : List.of(a, b, a, b)) {
            threads.add(Thread.ofPlatform().start(() -> IntStream.range(0, 100)
                    .forEach(i -> log.append("run-" + i % 3, "aap", "model.call", editDetails(i)))));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class)
                .extracting(r -> ((AuditVerifier.Intact) r).records()).isEqualTo(400L);
    }

    @Test
    void aSecondProcessAppendingAtTheSameTimeKeepsTheChainValid() throws Exception {
        AuditKeys.loadOrCreate(home);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditAppender.class.getName(), home.toString(), "400")
                .redirectErrorStream(true).start();
        AuditStore store = AuditStore.files(home.resolve("audit"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (store.read(null).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        AuditLog log = AuditLog.open(home);
        for (int i = 0; i < 250; i++) {
            log.append("parent", "aap", "sandbox.exec", editDetails(i));
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(new String(child.getInputStream().readAllBytes())).isZero();

        List<AuditRecord> read = store.read(null);
        assertThat(read).hasSize(650);
        long turns = IntStream.range(1, read.size()).filter(i -> !read.get(i).runId().equals(read.get(i - 1).runId()))
                .count();
        assertThat(turns).as("the two processes' records interleave").isGreaterThanOrEqualTo(2);
        assertThat(AuditVerifier.verify(home, null)).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void nothingIsAddedAfterALastLineThatWasCutOff() throws Exception {
        AuditLog log = AuditLog.open(home);
        AuditRecord r = log.append(null, "aap", "git.commit", editDetails(1));
        Path file = home.resolve("audit").resolve(r.time().toString().substring(0, 10) + ".jsonl");
        Files.writeString(file, "{\"seq\":2,\"act", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> AuditLog.open(home).append(null, "aap", "git.push", editDetails(2)))
                .isInstanceOf(EnvironmentException.class).hasMessageContaining("incomplete record")
                .hasMessageContaining("aap audit verify");
    }

    @Test
    void detailsTooLongToBeADigestOrReasonAreRefused() {
        var details = JsonNodeFactory.instance.objectNode();
        details.putArray("reasons").add("x".repeat(AuditLog.MAX_DETAIL_CHARS + 1));

        assertThatThrownBy(() -> AuditLog.open(home).append(null, "aap", "policy.verdict", details))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("details.reasons[0]")
                .hasMessageContaining("not prompt or code text");
        assertThat(home.resolve("audit")).doesNotExist();
    }

    @Test
    void anActionOrActorOutsideTheirFormIsRefused() {
        AuditLog log = AuditLog.open(home);
        assertThatThrownBy(() -> log.append(null, "aap", "Edit Applied", editDetails(1)))
                .hasMessageContaining("dotted lower case");
        assertThatThrownBy(() -> log.append(null, "user alice", "edit.applied", editDetails(1)))
                .hasMessageContaining("one word");
    }
}

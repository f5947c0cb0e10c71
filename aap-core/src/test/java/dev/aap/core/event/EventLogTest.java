package dev.aap.core.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sequence numbers stay unique and increasing per run when later processes append to the same log. */
class EventLogTest {

    @TempDir
    Path dir;

    @Test
    void aReopenedLogGoesOnFromItsLastSequenceNumber() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open("r", file)) {
            log.emit(new Event.StepStarted("prepare"));
            log.emit(new Event.StepStarted("code"));
        }
        try (EventLog log = EventLog.open("r", file)) {
            assertThat(log.emit(new Event.StepStarted("verify"))).isEqualTo(3);
        }

        assertThat(seqs(file)).containsExactly(1L, 2L, 3L);
        assertThat(EventLog.lastSeq(file)).isEqualTo(3);
    }

    @Test
    void aLineCutShortByAKilledProcessIsDroppedAndNotCounted() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open("r", file)) {
            log.emit(new Event.StepStarted("prepare"));
        }
        Files.writeString(file, "{\"seq\":2,\"time\":\"20", java.nio.file.StandardOpenOption.APPEND);

        try (EventLog log = EventLog.open("r", file)) {
            log.emit(new Event.StepStarted("code"));
        }

        assertThat(seqs(file)).containsExactly(1L, 2L);
    }

    @Test
    void aCallerThatKnowsTheLastSequenceNumberSetsWhereNumberingGoesOn() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventLog log = EventLog.open("r", file, 41)) {
            assertThat(log.emit(new Event.StepStarted("prepare"))).isEqualTo(42);
        }

        assertThat(seqs(file)).containsExactly(42L);
        assertThat(EventLog.lastSeq(dir.resolve("missing.jsonl"))).isZero();
    }

    private static List<Long> seqs(Path file) throws Exception {
        var json = new ObjectMapper();
        return Files.readAllLines(file).stream().map(l -> {
            try {
                return json.readTree(l).get("seq").asLong();
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }
}

package dev.aap.core.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Shared pieces of the audit tests: a clock the test moves, typical details, and line-level file surgery. */
final class AuditFixtures {

    static final Instant DAY_1 = Instant.parse("2026-03-01T09:00:00Z");

    private AuditFixtures() {
    }

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Details like an applied edit's: a diff digest, a path count and a duration. */
    static ObjectNode editDetails(int i) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("diffSha256", String.format("%064x", 0xabcdef00L + i));
        d.put("files", 1 + i % 3);
        d.put("millis", 40 + i);
        return d;
    }

    /** Appends {@code perDay} records on each of {@code days} consecutive days, starting at {@link #DAY_1}. */
    static AuditLog logOverDays(Path home, int days, int perDay) {
        var clock = new MovableClock(DAY_1);
        AuditLog log = AuditLog.open(home, clock, false);
        int i = 0;
        for (int d = 0; d < days; d++) {
            for (int k = 0; k < perDay; k++) {
                log.append("20260301-090000-a1b2c3", "model:openai:gpt-4o-mini", "edit.applied", editDetails(i++));
                clock.advance(Duration.ofMinutes(1));
            }
            clock.advance(Duration.ofDays(1).minusMinutes(perDay));
        }
        return log;
    }

    static Path dayFile(Path home, int day) {
        return home.resolve("audit").resolve(DAY_1.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(day - 1)
                + ".jsonl");
    }

    static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static void write(Path file, List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}

package dev.aap.core.audit;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Walks an audit log in order and either vouches for all of it or names the first record that is not what was
 * written: its place, its seq and what is wrong (edited, removed, reordered, inserted, cut off).
 */
public final class AuditVerifier {

    /** What a verification found. */
    public sealed interface Result permits Intact, Broken {

        /** One line for a person. */
        String message();
    }

    /**
     * Every record checked out.
     *
     * @param head hash of the last record: note it elsewhere to notice records cut from the end later
     */
    public record Intact(long records, int days, List<String> keys, String head) implements Result {

        public Intact {
            keys = List.copyOf(keys);
        }

        @Override
        public String message() {
            return "intact: " + records + " records, " + days + " days, key " + (keys.isEmpty() ? "none"
                    : String.join(",", keys));
        }
    }

    /**
     * The first bad record.
     *
     * @param file day file name (or {@code audit table})
     * @param line line in that file, from 1
     * @param seq  the record's seq, or -1 when the line is not a record at all
     */
    public record Broken(String file, int line, long seq, Problem problem, String detail) implements Result {

        @Override
        public String message() {
            return "broken at " + file + ":" + line + (seq < 0 ? "" : " (seq " + seq + ")") + ": " + detail + " ("
                    + problem.meaning + ")";
        }
    }

    /** Kinds of damage, each with what it usually means. */
    public enum Problem {
        /** The line is not a record, or not in the canonical form it was written in. */
        DAMAGED("edited or cut off"),
        /** Signed by a key this home does not have. */
        UNKNOWN_KEY("inserted"),
        /** The signature does not cover the record as it is now. */
        BAD_SIGNATURE("edited or forged"),
        /** A record comes before one it was written after. */
        REORDERED("reordered"),
        /** Records are missing. */
        REMOVED("removed"),
        /** The record does not link to the one before it. */
        BROKEN_LINK("inserted or removed");

        private final String meaning;

        Problem(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** One record to check and where it came from; {@code text} is null when the store keeps no line. */
    private record Entry(String file, int line, String text, AuditRecord record, String error) {
    }

    private AuditVerifier() {
    }

    /** Verifies {@code home/audit} from {@code since} (null: from the first record) with {@code home/keys}. */
    public static Result verify(Path home, LocalDate since) {
        return verifyFiles(home.resolve("audit"), since, AuditKeys.trusted(home));
    }

    /** Verifies the day files in {@code auditDir} against the given public keys (by id). */
    public static Result verifyFiles(Path auditDir, LocalDate since, Map<String, PublicKey> keys) {
        return verifyLines(new DayFiles(auditDir, false).lines(since), since == null, keys);
    }

    /** Verifies lines as a log file holds them (day files, or the body of an export). */
    static Result verifyLines(List<DayFiles.Line> lines, boolean fromStart, Map<String, PublicKey> keys) {
        List<Entry> entries = new ArrayList<>(lines.size());
        for (DayFiles.Line l : lines) {
            try {
                entries.add(new Entry(l.file(), l.number(), l.text(), AuditRecord.parse(l.text()), null));
            } catch (IllegalArgumentException e) {
                entries.add(new Entry(l.file(), l.number(), l.text(), null, e.getMessage()));
            }
        }
        return check(entries, fromStart, keys);
    }

    /**
     * Verifies records read from another store (the server's table).
     *
     * @param fromStart false when the records begin after the log's start: the first one's seq and prev are taken as
     *                  given (its signature is still checked)
     */
    public static Result verify(List<AuditRecord> records, boolean fromStart, Map<String, PublicKey> keys) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            entries.add(new Entry(r.time().atOffset(ZoneOffset.UTC).toLocalDate() + " (audit table)", i + 1, null, r,
                    null));
        }
        return check(entries, fromStart, keys);
    }

    private static Result check(List<Entry> entries, boolean fromStart, Map<String, PublicKey> keys) {
        // Signatures dominate the cost (the JDK's Ed25519 takes most of a millisecond), and each record's own checks
        // need nothing from its neighbours, so they run on all cores; only the links are walked in order.
        Broken[] alone = new Broken[entries.size()];
        String[] hashes = new String[entries.size()];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            alone[i] = alone(entries.get(i), keys);
            if (alone[i] == null) {
                hashes[i] = entries.get(i).record.hash();
            }
        });
        Set<String> days = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        Entry before = null;
        String beforeHash = AuditRecord.NO_PREV;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Broken b = alone[i];
            if (b == null) {
                b = before == null ? first(e, fromStart) : link(entries, i, before, beforeHash);
            }
            if (b != null) {
                return b;
            }
            days.add(e.file);
            used.add(e.record.key());
            before = e;
            beforeHash = hashes[i];
        }
        return new Intact(entries.size(), days.size(), List.copyOf(used), beforeHash);
    }

    /** What can be checked on a record by itself: it parses, its key is known, its signature holds. */
    private static Broken alone(Entry e, Map<String, PublicKey> keys) {
        if (e.record == null) {
            return broken(e, -1, Problem.DAMAGED, "not an audit record: " + e.error);
        }
        AuditRecord r = e.record;
        PublicKey key = keys.get(r.key());
        if (key == null) {
            return broken(e, r.seq(), Problem.UNKNOWN_KEY, "signed with key " + r.key() + ", which is not one of"
                    + " this home's audit keys " + keys.keySet());
        }
        if (!AuditKeys.verify(key, r.signedBytes(), r.sig())) {
            return broken(e, r.seq(), Problem.BAD_SIGNATURE, "the signature does not match the record");
        }
        if (e.text != null && !e.text.equals(r.toLine())) {
            return broken(e, r.seq(), Problem.DAMAGED, "the line differs from the record that was signed");
        }
        return null;
    }

    private static Broken first(Entry e, boolean fromStart) {
        AuditRecord r = e.record;
        if (!fromStart) {
            return null;
        }
        if (r.seq() != 1) {
            return broken(e, r.seq(), Problem.REMOVED, "the log starts at seq " + r.seq() + ": records 1 to "
                    + (r.seq() - 1) + " are missing");
        }
        if (!r.prev().equals(AuditRecord.NO_PREV)) {
            return broken(e, r.seq(), Problem.BROKEN_LINK, "the first record links to an earlier record");
        }
        return null;
    }

    private static Broken link(List<Entry> entries, int i, Entry before, String beforeHash) {
        Entry e = entries.get(i);
        long was = before.record.seq();
        long seq = e.record.seq();
        if (seq <= was) {
            return broken(e, seq, Problem.REORDERED, "seq goes back from " + was + " to " + seq);
        }
        if (seq > was + 1) {
            for (int j = i + 1; j < entries.size(); j++) {
                AuditRecord later = entries.get(j).record;
                if (later != null && later.seq() > was && later.seq() < seq) {
                    return broken(e, seq, Problem.REORDERED, "seq jumps from " + was + " to " + seq + "; seq "
                            + later.seq() + " comes later, at " + entries.get(j).file + ":" + entries.get(j).line);
                }
            }
            String where = e.file.equals(before.file) ? "" : " (between " + before.file + " and " + e.file
                    + ": a day file may have been deleted)";
            return broken(e, seq, Problem.REMOVED, "seq jumps from " + was + " to " + seq + ": "
                    + (seq - was - 1 == 1 ? "record " + (was + 1) + " is" : "records " + (was + 1) + " to "
                    + (seq - 1) + " are") + " missing" + where);
        }
        if (!e.record.prev().equals(beforeHash)) {
            return broken(e, seq, Problem.BROKEN_LINK, "prev is not the hash of seq " + was + " at " + before.file
                    + ":" + before.line);
        }
        return null;
    }

    private static Broken broken(Entry e, long seq, Problem p, String detail) {
        return new Broken(e.file, e.line, seq, p, detail);
    }
}

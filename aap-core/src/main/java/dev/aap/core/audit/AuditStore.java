package dev.aap.core.audit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where audit records are kept: day files under {@code AAP_HOME/audit} for the CLI ({@link #files(Path)}), a table
 * for the server. The chain is only as good as the store's lock: {@link #append(Function)} must read the last record
 * and add the next one as one step, across threads and processes.
 */
public interface AuditStore {

    /** The day files in {@code auditDir} ({@code YYYY-MM-DD.jsonl}, UTC days), locked through a lock file there. */
    static AuditStore files(Path auditDir) {
        return new DayFiles(auditDir, false);
    }

    /** As {@link #files(Path)}, forcing each record to disk before returning when {@code fsync} is set. */
    static AuditStore files(Path auditDir, boolean fsync) {
        return new DayFiles(auditDir, fsync);
    }

    /**
     * Under the store's lock, stores the record {@code next} makes from the last record (empty for an empty store)
     * and returns it.
     */
    AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next);

    /** Stores a record made elsewhere (a copy of another store's record); the verifier judges whether it fits. */
    default AuditRecord append(AuditRecord record) {
        return append(last -> record);
    }

    /** The records from {@code since} (a UTC day; null for all) in log order. */
    List<AuditRecord> read(LocalDate since);
}

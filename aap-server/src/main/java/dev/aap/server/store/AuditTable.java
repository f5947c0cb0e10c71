package dev.aap.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.EnvironmentException;
import dev.aap.core.audit.AuditRecord;
import dev.aap.core.audit.AuditStore;
import dev.aap.core.audit.AuditVerifier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code audit} table as an {@link AuditStore}: every server of a cluster appends to one chain, taking turns
 * through a transaction-scoped advisory lock, so the last record read and the next one written are one step.
 */
public final class AuditTable implements AuditStore {

    /** One lock for the chain, held only while a record is appended; "aap_audi" in ASCII. */
    private static final long CHAIN_LOCK = 0x6161705f61756469L;
    /** A plain mapper: the details go back exactly as they were signed, with no naming strategy or limits. */
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final String LABEL = "audit table";

    /** A row as stored, parsed into a record when it is one. */
    private record Row(long seq, AuditRecord record, String error) {
    }

    private final Jdbi jdbi;

    public AuditTable(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public AuditRecord append(Function<Optional<AuditRecord>, AuditRecord> next) {
        return jdbi.inTransaction(h -> {
            h.execute("select pg_advisory_xact_lock(?)", CHAIN_LOCK);
            Optional<Row> last = h.createQuery("select * from audit order by seq desc limit 1")
                    .map((rs, ctx) -> row(rs)).findOne();
            if (last.isPresent() && last.get().record == null) {
                throw new EnvironmentException("the last row of the audit table (seq " + last.get().seq + ") is not"
                        + " an audit record (" + last.get().error + "): run aap audit verify; nothing is added after it");
            }
            AuditRecord r = next.apply(last.map(Row::record));
            insert(h, r);
            return r;
        });
    }

    @Override
    public List<AuditRecord> read(LocalDate since) {
        List<AuditRecord> out = new ArrayList<>();
        for (Row row : rows(null, since)) {
            if (row.record == null) {
                throw new EnvironmentException("audit row seq " + row.seq + " is not an audit record (" + row.error
                        + "): run aap audit verify");
            }
            out.add(row.record);
        }
        return out;
    }

    /** One run's records from {@code since} (null: all), in log order. */
    public List<AuditRecord> read(String runId, LocalDate since) {
        return page(runId, since, 0, Integer.MAX_VALUE);
    }

    /**
     * At most {@code limit} records after seq {@code afterSeq}, of one run ({@code runId}; null: all) from the day
     * {@code since} (null: all), in log order. Rows that are no longer records are skipped: verify names them.
     */
    public List<AuditRecord> page(String runId, LocalDate since, long afterSeq, int limit) {
        return rows(runId, since, afterSeq, limit).stream().filter(r -> r.record != null).map(Row::record).toList();
    }

    /**
     * Checks the chain from {@code since} (null: from the first record) and names the first bad row, a row that is no
     * longer a record at all included.
     */
    public AuditVerifier.Result verify(LocalDate since, Map<String, PublicKey> keys) {
        List<Row> rows = rows(null, since);
        List<AuditRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.record == null) {
                // the rows before the damaged one may hold an earlier fault: that one is named first
                AuditVerifier.Result before = AuditVerifier.verify(records, since == null, keys);
                if (before instanceof AuditVerifier.Broken) {
                    return before;
                }
                return new AuditVerifier.Broken(LABEL, records.size() + 1, row.seq, AuditVerifier.Problem.DAMAGED,
                        "the row is not an audit record: " + row.error);
            }
            records.add(row.record);
        }
        return AuditVerifier.verify(records, since == null, keys);
    }

    private List<Row> rows(String runId, LocalDate since) {
        return rows(runId, since, 0, Integer.MAX_VALUE);
    }

    private List<Row> rows(String runId, LocalDate since, long afterSeq, int limit) {
        var sql = new StringBuilder("select * from audit where seq > :after");
        if (runId != null) {
            sql.append(" and run_id = :run");
        }
        if (since != null) {
            // from the first record of that day on, by seq: clocks of several servers may disagree by a little,
            // and a verification needs an unbroken stretch of the chain
            sql.append(" and seq >= (select coalesce(min(seq), 9223372036854775807) from audit where time >= :since)");
        }
        sql.append(" order by seq limit :limit");
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("after", afterSeq).bind("limit", limit);
            if (runId != null) {
                q.bind("run", runId);
            }
            if (since != null) {
                q.bind("since", Timestamp.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    private static void insert(Handle h, AuditRecord r) {
        String details;
        try {
            details = PLAIN.writeValueAsString(r.details());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit details", e);
        }
        h.createUpdate("""
                insert into audit (seq, time, run_id, actor, action, details, key_id, prev, hash, sig)
                values (:seq, :time, :run, :actor, :action, :details, :key, :prev, :hash, :sig)""")
                .bind("seq", r.seq()).bind("time", Timestamp.from(r.time())).bind("run", r.runId())
                .bind("actor", r.actor()).bind("action", r.action()).bind("details", details).bind("key", r.key())
                .bind("prev", r.prev()).bind("hash", r.hash()).bind("sig", r.sig()).execute();
    }

    private static Row row(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        try {
            JsonNode details = PLAIN.readTree(rs.getString("details"));
            if (details == null || !details.isObject()) {
                return new Row(seq, null, "details is not a JSON object");
            }
            return new Row(seq, new AuditRecord(seq, rs.getTimestamp("time").toInstant(), rs.getString("run_id"),
                    rs.getString("actor"), rs.getString("action"), (ObjectNode) details, rs.getString("key_id"),
                    rs.getString("prev"), rs.getString("sig")), null);
        } catch (JsonProcessingException e) {
            return new Row(seq, null, "details is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IllegalArgumentException e) {
            return new Row(seq, null, e.getMessage());
        }
    }
}

package dev.aap.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The {@code events} table: each run's events numbered 1, 2, 3… by the database, so that a run resumed by another
 * process continues the numbering and a stream resumed with {@code Last-Event-ID} has no gaps and no repeats.
 */
public final class Events {

    /** One stored event: its number and its JSON (the events.jsonl shape, with that number as {@code seq}). */
    public record Stored(long seq, ObjectNode json) {
    }

    private final Jdbi jdbi;

    public Events(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Appends an event to a run; returns the number it got. */
    public long append(String runId, String type, Instant time, ObjectNode json) {
        for (int tries = 0; ; tries++) {
            try {
                return jdbi.inTransaction(h -> {
                    long seq = h.createQuery("select coalesce(max(seq), 0) + 1 from events where run_id = :id")
                            .bind("id", runId).mapTo(Long.class).one();
                    ObjectNode body = json.deepCopy();
                    body.put("seq", seq);
                    h.createUpdate("""
                            insert into events (run_id, seq, time, type, body)
                            values (:id, :seq, :time, :type, cast(:body as jsonb))""")
                            .bind("id", runId).bind("seq", seq).bind("time", Timestamp.from(time)).bind("type", type)
                            .bind("body", Json.write(body)).execute();
                    h.execute("select pg_notify('aap_events', ?)", runId);
                    return seq;
                });
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (!Runs.isUniqueViolation(e) || tries >= 5) {
                    throw e;
                }
            }
        }
    }

    /** The run's events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<Stored> after(String runId, long afterSeq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select seq, body from events where run_id = :id and seq > :after order by seq limit :limit""")
                .bind("id", runId).bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> new Stored(rs.getLong(1), (ObjectNode) Json.read(rs.getString(2))))
                .list());
    }
}

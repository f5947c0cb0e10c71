package dev.aap.server.store;

import org.jdbi.v3.core.Jdbi;

/** The {@code deliveries} table: each webhook delivery once, so that a redelivery starts nothing. */
public final class Deliveries {

    private final Jdbi jdbi;

    public Deliveries(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Records a delivery; false when it was seen before. */
    public boolean first(String source, String id) {
        return jdbi.withHandle(h -> h.createUpdate(
                "insert into deliveries (source, id) values (:source, :id) on conflict do nothing")
                .bind("source", source).bind("id", id).execute()) == 1;
    }

    /** What came of a delivery: ignored and why, or the task it started. */
    public void outcome(String source, String id, String outcome, String taskId) {
        jdbi.useHandle(h -> h.createUpdate(
                "update deliveries set outcome = :outcome, task_id = :task where source = :source and id = :id")
                .bind("outcome", outcome).bind("task", taskId).bind("source", source).bind("id", id).execute());
    }
}

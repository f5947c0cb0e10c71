package dev.aap.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;

/** The {@code steps} table: each finished step's recorded output, the checkpoint a taken-over run resumes from. */
public final class Steps {

    private final Jdbi jdbi;

    public Steps(Database db) {
        this.jdbi = db.jdbi();
    }

    public Optional<JsonNode> load(String runId, String step) {
        return jdbi.withHandle(h -> h.createQuery("select output from steps where run_id = :id and step = :step")
                .bind("id", runId).bind("step", step).map((rs, ctx) -> Json.read(rs.getString(1))).findOne());
    }

    public void save(String runId, String step, JsonNode output, String node) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into steps (run_id, step, output, node) values (:id, :step, cast(:out as jsonb), :node)
                on conflict (run_id, step) do update set output = excluded.output, node = excluded.node,
                    finished_at = now()""")
                .bind("id", runId).bind("step", step).bind("out", Json.write(output)).bind("node", node).execute());
    }

    /** The run's finished steps with their durations' end times, oldest first (the dashboard's timeline). */
    public List<String> finished(String runId) {
        return jdbi.withHandle(h -> h.createQuery(
                "select step from steps where run_id = :id order by finished_at").bind("id", runId)
                .mapTo(String.class).list());
    }
}

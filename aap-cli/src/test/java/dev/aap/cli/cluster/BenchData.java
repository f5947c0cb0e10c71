package dev.aap.cli.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Finished runs written straight into the tables, as a server that has worked for a month would have them. */
final class BenchData {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String[] STATUSES = {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED",
            "NEEDS_HUMAN"};

    private BenchData() {
    }

    /** Inserts {@code count} tasks with one finished run each, spread over the repositories and the last 30 days. */
    static void finishedRuns(Connection c, int count, String... repos) throws SQLException {
        c.setAutoCommit(false);
        Instant now = Instant.now();
        try (PreparedStatement task = c.prepareStatement("""
                insert into tasks (id, repo, spec, created_by, created_at)
                values (?, ?, cast(? as jsonb), 'admin', ?)""");
             PreparedStatement run = c.prepareStatement("""
                insert into runs (id, task_id, repo, base_ref, status, attempt, node, strategy, message, exit_code,
                    result, created_at, started_at, finished_at, updated_at)
                values (?, ?, ?, 'main', ?, 1, 'bench-node', 'auto', ?, ?, cast(? as jsonb), ?, ?, ?, ?)""")) {
            for (int i = 0; i < count; i++) {
                Instant created = now.minus(Duration.ofDays(30)).plusSeconds(i * 250L);
                String id = ID.format(created) + "-" + String.format("%06x", i);
                String repo = repos[i % repos.length];
                String status = STATUSES[i % STATUSES.length];
                Timestamp t = Timestamp.from(created);
                Timestamp end = Timestamp.from(created.plusSeconds(95));
                task.setString(1, id);
                task.setString(2, repo);
                task.setString(3, "{\"repo\":\"" + repo + "\",\"goal\":\"fix the failing test number " + i
                        + "\",\"strategy\":\"auto\"}");
                task.setTimestamp(4, t);
                task.addBatch();
                run.setString(1, id);
                run.setString(2, id);
                run.setString(3, repo);
                run.setString(4, status);
                run.setString(5, status.equals("SUCCEEDED") ? "all tests pass" : "2 tests still fail");
                run.setInt(6, status.equals("SUCCEEDED") ? 0 : 1);
                run.setString(7, result(id, repo, status, i));
                run.setTimestamp(8, t);
                run.setTimestamp(9, t);
                run.setTimestamp(10, end);
                run.setTimestamp(11, end);
                run.addBatch();
                if (i % 1000 == 999) {
                    task.executeBatch();
                    run.executeBatch();
                }
            }
            task.executeBatch();
            run.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        try (Statement s = c.createStatement()) {
            // what autovacuum would have done by itself on a server that has been running
            s.execute("analyze");
        }
    }

    /** A run.json-like record of about 2 KB. */
    static String result(String id, String repo, String status, int i) {
        ObjectNode r = ApiClient.JSON.createObjectNode();
        r.put("schema", "aap.run/v1").put("run_id", id).put("repo", repo).put("status", status)
                .put("brain", "llm").put("model", "openai:gpt-4o-mini").put("base_commit",
                        String.format("%040x", i * 7919L)).put("wall_seconds", 95.3).put("attempts", 1 + i % 3);
        ObjectNode tests = r.putObject("tests");
        tests.put("command", "mvn -q -o test").put("before_failed", 2).put("after_failed",
                status.equals("SUCCEEDED") ? 0 : 2).put("passed", 148);
        ArrayNode files = r.putArray("files_changed");
        for (int f = 0; f < 6; f++) {
            files.addObject().put("path", "src/main/java/com/example/billing/service/PricingService" + f + ".java")
                    .put("added", 12 + f).put("removed", 3 + f);
        }
        ArrayNode steps = r.putArray("steps");
        for (String s : new String[] {"prepare", "index", "locate", "code", "test", "review", "integrate"}) {
            steps.addObject().put("step", s).put("millis", 1000 + s.length() * 977).put("ok", true);
        }
        ObjectNode usage = r.putObject("usage");
        usage.put("prompt_tokens", 48_211).put("completion_tokens", 3_904).put("cost_usd", 0.0127);
        r.put("summary", "Rounded the discount before applying the tax so that totals match the invoice; the two"
                + " failing tests in PricingServiceTest now pass and no other test changed. " + "x".repeat(300));
        return r.toString();
    }
}

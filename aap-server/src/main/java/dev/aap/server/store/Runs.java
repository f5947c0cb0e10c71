package dev.aap.server.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tasks and their runs, and the queue over them: runs are claimed under a lease that the claiming process renews;
 * a run whose lease ran out (its process died) is claimable again and continues from its recorded steps.
 */
public final class Runs {

    /** Runs are claimed one transaction at a time cluster-wide, so the per-repository limit holds exactly. */
    private static final long CLAIM_LOCK = 0x6161705f636c616dL;

    private final Jdbi jdbi;

    public Runs(Database db) {
        this.jdbi = db.jdbi();
    }

    /** What {@code POST /tasks} made, or found under the same idempotency key. */
    public record Submitted(String taskId, String runId, boolean existing, boolean sameBody) {
    }

    /** The queue of that repository is full. */
    public static final class QueueFull extends RuntimeException {

        public QueueFull(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A claimed run: the task to run and how many times it has been claimed (this one included).
     *
     * @param createdBy who submitted the task: an API token's name, or {@code <source>:<user>} for a webhook
     */
    public record Claim(RunRecord run, TaskSpec spec, String createdBy) {
    }

    /** One page of runs, newest first; {@code nextCursor} is null on the last page. */
    public record Page(List<RunRecord> runs, String nextCursor) {
    }

    /** Stores a task and its first run, QUEUED. The same idempotency key returns what it made the first time. */
    public Submitted submit(String taskId, String runId, TaskSpec spec, String baseRef, String idempotencyKey,
                            String bodySha256, String createdBy, int maxQueued) {
        if (idempotencyKey != null) {
            Optional<Submitted> found = byKey(createdBy, idempotencyKey, bodySha256);
            if (found.isPresent()) {
                return found.get();
            }
        }
        try {
            return jdbi.inTransaction(h -> {
                // submits to one repository take turns, so concurrent ones cannot overfill its queue together
                h.execute("select pg_advisory_xact_lock(hashtext(?))", "aap-queue:" + spec.repo());
                long queued = h.createQuery("select count(*) from runs where repo = :repo and status = 'QUEUED'")
                        .bind("repo", spec.repo()).mapTo(Long.class).one();
                if (queued >= maxQueued) {
                    throw new QueueFull("the queue of repository '" + spec.repo() + "' holds " + queued
                            + " runs (the limit is " + maxQueued + ")");
                }
                h.createUpdate("""
                        insert into tasks (id, repo, spec, idempotency_key, body_sha256, created_by)
                        values (:id, :repo, cast(:spec as jsonb), :key, :sha, :by)""")
                        .bind("id", taskId).bind("repo", spec.repo()).bind("spec", Json.write(spec))
                        .bind("key", idempotencyKey).bind("sha", bodySha256).bind("by", createdBy).execute();
                insertRun(h, runId, taskId, spec, baseRef);
                notifyQueue(h);
                return new Submitted(taskId, runId, false, true);
            });
        } catch (UnableToExecuteStatementException e) {
            if (idempotencyKey != null && isUniqueViolation(e)) {
                // a concurrent request with the same key won the race: answer with its task
                return byKey(createdBy, idempotencyKey, bodySha256).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Submitted> byKey(String createdBy, String key, String bodySha256) {
        return jdbi.withHandle(h -> h.createQuery("""
                select t.id, t.body_sha256, (select min(r.id) from runs r where r.task_id = t.id) as run_id
                from tasks t where t.idempotency_key = :key and t.created_by is not distinct from :by""")
                .bind("key", key).bind("by", createdBy)
                .map((rs, ctx) -> new Submitted(rs.getString("id"), rs.getString("run_id"), true,
                        bodySha256 != null && bodySha256.equals(rs.getString("body_sha256"))))
                .findOne());
    }

    /** A new run of a finished run's task; empty when there is no such run. */
    public Optional<String> retry(String runId, String newRunId) {
        return jdbi.inTransaction(h -> {
            Optional<RunRecord> old = get(h, runId);
            if (old.isEmpty()) {
                return Optional.empty();
            }
            TaskSpec spec = h.createQuery("select spec from tasks where id = :id").bind("id", old.get().taskId())
                    .map((rs, ctx) -> parseSpec(rs.getString(1))).one();
            insertRun(h, newRunId, old.get().taskId(), spec, old.get().baseRef());
            notifyQueue(h);
            return Optional.of(newRunId);
        });
    }

    private static void insertRun(Handle h, String runId, String taskId, TaskSpec spec, String baseRef) {
        h.createUpdate("""
                insert into runs (id, task_id, repo, base_ref, status, strategy)
                values (:id, :task, :repo, :base, 'QUEUED', :strategy)""")
                .bind("id", runId).bind("task", taskId).bind("repo", spec.repo()).bind("base", baseRef)
                .bind("strategy", spec.strategy()).execute();
        h.execute("select pg_notify('aap_runs', ?)", runId);
    }

    private static void notifyQueue(Handle h) {
        h.execute("select pg_notify('aap_queue', '')");
    }

    public Optional<RunRecord> get(String id) {
        return jdbi.withHandle(h -> get(h, id));
    }

    private static Optional<RunRecord> get(Handle h, String id) {
        return h.createQuery("select * from runs where id = :id").bind("id", id).map(Runs::map).findOne();
    }

    /** The task a run belongs to. */
    public Optional<TaskSpec> spec(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("select spec from tasks where id = :id").bind("id", taskId)
                .map((rs, ctx) -> parseSpec(rs.getString(1))).findOne());
    }

    /**
     * Runs newest first, filtered; the cursor is the last id of the previous page. The entries carry no
     * {@code result}: a page of 50 would fetch and parse about 100 KB of run records that a list does not show.
     */
    public Page list(String status, String repo, Instant since, String cursor, int limit) {
        var sql = new StringBuilder("""
                select id, task_id, repo, base_ref, status, attempt, node, strategy, message, exit_code,
                    null as result, cancel_requested, created_at, started_at, finished_at
                from runs where true""");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (repo != null) {
            sql.append(" and repo = :repo");
        }
        if (since != null) {
            sql.append(" and created_at >= :since");
        }
        if (cursor != null) {
            sql.append(" and id < :cursor");
        }
        sql.append(" order by id desc limit :limit");
        List<RunRecord> rows = jdbi.withHandle(h -> {
            var q = h.createQuery(sql.toString()).bind("limit", limit + 1);
            if (status != null) {
                q.bind("status", status);
            }
            if (repo != null) {
                q.bind("repo", repo);
            }
            if (since != null) {
                q.bind("since", Timestamp.from(since));
            }
            if (cursor != null) {
                q.bind("cursor", cursor);
            }
            return q.map(Runs::map).list();
        });
        if (rows.size() > limit) {
            List<RunRecord> page = rows.subList(0, limit);
            return new Page(List.copyOf(page), page.get(page.size() - 1).id());
        }
        return new Page(rows, null);
    }

    /**
     * Asks a run to stop: a queued one is CANCELLED at once, a running one when its process next renews its lease.
     * Empty when there is no such run.
     */
    public Optional<RunRecord> cancel(String id) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                    update runs set status = 'CANCELLED', finished_at = now(), updated_at = now(),
                        message = 'cancelled before it started', cancel_requested = true
                    where id = :id and status = 'QUEUED'""").bind("id", id).execute();
            h.createUpdate("""
                    update runs set cancel_requested = true, updated_at = now()
                    where id = :id and status = 'RUNNING'""").bind("id", id).execute();
            h.execute("select pg_notify('aap_runs', ?)", id);
            return get(h, id);
        });
    }

    /**
     * Claims the oldest runnable run for {@code node}: a queued one, or a running one whose lease ran out (taken
     * over first), keeping each repository and base branch under its concurrency limit.
     */
    public Optional<Claim> claim(String node, int leaseSeconds) {
        return jdbi.inTransaction(h -> {
            h.execute("select pg_advisory_xact_lock(?)", CLAIM_LOCK);
            // a run asked to stop whose process died is not taken over, just closed
            h.createUpdate("""
                    update runs set status = 'CANCELLED', finished_at = now(), updated_at = now(),
                        message = coalesce(message, 'cancelled')
                    where status = 'RUNNING' and cancel_requested and lease_until < now()""").execute();
            // the live runs are counted once per repository and branch, not once per queued run: a count per
            // candidate made each claim cost O(queue length) under the cluster-wide lock (1000 queued: 31 ms)
            Optional<String> id = h.createQuery("""
                    with busy as (
                        select repo, base_ref, count(*) as n from runs
                        where status = 'RUNNING' and lease_until >= now() group by repo, base_ref)
                    select r.id from runs r
                        left join repos p on p.name = r.repo
                        left join busy b on b.repo = r.repo and b.base_ref = r.base_ref
                    where (r.status = 'QUEUED' or (r.status = 'RUNNING' and r.lease_until < now()))
                      and coalesce(b.n, 0) < coalesce(p.max_concurrent_runs, 1)
                    order by (r.status = 'RUNNING') desc, r.created_at, r.id
                    limit 1
                    for update of r skip locked""").mapTo(String.class).findOne();
            if (id.isEmpty()) {
                return Optional.<Claim>empty();
            }
            RunRecord run = h.createQuery("""
                    update runs set status = 'RUNNING', node = :node, attempt = attempt + 1,
                        lease_until = now() + make_interval(secs => :lease),
                        started_at = coalesce(started_at, now()), updated_at = now()
                    where id = :id returning *""")
                    .bind("node", node).bind("lease", leaseSeconds).bind("id", id.get())
                    .map(Runs::map).one();
            h.execute("select pg_notify('aap_runs', ?)", run.id());
            Claim claim = h.createQuery("select spec, created_by from tasks where id = :id").bind("id", run.taskId())
                    .map((rs, ctx) -> new Claim(run, parseSpec(rs.getString(1)), rs.getString(2))).one();
            return Optional.of(claim);
        });
    }

    /** Renews the leases of this node's runs; returns the ids whose cancel was asked for. */
    public List<String> renew(String node, List<String> ids, int leaseSeconds) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                update runs set lease_until = now() + make_interval(secs => :lease)
                where node = :node and status = 'RUNNING' and id = any(:ids)
                returning id, cancel_requested""")
                .bind("lease", leaseSeconds).bind("node", node).bindArray("ids", String.class, ids)
                .map((rs, ctx) -> rs.getBoolean("cancel_requested") ? rs.getString("id") : null)
                .list().stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * Records a run's end, only if this node still holds it under this attempt (a process that lost its lease
     * while paused must not overwrite the taker's result). Returns whether it did.
     */
    public boolean finish(String id, String node, int attempt, String status, String message, Integer exitCode,
                          String resultJson) {
        return jdbi.withHandle(h -> {
            int n = h.createUpdate("""
                    update runs set status = :status, message = :message, exit_code = :code,
                        result = cast(:result as jsonb), finished_at = now(), updated_at = now(), lease_until = null
                    where id = :id and node = :node and attempt = :attempt and status = 'RUNNING'""")
                    .bind("status", status).bind("message", message).bind("code", exitCode)
                    .bind("result", resultJson).bind("id", id).bind("node", node).bind("attempt", attempt)
                    .execute();
            h.execute("select pg_notify('aap_runs', ?)", id);
            return n == 1;
        });
    }

    /** The runs of the tasks a forge issue started, newest first. */
    public List<RunRecord> byOrigin(String repo, String forge, long issue) {
        return jdbi.withHandle(h -> h.createQuery("""
                select r.* from runs r join tasks t on t.id = r.task_id
                where t.repo = :repo and t.spec -> 'origin' ->> 'forge' = :forge
                  and t.spec -> 'origin' ->> 'issue' = :issue
                order by r.id desc limit 100""")
                .bind("repo", repo).bind("forge", forge).bind("issue", Long.toString(issue))
                .map(Runs::map).list());
    }

    /** Runs waiting to be claimed, cluster-wide. */
    public long queued() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from runs where status = 'QUEUED'")
                .mapTo(Long.class).one());
    }

    /** Run counts by status, for the metrics. */
    public java.util.Map<String, Long> countByStatus() {
        var out = new java.util.TreeMap<String, Long>();
        jdbi.useHandle(h -> h.createQuery("select status, count(*) from runs group by status")
                .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    private static TaskSpec parseSpec(String json) {
        return Json.MAPPER.convertValue(Json.read(json), TaskSpec.class);
    }

    static boolean isUniqueViolation(Exception e) {
        return e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }

    static RunRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        int code = rs.getInt("exit_code");
        Integer exit = rs.wasNull() ? null : code;
        return new RunRecord(rs.getString("id"), rs.getString("task_id"), rs.getString("repo"),
                rs.getString("base_ref"), rs.getString("status"), rs.getInt("attempt"), rs.getString("node"),
                rs.getString("strategy"), rs.getString("message"), exit, Json.read(rs.getString("result")),
                rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}

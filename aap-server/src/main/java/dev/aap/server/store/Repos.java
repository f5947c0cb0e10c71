package dev.aap.server.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code repos} table. */
public final class Repos {

    private final Jdbi jdbi;

    public Repos(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Adds a repository; false when the name is taken. */
    public boolean add(RepoRecord r) {
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into repos (name, url, local_path, default_branch, policy, max_concurrent_runs, forge)
                values (:name, :url, :local, :branch, cast(:policy as jsonb), :max, cast(:forge as jsonb))
                on conflict (name) do nothing""")
                .bind("name", r.name()).bind("url", r.url()).bind("local", r.localPath())
                .bind("branch", r.defaultBranch())
                .bind("policy", r.policy() == null ? null : Json.write(r.policy()))
                .bind("max", r.maxConcurrentRuns())
                .bind("forge", r.forge() == null ? null : Json.write(r.forge()))
                .execute()) == 1;
    }

    public Optional<RepoRecord> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("select * from repos where name = :name")
                .bind("name", name).map(Repos::map).findOne());
    }

    public List<RepoRecord> list() {
        return jdbi.withHandle(h -> h.createQuery("select * from repos order by name").map(Repos::map).list());
    }

    /** The repository registered for this forge's repository (GitHub's {@code owner/name}, GitLab's path). */
    public Optional<RepoRecord> byForge(String kind, String repository) {
        return jdbi.withHandle(h -> h.createQuery("""
                select * from repos where forge ->> 'kind' = :kind and lower(forge ->> 'repository') = lower(:repo)
                order by name limit 1""")
                .bind("kind", kind).bind("repo", repository).map(Repos::map).findOne());
    }

    public boolean delete(String name) {
        return jdbi.withHandle(h -> h.createUpdate("delete from repos where name = :name").bind("name", name)
                .execute()) == 1;
    }

    static RepoRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RepoRecord(rs.getString("name"), rs.getString("url"), rs.getBoolean("local_path"),
                rs.getString("default_branch"), Json.read(rs.getString("policy")), rs.getInt("max_concurrent_runs"),
                rs.getTimestamp("created_at").toInstant(), Json.read(rs.getString("forge")));
    }
}

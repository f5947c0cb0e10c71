package dev.aap.server.store;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code tokens} table: names, scopes and SHA-256 hashes; the tokens themselves are never stored. */
public final class Tokens {

    /** A token as listed: never the secret, never its hash. */
    public record TokenInfo(String name, Set<String> scopes, Instant createdAt, Instant revokedAt) {
    }

    private final Jdbi jdbi;

    public Tokens(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Stores a token's hash; false when the name is taken. */
    public boolean add(String name, String hash, Set<String> scopes) {
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into tokens (name, hash, scopes) values (:name, :hash, :scopes)
                on conflict do nothing""")
                .bind("name", name).bind("hash", hash).bind("scopes", String.join(",", scopes))
                .execute()) == 1;
    }

    /** Whether any token was ever made: the first start against an empty database makes the admin token. */
    public boolean empty() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from tokens").mapTo(Long.class).one()) == 0;
    }

    /** The live (not revoked) token with this hash. */
    public Optional<TokenInfo> byHash(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select * from tokens where hash = :hash and revoked_at is null")
                .bind("hash", hash).map((rs, ctx) -> info(rs)).findOne());
    }

    public List<TokenInfo> list() {
        return jdbi.withHandle(h -> h.createQuery("select * from tokens order by name").map((rs, ctx) -> info(rs))
                .list());
    }

    /** Revokes a live token; false when there is none by that name. */
    public boolean revoke(String name) {
        return jdbi.withHandle(h -> h.createUpdate(
                "update tokens set revoked_at = now() where name = :name and revoked_at is null")
                .bind("name", name).execute()) == 1;
    }

    private static TokenInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        var ts = rs.getTimestamp("revoked_at");
        return new TokenInfo(rs.getString("name"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(","))),
                rs.getTimestamp("created_at").toInstant(), ts == null ? null : ts.toInstant());
    }
}

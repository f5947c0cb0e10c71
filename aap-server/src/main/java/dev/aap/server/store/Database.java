package dev.aap.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The service's PostgreSQL: an external one from a URL, or an embedded one under {@code AAP_HOME/pg}; migrated by
 * Flyway on open, pooled, reached through JDBI.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final EmbeddedPg embedded;
    private final Connection connection;

    /** Where to connect: a JDBC URL with its user and password. */
    public record Connection(String jdbcUrl, String user, String password) {

        @Override
        public String toString() {
            return jdbcUrl + " as " + user;
        }
    }

    private Database(HikariDataSource pool, EmbeddedPg embedded, Connection connection) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.embedded = embedded;
        this.connection = connection;
    }

    /**
     * Opens the database: {@code url} when given (either {@code postgresql://user:pass@host:port/db} or
     * {@code jdbc:postgresql://...}), else the embedded one under {@code pgHome}; then migrates it.
     */
    public static Database open(String url, Path pgHome, int poolSize) {
        EmbeddedPg embedded = null;
        Connection c;
        if (url != null && !url.isBlank()) {
            c = parseUrl(url);
        } else {
            embedded = EmbeddedPg.start(pgHome);
            c = new Connection(embedded.jdbcUrl(), "postgres", "");
        }
        try {
            HikariDataSource pool = pool(c, poolSize);
            migrate(pool);
            return new Database(pool, embedded, c);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static HikariDataSource pool(Connection c, int poolSize) {
        var cfg = new HikariConfig();
        cfg.setJdbcUrl(c.jdbcUrl());
        cfg.setUsername(c.user());
        cfg.setPassword(c.password());
        cfg.setMaximumPoolSize(poolSize);
        cfg.setMinimumIdle(Math.min(2, poolSize));
        cfg.setPoolName("aap");
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new EnvironmentException("cannot connect to PostgreSQL at " + c + ": " + rootMessage(e)
                    + ": check AAP_DATABASE_URL (or --database-url), that the server runs and accepts this user");
        }
    }

    /** The newest migration under {@code db/migration}; {@code DatabaseTest} holds it to the files. */
    static final String LATEST_MIGRATION = "4";

    private static void migrate(HikariDataSource pool) {
        if (LATEST_MIGRATION.equals(appliedVersion(pool))) {
            // Flyway's own start costs more than half a second; a database that is current needs none of it
            return;
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new EnvironmentException("cannot migrate the database: " + rootMessage(e));
        }
    }

    /** The version of the last successful migration, or null for a database Flyway has not seen. */
    private static String appliedVersion(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select version from flyway_schema_history where success"
                     + " order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Parses both URL forms; a bad one is the user's to fix. */
    public static Connection parseUrl(String url) {
        String u = url.trim();
        if (u.startsWith("jdbc:postgresql:")) {
            URI uri = uri(u.substring("jdbc:".length()), url);
            String user = queryParam(uri, "user");
            String password = queryParam(uri, "password");
            return new Connection(u, user == null ? System.getProperty("user.name") : user,
                    password == null ? "" : password);
        }
        if (u.startsWith("postgresql://") || u.startsWith("postgres://")) {
            URI uri = uri(u, url);
            if (uri.getHost() == null) {
                throw new BadInputException("database URL has no host: " + redact(url));
            }
            String user = System.getProperty("user.name");
            String password = "";
            if (uri.getRawUserInfo() != null) {
                String[] up = uri.getRawUserInfo().split(":", 2);
                user = decode(up[0]);
                password = up.length > 1 ? decode(up[1]) : "";
            }
            String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new Connection("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + db + query, user, password);
        }
        throw new BadInputException("not a PostgreSQL URL: " + redact(url)
                + ": use postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db?user=...");
    }

    private static URI uri(String u, String original) {
        try {
            return new URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new BadInputException("not a valid database URL: " + redact(original) + " (" + e.getReason() + ")");
        }
    }

    private static String queryParam(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String kv : uri.getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals(name)) {
                return p.length > 1 ? decode(p[1]) : "";
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, fit for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /** The innermost cause's first line: what a user can act on, without the wrapping. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public Connection connection() {
        return connection;
    }

    /** Whether the database answers now. */
    public boolean reachable() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}

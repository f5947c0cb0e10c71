package dev.aap.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL per test JVM, and a fresh empty database in it for each test that asks. */
public final class TestDatabase {

    private static EmbeddedPostgres pg;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres pg() {
        if (pg == null) {
            try {
                pg = EmbeddedPostgres.builder().setPort(0).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pg;
    }

    /** A new database; its URL in the {@code postgresql://} form users give. */
    public static String fresh() {
        String name = "aap_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return "postgresql://postgres:@localhost:" + pg().getPort() + "/" + name;
    }

    /** A data source on a database {@link #fresh()} made, for checking its rows from a test. */
    public static javax.sql.DataSource dataSource(String url) {
        return pg().getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1));
    }
}

package dev.aap.cli.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL per test JVM, and a fresh empty database in it for each test that asks. */
final class TestPostgres {

    private static EmbeddedPostgres pg;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A database: the URL {@code aap serve} gets in AAP_DATABASE_URL, and a data source for checking its rows. */
    record Db(String url, DataSource dataSource) {

        Connection connect() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the test database " + url, e);
            }
        }
    }

    private TestPostgres() {
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

    static Db fresh() {
        String name = "aap_cluster_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = pg().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Db("postgresql://postgres:@localhost:" + pg().getPort() + "/" + name,
                pg().getDatabase("postgres", name));
    }
}

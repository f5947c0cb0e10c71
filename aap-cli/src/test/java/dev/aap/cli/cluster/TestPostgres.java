package dev.aap.cli.cluster;

import dev.aap.server.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A fresh database in the test JVM's PostgreSQL (aap-server's {@link TestDatabase}), with a data source on it. */
final class TestPostgres {

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

    static Db fresh() {
        String url = TestDatabase.fresh();
        return new Db(url, TestDatabase.dataSource(url));
    }
}

package dev.aap.server.store;

import dev.aap.core.BadInputException;
import dev.aap.server.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void readsBothUrlFormsWithTheirCredentials() {
        var plain = Database.parseUrl("postgresql://aap:s%40cret@db.example:6432/aapdb?sslmode=require");
        assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/aapdb?sslmode=require");
        assertThat(plain.user()).isEqualTo("aap");
        assertThat(plain.password()).isEqualTo("s@cret");
        assertThat(Database.parseUrl("postgres://u@h/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");

        var jdbc = Database.parseUrl("jdbc:postgresql://h:5433/d?user=bob&password=pw");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/d?user=bob&password=pw");
        assertThat(jdbc.user()).isEqualTo("bob");
        assertThat(jdbc.password()).isEqualTo("pw");
    }

    @Test
    void aBadUrlIsTheUsersToFixAndNeverEchoesThePassword() {
        assertThatThrownBy(() -> Database.parseUrl("mysql://root:hunter2@h/d"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("postgresql://user:pass@host:port/db")
                .hasMessageNotContaining("hunter2");
        assertThat(Database.redact("postgresql://u:hunter2@h/d")).isEqualTo("postgresql://u:***@h/d");
        assertThat(Database.redact("jdbc:postgresql://h/d?user=u&password=hunter2")).doesNotContain("hunter2");
    }

    @Test
    void theLatestMigrationConstantNamesTheNewestFile() throws IOException, URISyntaxException {
        Path dir = Path.of(Database.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            int newest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Database.LATEST_MIGRATION).isEqualTo(Integer.toString(newest));
        }
    }

    @Test
    void anOlderSchemaIsMigratedAndACurrentOneOpensAsIs() {
        String url = TestDatabase.fresh();
        var c = Database.parseUrl(url);
        Flyway.configure().dataSource(c.jdbcUrl(), c.user(), c.password()).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Database db = Database.open(url, null, 2)) {
            String applied = db.jdbi().withHandle(h -> h.createQuery("select version from flyway_schema_history"
                    + " where success order by installed_rank desc limit 1").mapTo(String.class).one());
            assertThat(applied).isEqualTo(Database.LATEST_MIGRATION);
        }
        try (Database db = Database.open(url, null, 2)) {
            assertThat(db.reachable()).isTrue();
            assertThat(new Tokens(db).empty()).isTrue();
        }
    }
}

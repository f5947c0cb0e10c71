package dev.aap.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aap.core.audit.AuditKeys;
import dev.aap.core.audit.AuditLog;
import dev.aap.core.audit.AuditRecord;
import dev.aap.core.audit.AuditVerifier;
import dev.aap.server.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's audit chain in a real PostgreSQL: order, concurrent appenders in two pools, and tampered rows. */
class AuditTableTest {

    @TempDir
    Path tmp;
    String url;
    Database db;
    AuditTable table;
    AuditLog log;
    Map<String, PublicKey> keys;

    @BeforeEach
    void open() {
        url = TestDatabase.fresh();
        db = Database.open(url, tmp.resolve("pg"), 6);
        table = new AuditTable(db);
        AuditKeys k = AuditKeys.loadOrCreate(tmp.resolve("home"));
        log = AuditLog.over(table, k, Clock.systemUTC());
        keys = AuditKeys.trusted(tmp.resolve("home"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void append(int n) {
        for (int i = 1; i <= n; i++) {
            log.append(i % 2 == 0 ? "run-a" : "run-b", "token:ci", "api.request",
                    JsonNodeFactory.instance.objectNode().put("i", i).put("ratio", i / 4.0).put("note", "n\u0000" + i));
        }
    }

    private void sql(String statement) {
        db.jdbi().useHandle(h -> h.execute(statement));
    }

    @Test
    void readsRecordsBackInOrderExactlyAsTheyWereSigned() {
        append(5);

        List<AuditRecord> all = table.read(null);
        assertThat(all).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all.get(1).prev()).isEqualTo(all.get(0).hash());
        assertThat(all.get(2).details().get("note").asText()).isEqualTo("n\u00003");
        assertThat(table.read("run-a", null)).extracting(AuditRecord::seq).containsExactly(2L, 4L);
        LocalDate today = all.getFirst().time().atOffset(ZoneOffset.UTC).toLocalDate();
        assertThat(table.read(today)).hasSize(5);
        assertThat(table.read(today.plusDays(1))).isEmpty();
        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Intact.class, ok -> {
            assertThat(ok.records()).isEqualTo(5);
            assertThat(ok.head()).isEqualTo(all.getLast().hash());
        });
        assertThat(table.verify(today, keys)).isInstanceOf(AuditVerifier.Intact.class);
    }

    @Test
    void eightThreadsOverTwoServersPoolsKeepOneUnbrokenChain() throws Exception {
        try (Database other = Database.open(url, tmp.resolve("pg"), 6)) {
            AuditLog second = AuditLog.over(new AuditTable(other), AuditKeys.loadOrCreate(tmp.resolve("home")),
                    Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                AuditLog l = t % 2 == 0 ? log : second;
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        l.append("run-" + thread, "aap", "sandbox.exec",
                                JsonNodeFactory.instance.objectNode().put("i", i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }

        List<AuditRecord> all = table.read(null);
        assertThat(all).extracting(AuditRecord::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Intact.class,
                ok -> assertThat(ok.records()).isEqualTo(200));
    }

    @Test
    void anEditedRowIsNamedByItsSignature() {
        append(6);
        sql("update audit set details = '{\"i\":99}' where seq = 3");

        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Broken.class, bad -> {
            assertThat(bad.seq()).isEqualTo(3);
            assertThat(bad.problem()).isEqualTo(AuditVerifier.Problem.BAD_SIGNATURE);
        });
    }

    @Test
    void aDeletedRowIsNamedAsMissingAtTheRecordAfterIt() {
        append(6);
        sql("delete from audit where seq = 4");

        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Broken.class, bad -> {
            assertThat(bad.seq()).isEqualTo(5);
            assertThat(bad.problem()).isEqualTo(AuditVerifier.Problem.REMOVED);
            assertThat(bad.detail()).contains("record 4 is missing");
        });
    }

    @Test
    void twoRowsWithSwappedDetailsAreNamedAtTheFirstOfThem() {
        append(6);
        sql("""
                update audit a set details = b.details from audit b
                where (a.seq = 2 and b.seq = 5) or (a.seq = 5 and b.seq = 2)""");

        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Broken.class, bad -> {
            assertThat(bad.seq()).isEqualTo(2);
            assertThat(bad.problem()).isEqualTo(AuditVerifier.Problem.BAD_SIGNATURE);
        });
    }

    @Test
    void aRowThatIsNoLongerARecordIsNamedAndNothingIsChainedAfterIt() {
        append(4);
        sql("update audit set details = 'not json' where seq = 4");

        assertThat(table.verify(null, keys)).isInstanceOfSatisfying(AuditVerifier.Broken.class, bad -> {
            assertThat(bad.seq()).isEqualTo(4);
            assertThat(bad.problem()).isEqualTo(AuditVerifier.Problem.DAMAGED);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> append(1))
                .hasMessageContaining("seq 4").hasMessageContaining("aap audit verify");
    }
}

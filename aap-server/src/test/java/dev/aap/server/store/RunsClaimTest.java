package dev.aap.server.store;

import dev.aap.core.run.RunId;
import dev.aap.server.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's claims on a real PostgreSQL: oldest first, expired leases first, each branch under its limit. */
class RunsClaimTest {

    @TempDir
    Path tmp;
    Database db;
    Runs runs;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabase.fresh(), tmp.resolve("pg"), 4);
        runs = new Runs(db);
        var repos = new Repos(db);
        repos.add(new RepoRecord("two", "/tmp/two", true, "main", null, 2, null));
        repos.add(new RepoRecord("one", "/tmp/one", true, "main", null, 1, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void claimsTheOldestRunsButNoMoreThanTheLimitOfTheirRepositoryAndBranch() {
        List<String> main = submit("two", "main", 4);
        List<String> other = submit("two", "release", 1);
        List<String> one = submit("one", "main", 2);

        List<String> claimed = new ArrayList<>();
        for (Optional<Runs.Claim> c; (c = runs.claim("n1", 30)).isPresent(); ) {
            claimed.add(c.get().run().id());
            assertThat(c.get().run().attempt()).isEqualTo(1);
            assertThat(c.get().spec().repo()).isEqualTo(c.get().run().repo());
        }
        assertThat(claimed).containsExactly(main.get(0), main.get(1), other.get(0), one.get(0));

        assertThat(runs.finish(main.get(0), "n1", 1, "SUCCEEDED", "done", 0, null)).isTrue();
        assertThat(runs.claim("n2", 30).map(c -> c.run().id())).contains(main.get(2));
        assertThat(runs.claim("n2", 30)).isEmpty();
    }

    @Test
    void takesOverARunWhoseLeaseRanOutBeforeAnyQueuedOne() throws InterruptedException {
        List<String> ids = submit("two", "main", 3);
        assertThat(runs.claim("dead", 1).map(c -> c.run().id())).contains(ids.get(0));
        assertThat(runs.claim("alive", 30).map(c -> c.run().id())).contains(ids.get(1));
        assertThat(runs.claim("alive", 30)).as("the dead node's run still counts while its lease lasts").isEmpty();
        Thread.sleep(1500);

        Runs.Claim again = runs.claim("alive", 30).orElseThrow();
        assertThat(again.run().id()).isEqualTo(ids.get(0));
        assertThat(again.run().attempt()).isEqualTo(2);
        assertThat(again.run().node()).isEqualTo("alive");
        assertThat(runs.finish(ids.get(0), "dead", 1, "SUCCEEDED", "late", 0, null)).as("the old holder's end")
                .isFalse();
        assertThat(runs.claim("alive", 30)).isEmpty();
    }

    private List<String> submit(String repo, String base, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var spec = new TaskSpec(repo, base, null, "goal " + i, null, null, "noop", null, null, null);
            ids.add(runs.submit(RunId.next().value() + i, RunId.next().value(), spec, base, null, null, "t", 100)
                    .runId());
        }
        return ids;
    }
}

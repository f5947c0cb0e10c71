package dev.aap.server.queue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.event.Event;
import dev.aap.server.TestDatabase;
import dev.aap.server.store.Database;
import dev.aap.server.store.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server run's events reach the database, the live stream and webhooks masked, as events.jsonl is: a token in a
 * warning (say, the first line of a test's output) or in an executor's own event is never stored or sent.
 */
class RunEventsTest {

    @TempDir
    Path tmp;

    @Test
    void secretsInEventsAreMaskedBeforeTheyAreStoredStreamedOrSent() {
        String token = "ghp_" + "Zr8Tq3Lm6Wx1Ck9Pv4Hn7Bd2Fs5Jy0Ga3Ue8";
        try (Database db = Database.open(TestDatabase.fresh(), tmp.resolve("pg"), 2)) {
            db.jdbi().useHandle(h -> {
                h.execute("insert into tasks (id, repo, spec) values ('t1', 'r', '{}'::jsonb)");
                h.execute("insert into runs (id, task_id, repo, base_ref, status) values ('run-1', 't1', 'r', 'HEAD',"
                        + " 'RUNNING')");
            });
            var events = new Events(db);
            var observed = new ArrayList<ObjectNode>();
            var runEvents = new RunEvents(events, "run-1", (type, json) -> observed.add(json));
            var streamed = new ArrayList<ObjectNode>();
            runEvents.listen((type, json) -> streamed.add(json));

            runEvents.onEvent(1, new Event.Warning("test output: export GITHUB_TOKEN=" + token));
            runEvents.emit("note", JsonNodeFactory.instance.objectNode().put("text", "token=" + token));

            List<Events.Stored> stored = events.after("run-1", 0, 10);
            assertThat(stored).hasSize(2);
            assertThat(stored.toString() + observed + streamed).doesNotContain(token)
                    .contains("[REDACTED:github-token]");
            assertThat(streamed).hasSize(2);
        }
    }
}

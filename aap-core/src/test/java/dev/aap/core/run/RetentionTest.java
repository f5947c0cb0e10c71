package dev.aap.core.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention: old finished runs, workspaces and cached answers go; running runs, audit, keys and clones stay. */
class RetentionTest {

    @TempDir
    Path home;

    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private Path file(String rel, String text, int daysOld) throws Exception {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(Duration.ofDays(daysOld))));
        return p;
    }

    private void age(Path dir, int daysOld) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(NOW.minus(Duration.ofDays(daysOld))));
            }
        }
    }

    @Test
    void oldFinishedRunsWorkspacesAndCachedAnswersGoAndNothingElse() throws Exception {
        file("runs/20261001-000000-aaaaaa/run.json", "{\"status\": \"SUCCEEDED\"}", 60);
        file("runs/20261001-000000-aaaaaa/trajectory.jsonl", "{}", 60);
        file("runs/20261002-000000-bbbbbb/run.json", "{\"status\": \"RUNNING\"}", 60);
        file("runs/20261125-000000-cccccc/run.json", "{\"status\": \"FAILED\"}", 5);
        file("runs/20261003-000000-dddddd/run.json", "{\"status\": \"FAILED\"}", 40);
        file("runs/20261003-000000-dddddd/pr.md", "recent edit", 2);
        file("workspaces/20261001-000000-aaaaaa/x.py", "x", 45);
        file("cache/responses/ab/cd.json", "{}", 90);
        file("cache/index/0123/segments", "x", 90);
        file("audit/2026-10-01.jsonl", "{}", 60);
        file("keys/audit-ed25519", "k", 60);
        file("repos/pager/README.md", "x", 60);
        age(home.resolve("runs/20261001-000000-aaaaaa"), 60);
        age(home.resolve("runs/20261002-000000-bbbbbb"), 60);
        age(home.resolve("workspaces/20261001-000000-aaaaaa"), 45);
        age(home.resolve("cache/responses/ab"), 90);

        Retention.Plan plan = Retention.plan(home, Duration.ofDays(30), NOW);

        assertThat(plan.entries()).extracting(e -> home.relativize(e.path()).toString()).containsExactlyInAnyOrder(
                "runs/20261001-000000-aaaaaa", "workspaces/20261001-000000-aaaaaa", "cache/responses/ab");
        assertThat(plan.bytes()).isEqualTo("{\"status\": \"SUCCEEDED\"}".length() + 2 + 1 + 2);
        assertThat(Retention.apply(plan)).isEmpty();
        assertThat(home.resolve("runs/20261001-000000-aaaaaa")).doesNotExist();
        assertThat(home.resolve("runs/20261002-000000-bbbbbb")).as("still running").exists();
        assertThat(home.resolve("runs/20261003-000000-dddddd")).as("touched two days ago").exists();
        assertThat(home.resolve("audit/2026-10-01.jsonl")).exists();
        assertThat(home.resolve("keys/audit-ed25519")).exists();
        assertThat(home.resolve("repos/pager/README.md")).exists();
        assertThat(home.resolve("cache/index/0123/segments")).as("the code index is not a cached answer").exists();
    }

    @Test
    void aDryRunRemovesNothingAndAnEmptyHomeHasNothingToDo() throws Exception {
        file("runs/20261001-000000-aaaaaa/run.json", "{\"status\": \"SUCCEEDED\"}", 60);
        age(home.resolve("runs/20261001-000000-aaaaaa"), 60);
        Retention.Plan plan = Retention.plan(home, Duration.ofDays(30), NOW);
        assertThat(plan.entries()).hasSize(1);
        assertThat(home.resolve("runs/20261001-000000-aaaaaa")).exists();
        assertThat(Retention.plan(home.resolve("nothing-here"), Duration.ofDays(1), NOW).entries()).isEmpty();
    }
}

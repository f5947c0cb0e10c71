package dev.aap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aap gc}: dry run first, then removal; the age from the flag or config.yaml; bad ages are one line. */
class GcCommandTest {

    @TempDir
    Path home;

    private Path oldRun(String id, int days) throws Exception {
        Path dir = home.resolve("runs").resolve(id);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("run.json"), "{\"status\": \"SUCCEEDED\"}");
        Files.writeString(dir.resolve("trajectory.jsonl"), "{\"prompt\": \"...\"}\n");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(days))));
            }
        }
        return dir;
    }

    @Test
    void aDryRunListsAndTheRealRunRemovesWhatIsPastTheRetention() throws Exception {
        Path old = oldRun("20260101-000000-aaaaaa", 90);
        Path recent = oldRun("20261120-000000-bbbbbb", 3);

        Cli.Result dry = Cli.run(home, "gc", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would remove runs/20260101-000000-aaaaaa", "would free")
                .doesNotContain("20261120-000000-bbbbbb");
        assertThat(old).exists();

        Files.writeString(home.resolve("config.yaml"), "retention_days: 2\n");
        Cli.Result gc = Cli.run(home, "gc");
        assertThat(gc.exitCode()).as(gc.err()).isZero();
        assertThat(gc.out()).contains("remove runs/20260101-000000-aaaaaa", "remove runs/20261120-000000-bbbbbb");
        assertThat(old).doesNotExist();
        assertThat(recent).doesNotExist();
    }

    @Test
    void badAgesAreOneLineErrors() throws Exception {
        Cli.Result bad = Cli.run(home, "gc", "--older-than", "a month");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--older-than must look like 30d").doesNotContain("Exception");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), "retention_days: 0\n");
        Cli.Result zero = Cli.run(home, "gc", "--dry-run");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("retention_days must be a whole number of days");
    }
}

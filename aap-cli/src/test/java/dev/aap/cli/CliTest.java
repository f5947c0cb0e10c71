package dev.aap.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The test helper itself: a hung command fails within its timeout and leaves no process behind. */
class CliTest {

    @Test
    void hungProcessFailsWithinTheTimeoutAndItsTreeIsKilled() throws Exception {
        // the background child keeps stdout open, so reading to the end would block for five minutes
        Process p = new ProcessBuilder(List.of("sh", "-c", "sleep 300 & echo \"child $!\" >&2; sleep 300")).start();
        long t0 = System.nanoTime();
        Throwable thrown = catchThrowable(() -> Cli.await(p, Duration.ofSeconds(2), "hung"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(thrown).isInstanceOf(AssertionError.class).hasMessageContaining("hung did not finish in 2 s");
        // the stderr read before the kill names the background child, which must be gone as well
        Matcher child = Pattern.compile("child (\\d+)").matcher(thrown.getMessage());
        assertThat(child.find()).as(thrown.getMessage()).isTrue();
        assertThat(p.isAlive()).isFalse();
        assertThat(running(Long.parseLong(child.group(1)))).isFalse();
    }

    /** Whether a process still runs: a killed orphan may linger as a zombie until init reaps it, which is not running. */
    private static boolean running(long pid) throws Exception {
        for (int i = 0; i < 50; i++) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat)) {
                return false;
            }
            String text = Files.readString(stat);
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    void finishedProcessGivesItsExitCodeAndBothStreams() throws Exception {
        Process p = new ProcessBuilder(List.of("sh", "-c", "echo out; echo err >&2; exit 3")).start();
        Cli.Result r = Cli.await(p, Duration.ofSeconds(20), "sh");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("out\n");
        assertThat(r.err()).isEqualTo("err\n");
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C in the middle of a run: the workspace goes, the run is recorded as cancelled, the repo is untouched. */
class InterruptTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void interruptedRunCleansUpAndLeavesTheRepositoryAlone() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        String statusBefore = Cli.git(repo, "status", "--porcelain");
        String refsBefore = Cli.git(repo, "for-each-ref");
        Process p = Cli.start(home, Map.of(), "fix", "--repo", repo.toString());
        p.getOutputStream().close();
        var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        boolean inSearch = false;
        while ((line = err.readLine()) != null) {
            if (line.contains("step localize")) {
                inSearch = true;
                break;
            }
        }
        assertThat(inSearch).as("the run reached localization").isTrue();
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);

        try (Stream<Path> left = Files.list(home.resolve("workspaces"))) {
            assertThat(left.toList()).isEmpty();
        }
        Path runDir;
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        var run = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(run.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Cli.git(repo, "status", "--porcelain")).isEqualTo(statusBefore);
        assertThat(Cli.git(repo, "for-each-ref")).isEqualTo(refsBefore);
        // nothing the run started is still alive
        Thread.sleep(500);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }
}

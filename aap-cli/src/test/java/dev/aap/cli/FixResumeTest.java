package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
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

/** {@code aap fix --resume RUN_ID}: a killed run goes on from its checkpoints; what cannot be resumed is bad input. */
class FixResumeTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void aKilledRunGoesOnFromItsCheckpointsAndOnlyOnce() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Process p = Cli.start(home, Map.of(), "fix", "--repo", repo.toString(), "--strategy", "search");
        p.getOutputStream().close();
        var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        boolean coding = false;
        while ((line = err.readLine()) != null) {
            if (line.contains("step localize")) {
                coding = true;
                break;
            }
        }
        assertThat(coding).as("the run reached the code step").isTrue();
        // SIGKILL: no shutdown hook, nothing cleaned up, run.json still says RUNNING
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path runDir;
        try (Stream<Path> runs = Files.list(home.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        String id = runDir.getFileName().toString();
        var json = new ObjectMapper();
        assertThat(json.readTree(runDir.resolve("run.json").toFile()).get("status").asText()).isEqualTo("RUNNING");
        assertThat(runDir.resolve("steps/prepare.json")).isRegularFile();

        Cli.Result r = Cli.run(home, "fix", "--resume", id, "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode result = json.readTree(r.out());
        assertThat(result.get("run_id").asText()).isEqualTo(id);
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("task_kind").asText()).isEqualTo("repair");
        assertThat(r.err()).contains("resuming run " + id, "resuming: prepare taken from checkpoints",
                "step prepare done in", "resumed from checkpoint");
        assertThat(Cli.git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/aap"))
                .isEqualTo(result.get("branch").asText());
        assertThat(home.resolve("workspaces")).isEmptyDirectory();

        Cli.Result again = Cli.run(home, "fix", "--resume", id);

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("aap: run " + id + " already finished SUCCEEDED; only an"
                + " interrupted or cancelled run can be resumed");
    }

    @Test
    void anUnknownRunCannotBeResumed() throws Exception {
        Cli.Result r = Cli.run(home, "fix", "--resume", "20240101-000000-abcdef");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("aap: no run 20240101-000000-abcdef to resume").doesNotContain("\n");
        assertThat(Cli.run(home, "fix", "--resume", "last").err()).contains("'last' is not a run id");
    }

    @Test
    void aResumedRunKeepsItsTaskSoTaskOptionsAreRefused() throws Exception {
        Cli.Result r = Cli.run(home, "fix", "--resume", "20240101-000000-abcdef", "--repo", repo.toString(),
                "--issue", "x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("drop --repo, --issue");
        assertThat(Cli.run(home, "fix").err()).contains("give --repo");
    }
}

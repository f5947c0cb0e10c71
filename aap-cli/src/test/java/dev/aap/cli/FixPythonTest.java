package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the bundled Python example: real git, real pytest, the real sandbox. */
class FixPythonTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @BeforeEach
    void needsTheRealSandbox() {
        RealSandbox.require();
    }

    @Test
    void fixesTheExampleOnABranchAndLeavesTheDirtyTreeAlone() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        // the user has uncommitted work in progress
        Files.writeString(repo.resolve("pricing.py"), Files.readString(repo.resolve("pricing.py")) + "# wip\n");
        Files.writeString(repo.resolve("scratch.txt"), "untracked\n");
        String statusBefore = Cli.git(repo, "status", "--porcelain");
        String wip = Files.readString(repo.resolve("pricing.py"));

        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--json", "--budget-seconds", "120",
                "--issue", "Ten units should get the bulk discount");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("exit_code").asInt()).isZero();
        String branch = json.get("branch").asText();
        assertThat(branch).startsWith("aap/").contains("ten-units-should-get-the-bulk-discount");
        assertThat(json.get("changed_lines").asInt()).isEqualTo(1);
        assertThat(json.get("candidates").asInt()).isPositive();
        assertThat(json.get("validation_ms_median").asLong()).isPositive();
        assertThat(json.get("patch").asText()).contains("-    if quantity > 10:");
        for (String field : new String[] {"run_id", "commit", "seconds", "run_dir"}) {
            assertThat(json.hasNonNull(field)).as(field).isTrue();
        }
        // the branch holds a Conventional Commit that fixes the bug
        assertThat(Cli.git(repo, "log", "-1", "--format=%s", branch)).startsWith("fix(pricing): ");
        assertThat(Cli.git(repo, "show", branch + ":pricing.py")).doesNotContain("quantity > 10:");
        // the user's tree, index, HEAD and branch are exactly as they were
        assertThat(Cli.git(repo, "status", "--porcelain")).isEqualTo(statusBefore);
        assertThat(Files.readString(repo.resolve("pricing.py"))).isEqualTo(wip);
        assertThat(Cli.git(repo, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(r.err()).contains("uncommitted changes");
        // artifacts
        Path runDir = Path.of(json.get("run_dir").asText());
        RealSandbox.assertRanIn(runDir);
        for (String f : new String[] {"run.json", "events.jsonl", "patch.diff", "pr.md", "checks/baseline.log",
                "checks/verify.log"}) {
            assertThat(runDir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(runDir.resolve("pr.md"))).contains("## Purpose", "## Changes", "## Tests",
                "## Impact on performance and security", "## Rollback", "## Open items");
        assertThat(home.resolve("workspaces")).isEmptyDirectory();
    }

    @Test
    void passingProjectHasNothingToFix() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Files.writeString(repo.resolve("pricing.py"),
                Files.readString(repo.resolve("pricing.py")).replace("quantity > 10:", "quantity >= 10:"));
        Cli.git(repo, "commit", "-qam", "fix by hand");
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("nothing to fix: all 6 tests pass");
        assertThat(r.err()).contains(", sandbox bwrap");
    }

    @Test
    void brokenTestsAtBaselineReportTheError() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Files.writeString(repo.resolve("test_pricing.py"), "def test_x(:\n    pass\n");
        Cli.git(repo, "commit", "-qam", "break the tests");
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("do not compile").contains("SyntaxError");
    }

    @Test
    void policyViolationEndsInNeedsHumanWithReasons() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Files.createDirectories(repo.resolve(".aap"));
        Files.writeString(repo.resolve(".aap/policy.yaml"), "max_changed_lines: 0\n");
        Cli.git(repo, "add", "-A");
        Cli.git(repo, "commit", "-qm", "strict policy");
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("status").asText()).isEqualTo("NEEDS_HUMAN");
        assertThat(json.get("policy_reasons").toString()).contains("the limit is 0");
        assertThat(r.err()).contains("policy: BLOCKED");
        assertThat(Cli.git(repo, "branch", "--list", "aap/*")).isEmpty();
        RealSandbox.assertRanIn(Path.of(json.get("run_dir").asText()));
    }

    @Test
    void testCommandOverrideIsUsedForBaselineAndProof() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        String command = dev.aap.core.build.PythonLocator.find() + " -m pytest -q -p no:cacheprovider test_pricing.py";
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--dry-run", "--test", command);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("checks (verify): " + command + " -> exit 0");
        assertThat(r.out()).contains("+    if quantity >= 10:").doesNotContain("branch:");
        assertThat(r.err()).contains(", sandbox bwrap");
    }
}

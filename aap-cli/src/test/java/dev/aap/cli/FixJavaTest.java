package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the bundled Maven example: real Maven, the in-process JUnit worker, the real sandbox. */
class FixJavaTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @BeforeEach
    void needsTheRealSandbox() {
        RealSandbox.require();
    }

    @Test
    void fixesTheMavenExampleOnABranch() throws Exception {
        Cli.exampleRepo("java-pager", repo);
        String head = Cli.git(repo, "rev-parse", "HEAD");

        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--json", "--budget-seconds", "120");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("changed_lines").asInt()).isEqualTo(1);
        assertThat(json.get("failing_tests")).hasSize(2);
        String branch = json.get("branch").asText();
        String fixed = Cli.git(repo, "show", branch + ":src/main/java/com/example/pager/Pager.java");
        assertThat(fixed).contains("return page < pageCount(totalItems) - 1;");
        assertThat(Cli.git(repo, "rev-list", "--count", head + ".." + branch)).isEqualTo("1");
        assertThat(Cli.git(repo, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(Cli.git(repo, "status", "--porcelain")).isEmpty();
        assertThat(r.err()).contains("checks (verify): mvn -B -o test -> exit 0");
        RealSandbox.assertRanIn(Path.of(json.get("run_dir").asText()));
    }
}

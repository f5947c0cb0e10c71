package dev.aap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.workspace.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    private void commit(String text, String message) throws Exception {
        Files.writeString(repo.resolve("stock.py"), text);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", message);
    }

    @Test
    void learnStoresTheRepositorysPatternCountsUnderAapHome() throws Exception {
        Git.check(repo, "init", "-q");
        commit("def left(stock, sold):\n    return stock + sold\n", "stock helper");
        commit("def left(stock, sold):\n    return stock - sold\n", "Fix: sold items reduce the stock");
        commit("def left(stock, sold):\n    return stock - sold\n\n\nMAX = 5\n", "raise the cap");

        Cli.Result r = Cli.run(home, "learn", repo.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 commits, 1 small fixes").contains("1  Change Binary Operator");
        List<Path> files;
        try (var s = Files.list(home.resolve("priors"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        JsonNode stored = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(stored.path("counts").path("python").path("Change Binary Operator").asInt()).isEqualTo(1);
        assertThat(stored.path("commitsScanned").asInt()).isEqualTo(3);
        assertThat(stored.path("repository").asText()).isEqualTo(repo.toRealPath().toString());
        assertThat(stored.path("learnedAt").asText()).isNotBlank();
    }

    @Test
    void aPathOutsideGitIsRefusedWithWhatToGive(@TempDir Path plain) throws Exception {
        Cli.Result r = Cli.run(home, "learn", plain.toString());

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("not inside a git repository");
        assertThat(home.resolve("priors")).doesNotExist();
    }
}

package dev.aap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Model settings a user can get wrong fail at once, with exit 2 and a message that says what to do. */
class ModelInputTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void unknownProviderIsRejectedBeforeAnyWork() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--model", "gemini:pro");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown model provider 'gemini'", "openai:gpt-4o-mini").doesNotContain("\tat ");
        assertThat(home.resolve("runs")).doesNotExist();
    }

    @Test
    void missingKeyNamesTheVariable() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", ""), "fix", "--repo", repo.toString(), "--model",
                "openai:gpt-4o-mini");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("OPENAI_API_KEY", "--base-url");
    }

    @Test
    void llmStrategyWithoutAModelSaysHowToGiveOne() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Cli.Result r = Cli.run(home, Map.of("AAP_MODEL", ""), "fix", "--repo", repo.toString(), "--strategy", "llm");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--strategy llm needs a model", "AAP_MODEL");
    }

    @Test
    void unreachableServerIsAnEnvironmentProblem() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "x"), "fix", "--repo", repo.toString(), "--json",
                "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url", "http://127.0.0.1:1/v1");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("cannot reach http://127.0.0.1:1/v1").doesNotContain("\tat ");
        var runDir = java.nio.file.Files.list(home.resolve("runs")).findFirst().orElseThrow();
        assertThat(java.nio.file.Files.readString(runDir.resolve("trajectory.jsonl")))
                .contains("\"kind\":\"model_error\"", "cannot reach");
    }
}

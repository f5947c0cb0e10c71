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
        // no run was started: nothing under runs/
        assertThat(!java.nio.file.Files.exists(home.resolve("runs"))
                || java.nio.file.Files.list(home.resolve("runs")).findAny().isEmpty()).isTrue();
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
    void configFileSuppliesTheModelAndRejectsUnknownKeys() throws Exception {
        java.nio.file.Files.writeString(home.resolve("config.yaml"),
                "model: openai:gpt-4o-mini\nbase_url: http://127.0.0.1:1/v1\n");
        Cli.Result doctor = Cli.run(home, Map.of("AAP_MODEL", "", "AAP_BASE_URL", ""), "doctor");
        assertThat(doctor.out()).contains("model    FAILED   cannot reach http://127.0.0.1:1/v1");

        java.nio.file.Files.writeString(home.resolve("config.yaml"), "modle: openai:gpt-4o-mini\n");
        Cli.exampleRepo("python-pricing", repo);
        Cli.Result fix = Cli.run(home, "fix", "--repo", repo.toString());
        assertThat(fix.exitCode()).isEqualTo(2);
        assertThat(fix.err()).contains("unknown key 'modle'", "model");
    }

    @Test
    void issueFileAndIssueTogetherAreRefused() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Path issue = java.nio.file.Files.writeString(home.resolve("issue.md"), "Ten units get no discount\n");
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--issue", "x", "--issue-file",
                issue.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--issue or --issue-file, not both");
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

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The context window and the temperature: flag over environment over config.yaml, on every request of a run. */
class GenerationSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void theFlagAndTheEnvironmentWinOverConfigYamlOnEveryOllamaRequest() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Files.writeString(home.resolve("config.yaml"), "context_tokens: 65536\ntemperature: 0.9\n");
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(AgentScripts.fullFix());
            Cli.Result r = Cli.run(home, Map.of("AAP_TEMPERATURE", "0.3", "AAP_CONTEXT_TOKENS", ""), "fix", "--repo",
                    repo.toString(), "--json", "--no-embeddings", "--model", "ollama:qwen2.5-coder:7b", "--base-url",
                    server.baseUrl(), "--context-tokens", "16384", "--roles", "full", "--issue",
                    "Ten units should get the bulk discount");

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(server.requests()).hasSize(AgentScripts.fullFix().length).allSatisfy(body -> {
                assertThat(body.at("/options/num_ctx").asInt()).isEqualTo(16_384);
                assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.3);
            });
            JsonNode json = JSON.readTree(r.out());
            String header = Files.readAllLines(Path.of(json.get("run_dir").asText()).resolve("trajectory.jsonl"))
                    .getFirst();
            assertThat(JSON.readTree(header).get("context_tokens").asInt()).isEqualTo(16_384);
        }
    }

    @Test
    void aWindowOrTemperatureThatCannotBeIsBadInput() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Map<String, String> env = Map.of("AAP_CONTEXT_TOKENS", "", "AAP_TEMPERATURE", "");
        Cli.Result small = Cli.run(home, env, "fix", "--repo", repo.toString(), "--model", "ollama:qwen",
                "--context-tokens", "100");
        Files.writeString(home.resolve("config.yaml"), "temperature: 3\n");
        Cli.Result hot = Cli.run(home, env, "fix", "--repo", repo.toString(), "--model", "ollama:qwen");

        assertThat(small.exitCode()).isEqualTo(2);
        assertThat(small.err()).contains("at least 2048", "got '100'").doesNotContain("\tat ");
        assertThat(hot.exitCode()).isEqualTo(2);
        assertThat(hot.err()).contains("temperature", "from 0 to 2", "got '3.0'");
    }
}

package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A green patch that also brings a shell call and a token literal: the review blocks it (NEEDS_HUMAN, exit 4) with
 * file:line and the rule, writes checks/review.sarif, and no branch is made.
 */
class ReviewGuardsTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void aForbiddenConstructAndAnAddedSecretBlockAGreenPatchAtReview() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        String token = "ghp_" + "Qx7Lm2Pz9Rt4Vw8Ky3Nb6Jc1Hd5Fg0Sa2Ee7";
        Reply fixWithExtras = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"pricing.py\","
                + " \"edit_type\": \"replace\", \"locator\": {\"line_range\": {\"start\": 10, \"end\": 10}}, \"patch\":"
                + " \"    import os\\n    os.system(\\\"echo discount\\\")\\n    api_token = \\\"" + token + "\\\"\\n"
                + "    if quantity >= 10:\", \"rationale_summary\": \"off by one\"}"));
        JsonNode json;
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(fixWithExtras, AgentScripts.runTests(),
                    Reply.toolCalls(Reply.call("submit", "{\"summary\": \"fix the bound\"}")));
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
            json = new ObjectMapper().readTree(r.out());
        }
        assertThat(json.path("status").asText()).isEqualTo("NEEDS_HUMAN");
        assertThat(json.path("branch").isNull()).isTrue();
        String reasons = json.path("policy_reasons").toString();
        assertThat(reasons).contains("pricing.py:11: py-os-system", "github-token").doesNotContain(token);
        assertThat(json.path("policy_reasons")).as("one reason per finding").hasSize(2);
        assertThat(json.path("risk").path("level").asText()).isEqualTo("high");
        JsonNode sarif = new ObjectMapper().readTree(Files.readString(Path.of(json.path("run_dir").asText())
                .resolve("checks/review.sarif")));
        assertThat(sarif.path("runs").get(0).path("results").toString()).contains("py-os-system", "github-token");
        assertThat(Files.readString(Path.of(json.path("run_dir").asText()).resolve("pr.md")))
                .contains("Risk: high").doesNotContain(token);
    }
}

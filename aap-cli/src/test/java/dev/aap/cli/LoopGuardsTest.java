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
 * The guardrails inside the agent loop, through a scripted model on real HTTP: an edit that adds a token, one that
 * adds a shell call, and one to a workflow file are each refused before anything is written, with a reason the model
 * reads in its next request; the model changes course and the clean fix is delivered. The token the model wrote never
 * comes back to it. (The same content forced past the loop is blocked at review: PlantedPatchReviewTest.)
 */
class LoopGuardsTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    private static Reply edit(String file, int line, String patch) {
        return Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"" + file + "\", \"edit_type\":"
                + " \"replace\", \"locator\": {\"line_range\": {\"start\": " + line + ", \"end\": " + line + "}},"
                + " \"patch\": \"" + patch + "\", \"rationale_summary\": \"off by one\"}"));
    }

    @Test
    void aSecretAShellCallAndAWorkflowEditAreRefusedInTheLoopAndTheModelChangesCourse() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        Cli.git(repo, "add", "-A");
        Cli.git(repo, "commit", "-q", "-m", "ci");
        String token = "ghp_" + "Qx7Lm2Pz9Rt4Vw8Ky3Nb6Jc1Hd5Fg0Sa2Ee7";
        String original = Files.readString(repo.resolve("pricing.py"));
        JsonNode json;
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(
                    edit("pricing.py", 10, "    api_token = \\\"" + token + "\\\"\\n    if quantity >= 10:"),
                    edit("pricing.py", 10, "    import os\\n    os.system(\\\"echo discount\\\")\\n"
                            + "    if quantity >= 10:"),
                    edit(".github/workflows/ci.yml", 1, "on: [push, pull_request]"),
                    edit("pricing.py", 10, "    if quantity >= 10:"),
                    AgentScripts.runTests(),
                    Reply.toolCalls(Reply.call("submit", "{\"summary\": \"fix the bound\"}")));
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl());
            assertThat(r.exitCode()).as(r.err()).isZero();
            json = new ObjectMapper().readTree(r.out());
            var requests = server.requests();
            assertThat(lastMessage(requests.get(1))).contains("REJECTED", "pricing.py:10 (github-token)",
                    "environment").doesNotContain(token);
            assertThat(lastMessage(requests.get(2))).contains("REJECTED", "pricing.py:11: py-os-system");
            assertThat(lastMessage(requests.get(3))).contains("does not allow editing .github/workflows/ci.yml");
            assertThat(requests).as("the token the model wrote is masked in every later request")
                    .allSatisfy(req -> assertThat(req.toString()).doesNotContain(token));
        }
        assertThat(json.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.path("policy_reasons")).isEmpty();
        String diff = json.path("patch").asText();
        assertThat(diff).contains("+    if quantity >= 10:").doesNotContain("os.system", "api_token");
        assertThat(Files.readString(repo.resolve("pricing.py"))).as("the user's checkout is untouched")
                .isEqualTo(original);
        String audit = String.join("\n", Files.readAllLines(Files.list(home.resolve("audit"))
                .filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow()));
        assertThat(audit.split("\"action\":\"edit.refused\"", -1)).as("three refusals audited").hasSize(4);
        assertThat(audit).as("digests stand in for content").containsPattern("\"request_sha256\":\"[0-9a-f]{64}\"")
                .containsPattern("\"action\":\"edit.applied\".*\"diff_sha256\":\"[0-9a-f]{64}\"")
                .contains("\"patch_sha256\":\"" + dev.aap.core.Digest.sha256(diff) + "\"")
                .doesNotContain(token, "if quantity >= 10");
    }

    /** The text of the request's last message: the tool result the model reads next. */
    private static String lastMessage(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.get(messages.size() - 1).toString();
    }
}

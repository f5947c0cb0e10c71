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

/** The Critic's reject sends the Coder back once; independent attempts start from a clean workspace. */
class AgentAttemptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void aCriticRejectSendsTheCoderBackOnceWithItsNotes() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        try (var server = ScriptedModelServer.openAi()) {
            Reply reject = Reply.text("{\"verdict\": \"reject\", \"notes\": [\"pricing.py:10 the docstring says from"
                    + " 10 units; check the 100-unit tier too\"]}");
            Reply revise = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"pricing.py\", \"edit_type\":"
                    + " \"replace\", \"old_text\": \"if quantity >= 10:\", \"patch\": \"if quantity >= 10:  # both"
                    + " tiers include their bound\", \"rationale_summary\": \"say the bounds are inclusive\"}"));
            server.enqueue(AgentScripts.spec(), AgentScripts.plan(), AgentScripts.edit(), AgentScripts.runTests(),
                    AgentScripts.submit(), reject, revise, AgentScripts.runTests(), AgentScripts.submit(),
                    AgentScripts.critic(), AgentScripts.integrator());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--dry-run", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl(), "--issue", "Ten units should get the bulk discount");
            assertThat(r.exitCode()).as(r.err()).isZero();
            // the Coder's conversation went on with the reviewer's notes
            assertThat(server.requests().get(6).toString()).contains("A reviewer rejected this change",
                    "check the 100-unit tier too");
            JsonNode json = JSON.readTree(r.out());
            assertThat(json.get("critic").get("verdict").asText()).isEqualTo("approve");
            assertThat(json.get("usage").get("calls_by_role").get("critic").asInt()).isEqualTo(2);
            assertThat(json.get("usage").get("calls_by_role").get("coder").asInt()).isEqualTo(6);
            assertThat(json.get("patch").asText()).contains("# both tiers include their bound");
        }
    }

    @Test
    void aCoderThatStandsByItsChangeKeepsTheCriticsVerdictOnRecord() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        try (var server = ScriptedModelServer.openAi()) {
            Reply reject = Reply.text("{\"verdict\": \"reject\", \"notes\": [\"the 100-unit tier may be off by one"
                    + " too\"]}");
            Reply standBy = Reply.toolCalls(Reply.call("submit", "{\"summary\": \"give the 5% discount from 10 units;"
                    + " the 100-unit tier was already inclusive\"}"));
            server.enqueue(AgentScripts.spec(), AgentScripts.plan(), AgentScripts.edit(), AgentScripts.runTests(),
                    AgentScripts.submit(), reject, standBy, AgentScripts.integrator());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--dry-run", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl(), "--issue", "Ten units should get the bulk discount");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode json = JSON.readTree(r.out());
            // the verdict does not block, but nobody may miss it
            assertThat(json.get("critic").get("verdict").asText()).isEqualTo("reject");
            assertThat(json.get("usage").get("calls_by_role").get("critic").asInt()).isEqualTo(1);
            assertThat(Files.readString(Path.of(json.get("run_dir").asText()).resolve("pr.md")))
                    .contains("**reject**", "the 100-unit tier may be off by one too");
        }
    }

    @Test
    void aSecondAttemptStartsCleanAtAHigherTemperatureAfterTheFirstGivesUp() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        try (var server = ScriptedModelServer.openAi()) {
            Reply wrongEdit = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"pricing.py\","
                    + " \"edit_type\": \"replace\", \"old_text\": \"return 0.05\", \"patch\": \"return 0.06\","
                    + " \"rationale_summary\": \"guess\"}"));
            Reply giveUp = Reply.toolCalls(Reply.call("submit", "{\"summary\": \"cannot find it\"}"));
            // attempt 1 leaves a wrong edit behind and gives up (two submits); attempt 2 makes the fix
            server.enqueue(wrongEdit, giveUp, giveUp, AgentScripts.edit(), AgentScripts.runTests(),
                    AgentScripts.submit());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--attempts", "2", "--model", "openai:gpt-4o-mini",
                    "--base-url", server.baseUrl(), "--issue", "Ten units should get the bulk discount");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(server.requests().get(0).get("temperature").asDouble()).isZero();
            assertThat(server.requests().get(3).get("temperature").asDouble()).isEqualTo(0.7);
            JsonNode json = JSON.readTree(r.out());
            // the first attempt's wrong edit is not in the delivered change
            assertThat(json.get("patch").asText()).contains("+    if quantity >= 10:").doesNotContain("0.06");
            assertThat(json.get("attempts")).hasSize(2);
            assertThat(json.get("attempts").get(0).asText()).startsWith("1: the agent stopped");
            assertThat(json.get("attempts").get(1).asText()).startsWith("2: met the success criterion");
            assertThat(Files.readString(Path.of(json.get("run_dir").asText()).resolve("pr.md")))
                    .contains("Found after 2 independent attempts");

            // the replay makes the same two attempts, with the Coder alone, from the recorded answers
            server.close();
            Cli.Result replay = Cli.run(home, "replay", json.get("run_id").asText(), "--json");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            assertThat(replay.err()).doesNotContain("aap: warning");
            assertThat(JSON.readTree(replay.out()).get("patch").asText()).isEqualTo(json.get("patch").asText());
        }
    }
}

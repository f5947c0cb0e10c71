package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end with the llm brain: a scripted model server on 127.0.0.1, real git, real pytest, the real sandbox. */
class FixLlmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @BeforeEach
    void needsTheRealSandbox() {
        RealSandbox.require();
    }

    @Test
    void fixesTheExampleThroughOpenAiAndReplaysWithoutTheServer() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        JsonNode json;
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(AgentScripts.fullFix());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--model", "openai:gpt-4o-mini", "--base-url", server.baseUrl(),
                    "--issue", "Ten units should get the bulk discount");
            assertThat(r.exitCode()).as(r.err()).isZero();
            json = JSON.readTree(r.out());
            assertThat(server.requests()).hasSize(AgentScripts.fullFix().length);
            // the issue reached the model framed as untrusted data
            assertThat(server.requests().get(0).toString()).contains("<untrusted source=\\\"issue\\\">");
        }
        assertThat(json.get("strategy").asText()).isEqualTo("llm");
        assertThat(json.get("patch").asText()).contains("+    if quantity >= 10:");
        JsonNode usage = json.get("usage");
        assertThat(usage.get("model_calls").asInt()).isEqualTo(AgentScripts.fullFix().length);
        assertThat(usage.get("input_tokens").asLong()).isEqualTo(100L * AgentScripts.fullFix().length);
        assertThat(usage.get("cost_usd").asDouble()).isPositive();
        assertThat(json.get("critic").get("verdict").asText()).isEqualTo("approve");
        String branch = json.get("branch").asText();
        assertThat(Cli.git(repo, "log", "-1", "--format=%s", branch)).isEqualTo("fix(pricing): give the 5% discount from 10 units");
        Path runDir = Path.of(json.get("run_dir").asText());
        RealSandbox.assertRanIn(runDir);
        List<String> kinds = Files.readAllLines(runDir.resolve("trajectory.jsonl")).stream()
                .map(l -> readKind(l)).distinct().toList();
        assertThat(kinds).contains("header", "model_request", "model_response", "tool_call", "exit");
        assertThat(Files.readString(runDir.resolve("pr.md"))).contains("Critic", "approve");

        // the model server is gone: the replay answers from the cache and gets the same patch
        Cli.Result replay = Cli.run(home, "replay", json.get("run_id").asText(), "--json");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        // the same window and temperature make the same requests: every one is answered by its cache key
        assertThat(replay.err()).doesNotContain("differs from the recorded one");
        JsonNode again = JSON.readTree(replay.out());
        assertThat(again.get("patch").asText()).isEqualTo(json.get("patch").asText());
        assertThat(again.get("usage").get("cost_usd").asDouble()).isZero();
    }

    @Test
    void fixesTheMavenExampleRunningASelectedTestClassFirst() throws Exception {
        Cli.exampleRepo("java-pager", repo);
        String file = "src/main/java/com/example/pager/Pager.java";
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(AgentScripts.spec(), AgentScripts.plan(),
                    Reply.toolCalls(Reply.call("find_symbol", "{\"name\": \"Pager.hasNext\"}")),
                    Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"" + file + "\", \"edit_type\":"
                            + " \"ast_patch\", \"locator\": {\"ast_query\": \"method hasNext\"}, \"patch\":"
                            + " \"    public boolean hasNext(int page, int totalItems) {\\n        return page <"
                            + " pageCount(totalItems) - 1;\\n    }\", \"rationale_summary\": \"last page\"}")),
                    Reply.toolCalls(Reply.call("run_tests", "{\"selection\": [\"com.example.pager.PagerTest\"]}")),
                    AgentScripts.submit(), AgentScripts.critic(), AgentScripts.integrator());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--dry-run", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode json = JSON.readTree(r.out());
            assertThat(json.get("patch").asText()).contains("+        return page < pageCount(totalItems) - 1;");
            // find_symbol answered from the index, and the selected test class ran under Maven
            assertThat(server.requests().get(3).toString()).contains("method hasNext at " + file + ":38-40");
            // build output (Maven's reports under target/, untracked in a repository without .gitignore) is not
            // retrieved as code
            assertThat(server.requests().get(2).toString()).doesNotContain("surefire-reports");
            assertThat(server.requests().get(5).toString()).contains("PASSED: all");
        }
    }

    @Test
    void hybridLetsTheOfflineSearchFixWhatItCanWithoutAskingTheModel() throws Exception {
        Cli.exampleRepo("python-pricing", repo);
        try (var server = ScriptedModelServer.openAi()) {
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--dry-run", "--strategy", "hybrid", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode json = JSON.readTree(r.out());
            assertThat(json.get("strategy").asText()).isEqualTo("hybrid");
            assertThat(json.get("patch").asText()).contains("+    if quantity >= 10:");
            assertThat(json.get("usage").get("model_calls").asInt()).isZero();
            assertThat(server.requests()).isEmpty();
        }
    }

    private static String readKind(String line) {
        try {
            return JSON.readTree(line).get("kind").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}

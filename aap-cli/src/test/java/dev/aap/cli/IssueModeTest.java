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
 * Issue mode end to end: a repository whose tests all pass, an issue, and a scripted model over real HTTP; real git,
 * real pytest in the sandbox.
 */
class IssueModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE = "Removing more than is in stock must raise ValueError";

    @TempDir
    Path home;

    @TempDir
    Path repo;

    static Reply addReproducingTest() {
        return Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"test_stock.py\", \"edit_type\":"
                + " \"insert\", \"locator\": {\"line_range\": {\"start\": 23, \"end\": 23}}, \"patch\": \"\\n\\n"
                + "def test_removing_more_than_on_hand_raises():\\n    s = Stock()\\n    s.add(\\\"D-4\\\", 1)\\n"
                + "    with pytest.raises(ValueError):\\n        s.remove(\\\"D-4\\\", 2)\\n    assert s.on_hand("
                + "\\\"D-4\\\") == 1\", \"rationale_summary\": \"reproduce the issue\"}"));
    }

    static Reply fixRemove() {
        return Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"stock.py\", \"edit_type\": \"replace\","
                + " \"locator\": {\"line_range\": {\"start\": 18, \"end\": 18}}, \"patch\": \"        left ="
                + " self._units.get(code, 0) - units\\n        if left < 0:\\n            raise ValueError(\\\"only"
                + " %d units of %s in stock\\\" % (self._units.get(code, 0), code))\", \"rationale_summary\":"
                + " \"refuse to remove more than is on hand\"}"));
    }

    @Test
    void reproducesTheIssueWithANewTestThenFixesIt() throws Exception {
        Cli.exampleRepo("python-stock", repo);
        JsonNode json;
        try (var server = ScriptedModelServer.openAi()) {
            // like many models, it goes for the code first: refused until a test reproduces the issue
            server.enqueue(fixRemove(), addReproducingTest(), AgentScripts.runTests(), fixRemove(),
                    AgentScripts.runTests(),
                    Reply.toolCalls(Reply.call("submit", "{\"summary\": \"refuse to remove more than is on hand\"}")));
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl(), "--issue", ISSUE);
            assertThat(r.exitCode()).as(r.err()).isZero();
            json = JSON.readTree(r.out());
            String first = server.requests().get(0).toString();
            assertThat(first).contains("reproduces the issue", "test_stock.py");
            assertThat(server.requests().get(1).toString()).contains("not yet: first reproduce the issue");
            // after the test was added, run_tests told the model its new test fails on the base commit
            String afterTest = server.requests().get(3).toString();
            assertThat(afterTest).contains("test_removing_more_than_on_hand_raises: FAILED",
                    "reproduces the issue", "NOT MET");
            assertThat(server.requests().get(5).toString()).contains("Success criterion: MET");
        }
        assertThat(json.get("task_kind").asText()).isEqualTo("issue");
        JsonNode tests = json.get("tests");
        assertThat(tests.get("new").toString()).contains("test_stock.py::test_removing_more_than_on_hand_raises");
        assertThat(tests.get("fail_to_pass").toString()).contains("test_removing_more_than_on_hand_raises");
        assertThat(tests.get("pass_to_pass")).hasSize(3);
        String branch = json.get("branch").asText();
        assertThat(Cli.git(repo, "show", branch + ":test_stock.py")).contains("def test_removing_more_than_on_hand");
        String pr = Files.readString(Path.of(json.get("run_dir").asText()).resolve("pr.md"));
        assertThat(pr).contains("Task kind **issue**", "| `test_stock.py::test_removing_more_than_on_hand_raises` |"
                + " failed");
    }

    @Test
    void aChangeWhoseNewTestPassesOnTheBaseCommitIsNotDelivered() throws Exception {
        Cli.exampleRepo("python-stock", repo);
        Reply weakTest = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"test_stock.py\","
                + " \"edit_type\": \"insert\", \"locator\": {\"line_range\": {\"start\": 23, \"end\": 23}},"
                + " \"patch\": \"\\n\\ndef test_remove_some():\\n    s = Stock()\\n    s.add(\\\"E-5\\\", 3)\\n"
                + "    assert s.remove(\\\"E-5\\\", 1) == 2\", \"rationale_summary\": \"a test\"}"));
        Reply submit = Reply.toolCalls(Reply.call("submit", "{\"summary\": \"done\"}"));
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(weakTest, AgentScripts.runTests(), submit, submit);
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl(), "--issue", ISSUE);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
            assertThat(server.requests().get(2).toString()).contains("does NOT reproduce the issue");
            JsonNode json = JSON.readTree(r.out());
            assertThat(json.get("branch").isNull()).isTrue();
            assertThat(json.get("message").asText()).contains("the agent stopped");
        }
    }

    @Test
    void theSearchBrainCannotWorkOnAnIssueWithoutAFailingTest() throws Exception {
        Cli.exampleRepo("python-stock", repo);
        Cli.Result r = Cli.run(home, "fix", "--repo", repo.toString(), "--issue", ISSUE);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("needs a model", "--model").doesNotContain("Exception");
    }
}

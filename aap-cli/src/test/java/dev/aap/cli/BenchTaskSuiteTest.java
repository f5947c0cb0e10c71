package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aap bench} over task folders end to end: copies of two shipped pytest tasks, a scripted model on 127.0.0.1
 * that resolves one and only half-fixes the other, real git, real pytest in the sandbox, hidden tests for scoring.
 */
class BenchTaskSuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path suite;

    @Test
    void scoresEachRunByTheHiddenTestsTheModelNeverSaw() throws Exception {
        copyTask("py-csv-quoted-fields");
        copyTask("py-version-order");
        JsonNode json;
        List<String> requests;
        try (var server = ScriptedModelServer.openAi()) {
            // tasks run in name order: the csv task first, then the version task
            server.enqueue(commasOnly());
            server.enqueue(versionFix());
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "bench", suite.toString(), "--json",
                    "--model", "openai:gpt-4o-mini", "--base-url", server.baseUrl(), "--no-roles",
                    "--no-embeddings", "--max-steps", "8", "--budget-seconds", "120");
            assertThat(r.exitCode()).as(r.err()).isZero();
            json = JSON.readTree(r.out());
            assertThat(r.err()).contains("[1/2] py-csv-quoted-fields", "[2/2] py-version-order", "RESOLVED");
            requests = server.requests().stream().map(JsonNode::toString).toList();
            assertThat(requests).hasSize(10);
        }
        assertThat(json.get("strategy").asText()).isEqualTo("llm");
        JsonNode csv = json.get("rows").get(0);
        JsonNode version = json.get("rows").get(1);
        assertThat(csv.get("task").asText()).isEqualTo("py-csv-quoted-fields");
        // the run verified its own test, but the hidden tests also ask for doubled quotes
        assertThat(csv.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(csv.get("kind").asText()).isEqualTo("issue");
        assertThat(csv.get("resolved").asBoolean()).isFalse();
        assertThat(csv.get("fail_to_pass_passed").asInt()).isEqualTo(2);
        assertThat(csv.get("fail_to_pass_total").asInt()).isEqualTo(3);
        assertThat(csv.get("pass_to_pass_passed").asInt()).isEqualTo(7);
        assertThat(csv.get("not_passing").toString())
                .contains("test_csvline.py::test_doubled_quotes_inside_quotes_are_one_quote: failed");
        assertThat(version.get("resolved").asBoolean()).isTrue();
        assertThat(version.get("fail_to_pass_passed").asInt()).isEqualTo(3);
        assertThat(version.get("pass_to_pass_passed").asInt()).isEqualTo(6);
        assertThat(version.get("model_calls").asInt()).isEqualTo(5);
        assertThat(version.get("input_tokens").asLong()).isEqualTo(500);
        assertThat(version.get("output_tokens").asLong()).isEqualTo(100);
        assertThat(version.get("cost_usd").asDouble()).isPositive();
        JsonNode totals = json.get("totals");
        assertThat(totals.get("resolved").asInt()).isEqualTo(1);
        assertThat(totals.get("tasks").asInt()).isEqualTo(2);
        assertThat(totals.get("fail_to_pass_passed").asInt()).isEqualTo(5);
        assertThat(totals.get("fail_to_pass_total").asInt()).isEqualTo(6);
        assertThat(totals.get("pass_to_pass_rate").asDouble()).isEqualTo(1.0);
        assertThat(totals.get("model_calls").asInt()).isEqualTo(10);
        // nothing of hidden/ reached the model: neither its test names nor its data
        for (String hidden : hiddenOnlyTexts()) {
            assertThat(requests).noneMatch(body -> body.contains(hidden));
        }
        assertThat(requests.get(0)).contains("Smith, John");
    }

    @Test
    void issueTasksWithoutAModelAreRefusedUpFront() throws Exception {
        copyTask("py-version-order");
        Cli.Result r = Cli.run(home, Map.of("AAP_MODEL", ""), "bench", suite.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("these tasks need a model: py-version-order (issue)", "--model",
                "--strategy search").doesNotContain("Exception");
    }

    private void copyTask(String name) throws Exception {
        Path src = Path.of(System.getProperty("user.dir")).getParent().resolve("bench/tasks").resolve(name);
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path to = suite.resolve(name).resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.toString().contains("__pycache__")) {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** Test names and data that only the hidden files of the two tasks hold. */
    private List<String> hiddenOnlyTexts() throws Exception {
        var out = new ArrayList<String>(List.of("Bath, Somerset", "v0.9.12", "1.2.11"));
        for (String task : List.of("py-csv-quoted-fields", "py-version-order")) {
            JsonNode f2p = JSON.readTree(suite.resolve(task).resolve("task.json").toFile()).get("FAIL_TO_PASS");
            f2p.forEach(id -> out.add(id.asText().substring(id.asText().indexOf("::") + 2)));
        }
        assertThat(out).hasSize(9);
        return out;
    }

    /** A reproducing test, then a fix for commas inside quotes that forgets doubled quotes. */
    private static Reply[] commasOnly() {
        String test = "\n\ndef test_quoted_name_keeps_its_comma():\n"
                + "    assert split_fields('1,\"Doe, Jane\",Rome') == [\"1\", \"Doe, Jane\", \"Rome\"]";
        String fix = """
                    fields = []
                    value = ""
                    quoted = False
                    for ch in line.rstrip("\\r\\n"):
                        if ch == '"':
                            quoted = not quoted
                        elif ch == sep and not quoted:
                            fields.append(value)
                            value = ""
                        else:
                            value += ch
                    fields.append(value)
                    return fields
                """.stripTrailing();
        return new Reply[] {edit("test_csvline.py", "insert", 35, 35, test), AgentScripts.runTests(),
                edit("csvline.py", "replace", 6, 11, fix), AgentScripts.runTests(),
                submit("keep commas inside quoted fields")};
    }

    /** A reproducing test, then numbers compared as numbers. */
    private static Reply[] versionFix() {
        String test = "\n\ndef test_two_digit_minor_is_later():\n    assert is_newer(\"1.10.0\", \"1.9.4\")";
        return new Reply[] {edit("test_versions.py", "insert", 33, 33, test), AgentScripts.runTests(),
                edit("versions.py", "replace", 12, 12, "    return tuple(int(p) for p in parts)"),
                AgentScripts.runTests(), submit("compare version parts as numbers")};
    }

    private static Reply edit(String file, String type, int start, int end, String patch) {
        ObjectNode args = JSON.createObjectNode().put("file_path", file).put("edit_type", type);
        args.putObject("locator").putObject("line_range").put("start", start).put("end", end);
        args.put("patch", patch).put("rationale_summary", "work on the issue");
        return Reply.toolCalls(Reply.call("propose_edit", args.toString()));
    }

    private static Reply submit(String summary) {
        return Reply.toolCalls(Reply.call("submit", JSON.createObjectNode().put("summary", summary).toString()));
    }
}

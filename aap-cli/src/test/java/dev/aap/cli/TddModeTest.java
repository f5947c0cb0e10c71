package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test-first work end to end on Maven: a test class that uses a method not written yet, a scripted model on the
 * Anthropic wire, real Maven in the sandbox.
 */
class TddModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path repo;

    @Test
    void writesTheCodeThatTestsWrittenFirstNeed() throws Exception {
        Cli.exampleRepo("java-money", repo);
        String file = "src/main/java/com/example/money/Money.java";
        Reply addSplit = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"" + file + "\","
                + " \"edit_type\": \"replace\", \"old_text\": \"    public Money plus(Money other) {\\n        return new"
                + " Money(cents + other.cents);\\n    }\", \"patch\": \"    public Money plus(Money other) {\\n"
                + "        return new Money(cents + other.cents);\\n    }\\n\\n    public java.util.List<Money>"
                + " split(int parts) {\\n        var out = new java.util.ArrayList<Money>();\\n        for (int i = 0; i <"
                + " parts; i++) {\\n            out.add(new Money(cents / parts + (i < cents % parts ? 1 : 0)));\\n"
                + "        }\\n        return out;\\n    }\", \"rationale_summary\": \"split a bill\"}"));
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(addSplit, AgentScripts.runTests(), Reply.toolCalls(Reply.call("submit",
                    "{\"summary\": \"split an amount into parts that add up\"}")));
            Cli.Result r = Cli.run(home, Map.of("ANTHROPIC_API_KEY", "sk-ant-test"), "fix", "--repo",
                    repo.toString(), "--json", "--dry-run", "--no-roles", "--no-embeddings", "--model",
                    "anthropic:claude-sonnet-4-5", "--base-url", server.baseUrl());
            assertThat(r.exitCode()).as(r.err()).isZero();
            String first = server.requests().get(0).toString();
            assertThat(first).contains("were written first", "SplitTest.java", "cannot find symbol",
                    "givesTheRemainderToTheFirstParts");
            assertThat(server.requests().get(2).toString()).contains("Success criterion: MET");
            JsonNode json = JSON.readTree(r.out());
            assertThat(json.get("task_kind").asText()).isEqualTo("tdd");
            assertThat(json.get("tests").get("fail_to_pass").toString()).contains(
                    "com.example.money.SplitTest#splitsEvenly", "com.example.money.SplitTest#givesTheRemainderToTheFirstParts");
            assertThat(json.get("tests").get("pass_to_pass").toString()).contains("MoneyTest#addsAmounts");
        }
    }
}

package dev.aap.agent.role;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.loop.Trajectory;
import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.Models;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.event.EventLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles around the Coder survive a prompt refused as too long: they cut their input and ask once more. */
class RoleContextTest {

    static final ModelSettings FAST = new ModelSettings(Duration.ofSeconds(5), 0, Duration.ZERO,
            Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test"), null);
    static final String ISSUE = "The last page is never reported (issue 4471).";

    @TempDir
    Path run;

    private Trajectory trajectory;
    private EventLog events;

    @BeforeEach
    void setUp() {
        trajectory = Trajectory.open(run.resolve("trajectory.jsonl"));
        events = EventLog.open("run-1", run.resolve("events.jsonl"));
    }

    @AfterEach
    void tearDown() {
        trajectory.close();
        events.close();
    }

    static String bigDiff() {
        var sb = new StringBuilder("--- a/src/Pager.java\n+++ b/src/Pager.java\n@@ -1,2000 +1,2000 @@\n");
        for (int i = 0; i < 2000; i++) {
            sb.append("-    int old").append(i).append(" = ").append(i).append(";\n+    int neu").append(i)
                    .append(" = ").append(i).append(";\n");
        }
        return sb.append("-END-OF-DIFF\n").toString();
    }

    private ModelCaller caller(ScriptedModelServer server, String model) {
        return new ModelCaller(Models.connect(List.of(server.modelSpec(model)), FAST),
                new UsageMeter(PriceTable.builtIn()), trajectory, events);
    }

    @Test
    void theCriticCutsTheDiffToFitAndAsksOnceMore() throws Exception {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.httpError(400, "prompt is too long: 210000 tokens > 200000 maximum"),
                    Reply.text("{\"verdict\": \"approve\", \"notes\": [\"fine\"]}"));
            String diff = bigDiff();

            Critic.Review review = new Critic(caller(server, "claude-sonnet-4-5")).review(ISSUE, diff, "all pass");

            assertThat(review.verdict()).isEqualTo("approve");
            assertThat(review.notes()).containsExactly("fine");
            List<JsonNode> sent = server.requests();
            assertThat(sent).hasSize(2);
            String first = sent.get(0).at("/messages/0/content/0/text").asText();
            String second = sent.get(1).at("/messages/0/content/0/text").asText();
            assertThat(second.length()).isLessThan(first.length());
            assertThat(second).startsWith("Issue text:").contains("issue 4471")
                    .contains("characters cut to fit the model's context").contains("Tests after the change:");
            assertThat(Files.readString(run.resolve("trajectory.jsonl")))
                    .contains("\"kind\":\"context_condensed\",\"role\":\"critic\"");
        }
    }

    @Test
    void aRoleRefusedTwiceGivesNoAnswerInsteadOfEndingTheRun() {
        try (var server = ScriptedModelServer.openAi()) {
            server.otherwise(r -> Reply.rawError(400, """
                    {"error": {"message": "This model's maximum context length is 8192 tokens. However, your \
                    messages resulted in 12000 tokens.", "type": "invalid_request_error", "param": "messages", \
                    "code": "context_length_exceeded"}}"""));

            List<String> plan = new Planner(caller(server, "qwen-coder")).plan(ISSUE, List.of("it passes"), bigDiff());

            assertThat(plan).isEmpty();
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests().get(1).toString().length())
                    .isLessThan(server.requests().get(0).toString().length());
        }
    }
}

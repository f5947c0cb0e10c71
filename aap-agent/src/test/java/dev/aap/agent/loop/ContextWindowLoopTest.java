package dev.aap.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.DemoPager;
import dev.aap.agent.TestGit;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelSettings;
import dev.aap.agent.model.Models;
import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import dev.aap.agent.tool.ToolBox;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.event.EventLog;
import dev.aap.core.policy.Policy;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Coder's loop within the model's context window: condensing, refusals as too long, and giving up. */
class ContextWindowLoopTest {

    static final String SYSTEM = "You fix bugs.";
    static final String TASK = "Make PagerTest pass: the last page is never reported (task text 7f3a).";
    static final int BIG_FILES = 10;
    static final ObjectMapper JSON = new ObjectMapper();
    static final ModelSettings FAST = new ModelSettings(Duration.ofSeconds(5), 0, Duration.ZERO,
            Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test"), null);

    @TempDir
    Path project;

    @TempDir
    Path run;

    private CodeIndex index;
    private Trajectory trajectory;
    private EventLog events;

    @BeforeEach
    void setUp() throws IOException {
        TestGit.init(project);
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.writeString(project.resolve(DemoPager.FILE), DemoPager.TEXT);
        for (int f = 0; f < BIG_FILES; f++) {
            var text = new StringBuilder("package demo;\n\nclass Big" + f + " {\n");
            for (int line = 0; line < 100; line++) {
                text.append("    static final String F").append(line).append(" = \"value ").append(line)
                        .append(" of a long generated table, kept for the test\";\n");
            }
            Files.writeString(project.resolve("src/main/java/demo/Big" + f + ".java"), text.append("}\n"));
        }
        TestGit.commitAll(project);
        index = CodeIndex.open(run.resolve("index"), project, false);
        index.update();
        trajectory = Trajectory.open(run.resolve("trajectory.jsonl"));
        events = EventLog.open("run-1", run.resolve("events.jsonl"));
    }

    @AfterEach
    void tearDown() {
        trajectory.close();
        events.close();
        index.close();
    }

    static String view(int f) {
        return "{\"path\": \"src/main/java/demo/Big" + f + ".java\"}";
    }

    private ToolBox.TestSummary tests(List<String> selection) {
        try {
            boolean fixed = Files.readString(project.resolve(DemoPager.FILE)).contains("(page + 1) * size <= total");
            return new ToolBox.TestSummary(fixed ? "PASSED: all 3 tests pass." : AgentLoopTest.RED, fixed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private AgentLoop.Result run(ModelGateway gateway, String task) {
        var files = new ProjectFiles(project, rel -> TestGit.run(project, "add", "-N", rel));
        var applier = new EditApplier(files, Policy.defaults(), () -> TestGit.changedLines(project), 1000);
        var tools = new ToolBox(files, index, applier, out -> { }, this::tests);
        var caller = new ModelCaller(gateway, new UsageMeter(PriceTable.builtIn()), trajectory, events);
        var limits = new Limits(30, 10_000_000, 1_000_000, 10.0, Instant.now().plusSeconds(600), 1000, 4);
        var loop = new AgentLoop(caller, tools, limits, events, () -> TestGit.run(project, "diff", "HEAD"),
                this::tests);
        return loop.run(SYSTEM, task);
    }

    private List<JsonNode> trajectory(String kind) throws IOException {
        var out = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(run.resolve("trajectory.jsonl"))) {
            JsonNode n = JSON.readTree(line);
            if (n.get("kind").asText().equals(kind)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Ten big files viewed one after another, then the fix, the tests and the submit. */
    private ScriptedGateway longSession(int window) {
        var gateway = new ScriptedGateway();
        gateway.contextTokens = window;
        for (int f = 0; f < BIG_FILES; f++) {
            gateway.turn("view_file", view(f));
        }
        return gateway.turn("propose_edit", AgentLoopTest.FIX).turn("run_tests", "{}")
                .turn("submit", "{\"summary\": \"fix the last page\"}");
    }

    @Test
    void aLongSessionStaysWithinTheWindowAndEveryRequestCarriesTheTask() throws IOException {
        ScriptedGateway gateway = longSession(12_000);

        AgentLoop.Result r = run(gateway, TASK);

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isTrue();
        assertThat(gateway.requests).hasSize(BIG_FILES + 3);
        for (ChatRequest request : gateway.requests) {
            assertThat(TokenEstimator.raw(request.messages(), request.toolSpecifications())).isLessThanOrEqualTo(12_000);
            assertThat(request.messages().get(0)).isEqualTo(SystemMessage.from(SYSTEM));
            assertThat(request.messages().get(1)).isEqualTo(UserMessage.from(TASK));
        }
        List<String> last = gateway.toolResultsIn(BIG_FILES + 2);
        assertThat(last.subList(0, 4)).allSatisfy(t -> assertThat(t).startsWith("[view_file src/main/java/demo/Big")
                .endsWith("condensed; call view_file again to see them)]"));
        assertThat(last.getLast()).contains("PASSED"); // the latest observations are whole
        assertThat(trajectory("context_condensed")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.get("reason").asText()).isEqualTo("window"));
        // the trajectory keeps every observation whole, and they were far more than one request could carry
        List<JsonNode> views = trajectory("tool_call").stream()
                .filter(n -> n.get("tool").asText().equals("view_file")).toList();
        assertThat(views).hasSize(BIG_FILES).allSatisfy(n -> assertThat(n.get("observation").asText())
                .contains("F96 = \"value 96 of a long generated table"));
        long observedTokens = views.stream().mapToLong(n -> n.get("observation").asText().length()).sum() * 2 / 7;
        assertThat(observedTokens).isGreaterThan(2 * 12_000);
    }

    @Test
    void aMessageOnceCondensedIsSentTheSameWayInEveryLaterRequest() {
        ScriptedGateway gateway = longSession(12_000);

        run(gateway, TASK);

        int longest = gateway.requests.getLast().messages().size();
        int condensedSeen = 0;
        for (int i = 0; i < longest; i++) {
            String first = null;
            String condensed = null;
            for (ChatRequest request : gateway.requests) {
                if (i >= request.messages().size()) {
                    continue;
                }
                ChatMessage m = request.messages().get(i);
                String bytes = ChatMessageSerializer.messageToJson(m);
                if (first == null) {
                    first = bytes;
                } else if (condensed == null && !bytes.equals(first)) {
                    condensed = bytes; // it changed once: from whole to condensed
                    condensedSeen++;
                } else if (condensed != null) {
                    assertThat(bytes).as("message %d after it was condensed", i).isEqualTo(condensed);
                }
                if (condensed == null) {
                    assertThat(bytes).as("message %d before it was condensed", i).isEqualTo(first);
                }
            }
        }
        assertThat(condensedSeen).isGreaterThanOrEqualTo(BIG_FILES - 4);
    }

    @Test
    void givesUpWithATypedStopWhenEvenTheTaskDoesNotFit() throws IOException {
        var gateway = new ScriptedGateway();
        gateway.contextTokens = 2048;
        gateway.turn("view_file", view(0));

        AgentLoop.Result r = run(gateway, TASK + "\n" + "x".repeat(20_000));

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.CONTEXT_TOO_LONG);
        assertThat(r.stop().reason()).contains("do not fit the model's context window of 2048 tokens");
        assertThat(r.green()).isFalse();
        assertThat(gateway.requests).isEmpty();
        assertThat(trajectory("exit")).singleElement()
                .satisfies(n -> assertThat(n.get("stop").asText()).isEqualTo("CONTEXT_TOO_LONG"));
    }

    @Test
    void givesUpWithATypedStopWhenTheModelRefusesAndNothingIsLeftToCut() throws IOException {
        var gateway = new ScriptedGateway();
        gateway.turn("view_file", view(0)).refuse(-1, -1).refuse(-1, -1).refuse(-1, -1);

        AgentLoop.Result r = run(gateway, TASK);

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.CONTEXT_TOO_LONG);
        assertThat(r.steps()).isEqualTo(2);
        assertThat(gateway.requests).hasSize(2); // system, task and the one observation: no smaller request exists
        assertThat(trajectory("context_condensed")).singleElement().satisfies(n -> {
            assertThat(n.get("reason").asText()).isEqualTo("refused");
            assertThat(n.get("limit_tokens").asInt()).isEqualTo(-1);
        });
        assertThat(trajectory("model_error")).singleElement()
                .satisfies(n -> assertThat(n.get("error").asText()).isEqualTo("context_too_long"));
    }

    @Test
    void aRefusalWithoutAStatedWindowHalvesTheRequestAndTheLoopGoesOn() {
        var gateway = new ScriptedGateway();
        for (int f = 0; f < 3; f++) {
            gateway.turn("view_file", view(f));
        }
        gateway.refuse(-1, -1).turn("propose_edit", AgentLoopTest.FIX).turn("submit", "{\"summary\": \"fix\"}");

        AgentLoop.Result r = run(gateway, TASK);

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isTrue();
        ChatRequest refused = gateway.requests.get(3);
        ChatRequest retried = gateway.requests.get(4);
        long refusedSize = TokenEstimator.raw(refused.messages(), refused.toolSpecifications());
        assertThat(TokenEstimator.raw(retried.messages(), retried.toolSpecifications()))
                .isLessThanOrEqualTo(refusedSize / 2 + 50);
        assertThat(retried.messages().get(1)).isEqualTo(UserMessage.from(TASK));
    }

    static final String OPENAI_TOO_LONG = """
            {"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages \
            resulted in 130000 tokens. Please reduce the length of the messages.", "type": "invalid_request_error", \
            "param": "messages", "code": "context_length_exceeded"}}""";

    /** Two views, a refusal of the third request, then the fix; over real HTTP. */
    private void refusedThirdCallThenAccepted(ScriptedModelServer server, Reply refusal, String model)
            throws IOException {
        server.enqueue(Reply.toolCalls(Reply.call("view_file", view(0))), Reply.toolCalls(Reply.call("view_file",
                        view(1))), refusal, Reply.toolCalls(Reply.call("propose_edit", AgentLoopTest.FIX)),
                Reply.toolCalls(Reply.call("run_tests", "{}")),
                Reply.toolCalls(Reply.call("submit", "{\"summary\": \"fix the last page\"}")));

        AgentLoop.Result r = run(Models.connect(List.of(server.modelSpec(model)), FAST), TASK);

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isTrue();
        List<JsonNode> sent = server.requests();
        assertThat(sent).hasSize(6);
        assertThat(sent.get(3).toString().length()).isLessThan(sent.get(2).toString().length() - 2000);
        assertThat(sent).allSatisfy(body -> assertThat(body.toString()).contains("task text 7f3a"));
        assertThat(trajectory("context_condensed")).filteredOn(n -> n.get("reason").asText().equals("refused"))
                .singleElement().satisfies(n -> {
                    assertThat(n.get("step").asInt()).isEqualTo(3);
                    assertThat(n.get("to_tokens").asInt()).isLessThan(n.get("from_tokens").asInt());
                });
    }

    @Test
    void openAiContextLengthExceededIsCondensedAwayAndTheLoopGoesOn() throws IOException {
        try (var server = ScriptedModelServer.openAi()) {
            refusedThirdCallThenAccepted(server, Reply.rawError(400, OPENAI_TOO_LONG), "gpt-4o");

            assertThat(trajectory("context_condensed").getFirst().get("limit_tokens").asInt()).isEqualTo(128_000);
            assertThat(server.requests().get(3).has("parallel_tool_calls")).isFalse(); // a custom server
            assertThat(trajectory("model_error").getFirst().get("prompt_tokens").asInt()).isEqualTo(130_000);
        }
    }

    @Test
    void anthropicPromptTooLongIsCondensedAwayAndTheLoopGoesOn() throws IOException {
        try (var server = ScriptedModelServer.anthropic()) {
            refusedThirdCallThenAccepted(server,
                    Reply.httpError(400, "prompt is too long: 210000 tokens > 200000 maximum"), "claude-sonnet-4-5");

            assertThat(trajectory("context_condensed").getFirst().get("limit_tokens").asInt()).isEqualTo(200_000);
            JsonNode retried = server.requests().get(3);
            // the cached prefix is untouched by condensing: system prompt and task as in the first request
            assertThat(retried.at("/system")).isEqualTo(server.requests().getFirst().at("/system"));
            assertThat(retried.at("/messages/0")).isEqualTo(server.requests().getFirst().at("/messages/0"));
        }
    }

    @Test
    void condensedObservationsNameTheCallAndItsOutcome() {
        var gateway = longSession(12_000);

        run(gateway, TASK);

        List<ChatMessage> last = gateway.requests.getLast().messages();
        String first = last.stream().filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> ((ToolExecutionResultMessage) m).text()).findFirst().orElseThrow();
        assertThat(first).isEqualTo("[view_file src/main/java/demo/Big0.java: src/main/java/demo/Big0.java (104 lines),"
                + " lines 1-104: (107 lines condensed; call view_file again to see them)]");
    }
}

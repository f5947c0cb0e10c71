package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generation settings each provider gets, as the scripted server receives them over real HTTP. */
class GenerationSettingsWireTest {

    static final ModelSettings FAST = ProviderRoundTripTest.FAST;

    static ChatRequest request(boolean withTools) {
        ChatRequest.Builder b = ChatRequest.builder()
                .messages(SystemMessage.from("You fix bugs."), UserMessage.from("Fix the off-by-one."))
                .maxOutputTokens(512);
        return withTools ? b.toolSpecifications(ProviderRoundTripTest.VIEW_FILE).build() : b.build();
    }

    /** What api.openai.com would receive: the request adapted for the official server, sent to the scripted one. */
    static JsonNode sentToOfficialOpenAi(String model, ChatRequest request) {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.text("ok"));
            ChatRequest adapted = ProviderClients.adapt(ModelSpec.parseChain("openai:" + model, null).getFirst(),
                    request);
            ProviderClients.chatModel(server.modelSpec(model), FAST).chat(adapted);
            return server.requests().getFirst();
        }
    }

    static ChatRequest atTemperatureZero(boolean withTools) {
        return request(withTools).toBuilder().temperature(0.0).build();
    }

    @Test
    void everyProviderGetsTemperatureZeroByDefault() {
        try (var openAi = ScriptedModelServer.openAi(); var anthropic = ScriptedModelServer.anthropic();
             var ollama = ScriptedModelServer.ollama()) {
            for (var server : List.of(openAi, anthropic, ollama)) {
                server.otherwise(r -> Reply.text("ok"));
            }

            Models.connect(List.of(openAi.modelSpec("qwen-coder")), FAST).chat(request(true));
            Models.connect(List.of(anthropic.modelSpec("claude-sonnet-4-5")), FAST).chat(request(true));
            Models.connect(List.of(ollama.modelSpec("qwen2.5-coder:7b")), FAST).chat(request(true));

            assertThat(openAi.requests().getFirst().path("temperature").isNumber()).isTrue();
            assertThat(openAi.requests().getFirst().path("temperature").asDouble()).isZero();
            assertThat(anthropic.requests().getFirst().path("temperature").isNumber()).isTrue();
            assertThat(anthropic.requests().getFirst().path("temperature").asDouble()).isZero();
            assertThat(ollama.requests().getFirst().at("/options/temperature").isNumber()).isTrue();
            assertThat(ollama.requests().getFirst().at("/options/temperature").asDouble()).isZero();
        }
    }

    @Test
    void theConfiguredTemperatureIsSentUnlessTheRequestNamesItsOwn() {
        try (var server = ScriptedModelServer.openAi()) {
            server.otherwise(r -> Reply.text("ok"));
            var gateway = Models.connect(List.of(server.modelSpec("qwen-coder")), FAST.withTemperature(0.7));

            gateway.chat(request(false));
            gateway.chat(request(false).toBuilder().temperature(0.2).build());

            assertThat(gateway.temperature()).isEqualTo(0.7);
            assertThat(server.requests()).extracting(n -> n.path("temperature").asDouble()).containsExactly(0.7, 0.2);
        }
    }

    @Test
    void apiOpenAiComGetsParallelToolCallsOffWhenToolsAreOffered() {
        JsonNode sent = sentToOfficialOpenAi("gpt-4o", atTemperatureZero(true));

        assertThat(sent.path("parallel_tool_calls").isBoolean()).isTrue();
        assertThat(sent.path("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(sent.path("temperature").asDouble(-1)).isZero();
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(512);
        assertThat(sent.path("tools")).hasSize(1);
    }

    @Test
    void apiOpenAiComGetsNoParallelToolCallsFieldWithoutTools() {
        JsonNode sent = sentToOfficialOpenAi("gpt-4o-mini", atTemperatureZero(false));

        assertThat(sent.has("parallel_tool_calls")).isFalse();
        assertThat(sent.has("tools")).isFalse();
        assertThat(sent.path("temperature").asDouble(-1)).isZero();
    }

    @Test
    void openAiReasoningModelsGetNoTemperatureWhichTheyRefuse() {
        JsonNode gpt5 = sentToOfficialOpenAi("gpt-5-mini", atTemperatureZero(true));
        JsonNode o4 = sentToOfficialOpenAi("o4-mini", atTemperatureZero(false));

        assertThat(gpt5.has("temperature")).isFalse();
        assertThat(gpt5.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(o4.has("temperature")).isFalse();
    }

    @Test
    void aCustomOpenAiCompatibleServerGetsNoFieldsItMayNotKnow() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.text("ok"));

            Models.connect(List.of(server.modelSpec("qwen-coder")), FAST).chat(request(true));

            JsonNode sent = server.requests().getFirst();
            assertThat(sent.has("parallel_tool_calls")).isFalse();
            assertThat(sent.has("max_completion_tokens")).isFalse();
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(512);
        }
    }

    @Test
    void anthropicCachesSystemPromptToolsAndTheTaskAndAsksForOneToolCallPerTurn() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.otherwise(r -> Reply.text("ok"));
            var call = ToolExecutionRequest.builder().id("toolu_1").name("view_file")
                    .arguments("{\"path\":\"A.java\"}").build();
            ChatRequest conversation = ChatRequest.builder()
                    .messages(SystemMessage.from("You fix bugs."), UserMessage.from("Fix the off-by-one."),
                            AiMessage.from(call), ToolExecutionResultMessage.from(call, "class A {}"),
                            UserMessage.from("Please continue by calling a tool."))
                    .toolSpecifications(ProviderRoundTripTest.VIEW_FILE)
                    .maxOutputTokens(512)
                    .build();

            Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), FAST).chat(conversation);

            JsonNode sent = server.requests().getFirst();
            assertThat(sent.at("/system/0/cache_control/type").asText()).isEqualTo("ephemeral");
            assertThat(sent.at("/tools/0/cache_control/type").asText()).isEqualTo("ephemeral");
            JsonNode task = sent.at("/messages/0/content/0");
            assertThat(task.path("text").asText()).isEqualTo("Fix the off-by-one.");
            assertThat(task.at("/cache_control/type").asText()).isEqualTo("ephemeral");
            assertThat(sent.toString().split("\"cache_control\"", -1)).hasSize(4); // three breakpoints, no more
            assertThat(sent.at("/tool_choice/type").asText()).isEqualTo("auto");
            assertThat(sent.at("/tool_choice/disable_parallel_tool_use").asBoolean()).isTrue();
        }
    }

    @Test
    void anthropicGetsATemperatureOfAtMostOne() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.text("ok"));

            Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), FAST.withTemperature(1.5))
                    .chat(request(false));

            assertThat(server.requests().getFirst().path("temperature").asDouble()).isEqualTo(1.0);
        }
    }

    @Test
    void anthropicRequestsWithoutToolsCarryNoToolChoice() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.text("ok"));

            Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), FAST).chat(request(false));

            JsonNode sent = server.requests().getFirst();
            assertThat(sent.has("tool_choice")).isFalse();
            assertThat(sent.at("/messages/0/content/0/cache_control/type").asText()).isEqualTo("ephemeral");
        }
    }

    @Test
    void everyOllamaRequestCarriesTheContextWindowAsNumCtx() {
        try (var server = ScriptedModelServer.ollama()) {
            server.otherwise(r -> Reply.text("ok"));

            Models.connect(List.of(server.modelSpec("qwen2.5-coder:7b")), FAST).chat(request(true));
            var configured = Models.connect(List.of(server.modelSpec("qwen2.5-coder:7b")),
                    FAST.withContextTokens(32_768));
            configured.chat(request(false));
            configured.chat(request(true));

            assertThat(server.requests()).extracting(n -> n.at("/options/num_ctx").asInt())
                    .containsExactly(8192, 32_768, 32_768);
            assertThat(configured.contextTokens()).isEqualTo(32_768);
        }
    }
}

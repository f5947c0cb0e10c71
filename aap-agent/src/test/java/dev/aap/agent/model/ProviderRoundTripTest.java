package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each provider over real HTTP: what LangChain4j sends and how our scripted answers come back. */
class ProviderRoundTripTest {

    static final ToolSpecification VIEW_FILE = ToolSpecification.builder()
            .name("view_file")
            .description("Shows a file of the workspace.")
            .parameters(JsonObjectSchema.builder().addStringProperty("path", "relative path").required("path").build())
            .build();

    static final ModelSettings FAST = new ModelSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(10),
            Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test"), AttemptListener.NONE);

    static ChatRequest request(boolean withTools) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(SystemMessage.from("You fix bugs."), UserMessage.from("Fix the off-by-one."))
                .maxOutputTokens(512);
        return withTools ? builder.toolSpecifications(VIEW_FILE).build() : builder.build();
    }

    @Test
    void openAiAnswersTextWithUsageAndReceivesTheMessages() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.text("All fixed.").withUsage(321, 45));

            ModelReply reply = Models.connect(List.of(server.modelSpec("gpt-4o-mini")), FAST).chat(request(false));

            assertThat(reply.message().text()).isEqualTo("All fixed.");
            assertThat(reply).extracting(ModelReply::model, ModelReply::inputTokens, ModelReply::outputTokens,
                    ModelReply::attempts, ModelReply::cached).containsExactly("openai:gpt-4o-mini", 321, 45, 1, false);
            JsonNode sent = server.requests().getFirst();
            assertThat(sent.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Fix the off-by-one.");
            assertThat(sent.has("tools")).isFalse();
            assertThat(server.requestHeaders().getFirst()).containsEntry("authorization", "Bearer sk-test");
        }
    }

    @Test
    void openAiSendsToolsAsFunctionsAndReturnsToolCallsWithStringArguments() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.toolCalls(Reply.call("view_file", "{\"path\":\"src/Main.java\"}")));

            ModelReply reply = Models.connect(List.of(server.modelSpec("gpt-4o-mini")), FAST).chat(request(true));

            ToolExecutionRequest call = reply.message().toolExecutionRequests().getFirst();
            assertThat(call.name()).isEqualTo("view_file");
            assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"path\":\"src/Main.java\"}");
            JsonNode tool = server.requests().getFirst().path("tools").get(0);
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("name").asText()).isEqualTo("view_file");
            assertThat(tool.path("function").path("parameters").path("required").get(0).asText()).isEqualTo("path");
        }
    }

    @Test
    void anthropicAnswersTextAndSendsKeyAndVersionHeaders() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.text("Done.").withUsage(200, 30));

            ModelReply reply = Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), FAST)
                    .chat(request(false));

            assertThat(reply.message().text()).isEqualTo("Done.");
            assertThat(reply).extracting(ModelReply::model, ModelReply::inputTokens, ModelReply::outputTokens)
                    .containsExactly("anthropic:claude-sonnet-4-5", 200, 30);
            JsonNode sent = server.requests().getFirst();
            assertThat(sent.path("system").toString()).contains("You fix bugs.");
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(512);
            assertThat(server.requestHeaders().getFirst())
                    .containsEntry("x-api-key", "ak-test")
                    .containsKey("anthropic-version");
        }
    }

    @Test
    void anthropicSendsToolsWithInputSchemaAndReturnsToolUseAsToolCall() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.toolCalls(Reply.call("view_file", "{\"path\":\"a.py\"}")));

            ModelReply reply = Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), FAST)
                    .chat(request(true));

            ToolExecutionRequest call = reply.message().toolExecutionRequests().getFirst();
            assertThat(call.name()).isEqualTo("view_file");
            assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"path\":\"a.py\"}");
            JsonNode tool = server.requests().getFirst().path("tools").get(0);
            assertThat(tool.path("name").asText()).isEqualTo("view_file");
            assertThat(tool.path("input_schema").path("properties").has("path")).isTrue();
        }
    }

    @Test
    void ollamaAnswersTextWithEvalCountsAsUsage() {
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(Reply.text("Looks right.").withUsage(77, 11));

            ModelReply reply = Models.connect(List.of(server.modelSpec("qwen2.5-coder:7b")), FAST)
                    .chat(request(false));

            assertThat(reply.message().text()).isEqualTo("Looks right.");
            assertThat(reply).extracting(ModelReply::model, ModelReply::inputTokens, ModelReply::outputTokens)
                    .containsExactly("ollama:qwen2.5-coder:7b", 77, 11);
            JsonNode sent = server.requests().getFirst();
            assertThat(sent.path("model").asText()).isEqualTo("qwen2.5-coder:7b");
            assertThat(sent.path("stream").asBoolean(true)).isFalse();
        }
    }

    @Test
    void ollamaSendsToolsAsFunctionsAndReturnsToolCallsWithObjectArguments() {
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(Reply.toolCalls(Reply.call("view_file", "{\"path\":\"b.py\"}")));

            ModelReply reply = Models.connect(List.of(server.modelSpec("qwen2.5-coder:7b")), FAST)
                    .chat(request(true));

            ToolExecutionRequest call = reply.message().toolExecutionRequests().getFirst();
            assertThat(call.name()).isEqualTo("view_file");
            assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"path\":\"b.py\"}");
            JsonNode tool = server.requests().getFirst().path("tools").get(0);
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("name").asText()).isEqualTo("view_file");
        }
    }
}

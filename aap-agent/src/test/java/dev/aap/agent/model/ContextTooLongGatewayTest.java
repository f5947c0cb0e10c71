package dev.aap.agent.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A prompt refused as too long comes out typed, at once: no retry, no fallback; over real HTTP. */
class ContextTooLongGatewayTest {

    static final String OPENAI_BODY = """
            {"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages \
            resulted in 130000 tokens. Please reduce the length of the messages.", "type": "invalid_request_error", \
            "param": "messages", "code": "context_length_exceeded"}}""";

    final List<String> attempts = new CopyOnWriteArrayList<>();
    final ModelSettings settings = ProviderRoundTripTest.FAST.withListener(
            (model, attempt, outcome, millis) -> attempts.add(model + " #" + attempt + " " + outcome));

    @Test
    void openAiContextLengthExceededIsTypedWithItsNumbersAndNotRetried() {
        try (var server = ScriptedModelServer.openAi()) {
            server.otherwise(r -> Reply.rawError(400, OPENAI_BODY));

            var gateway = Models.connect(List.of(server.modelSpec("gpt-4o")), settings);

            assertThatThrownBy(() -> gateway.chat(GatewayFailureTest.HELLO))
                    .isInstanceOfSatisfying(ContextTooLongException.class, e -> {
                        assertThat(e.model()).isEqualTo("openai:gpt-4o");
                        assertThat(e.limitTokens()).isEqualTo(128_000);
                        assertThat(e.promptTokens()).isEqualTo(130_000);
                        assertThat(e.getMessage()).contains("maximum context length is 128000 tokens");
                    });
            assertThat(server.requests()).hasSize(1);
            assertThat(attempts).singleElement().asString().contains("context too long (HTTP 400");
        }
    }

    @Test
    void anthropicPromptTooLongDoesNotFallBackToTheNextModel() {
        try (var first = ScriptedModelServer.anthropic(); var second = ScriptedModelServer.ollama()) {
            first.enqueue(Reply.httpError(400, "prompt is too long: 210000 tokens > 200000 maximum"));
            second.otherwise(r -> Reply.text("should not be asked"));

            var gateway = Models.connect(List.of(first.modelSpec("claude-sonnet-4-5"),
                    second.modelSpec("qwen2.5-coder:7b")), settings);

            assertThatThrownBy(() -> gateway.chat(GatewayFailureTest.HELLO))
                    .isInstanceOfSatisfying(ContextTooLongException.class, e -> {
                        assertThat(e.limitTokens()).isEqualTo(200_000);
                        assertThat(e.promptTokens()).isEqualTo(210_000);
                    });
            assertThat(second.requests()).isEmpty();
        }
    }

    @Test
    void ollamaContextErrorWithoutNumbersIsTypedToo() {
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(Reply.httpError(400, "the input length exceeds the context length"));

            var gateway = Models.connect(List.of(server.modelSpec("llama3")), settings);

            assertThatThrownBy(() -> gateway.chat(GatewayFailureTest.HELLO))
                    .isInstanceOfSatisfying(ContextTooLongException.class, e -> {
                        assertThat(e.limitTokens()).isEqualTo(-1);
                        assertThat(e.promptTokens()).isEqualTo(-1);
                    });
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void theChainsWindowIsItsSmallestModelsWindow() {
        var chain = ModelSpec.parseChain("anthropic:claude-sonnet-4-5,ollama:qwen2.5-coder:7b", null);

        assertThat(Models.connect(chain, settings).contextTokens()).isEqualTo(8192);
        assertThat(Models.connect(chain, settings.withContextTokens(65_536)).contextTokens()).isEqualTo(65_536);
    }
}

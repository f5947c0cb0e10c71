package dev.aap.agent.model;

import dev.aap.core.BadInputException;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MissingKeyTest {

    final ModelSettings noKeys = new ModelSettings(Duration.ofSeconds(5), 0, Duration.ZERO, Map.of(), null);

    @Test
    void openAiWithoutKeyOrBaseUrlAsksForTheKeyOrALocalServer() {
        assertThatThrownBy(() -> Models.connect(ModelSpec.parseChain("openai:gpt-4o-mini", null), noKeys))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("set OPENAI_API_KEY")
                .hasMessageContaining("--base-url");
    }

    @Test
    void anthropicWithoutKeyOrBaseUrlAsksForTheKey() {
        assertThatThrownBy(() -> Models.connect(ModelSpec.parseChain("anthropic:claude-sonnet-4-5", null), noKeys))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("set ANTHROPIC_API_KEY");
    }

    @Test
    void aFallbackModelMissingItsKeyFailsBeforeAnyRequest() {
        assertThatThrownBy(() -> Models.connect(
                ModelSpec.parseChain("ollama:qwen2.5-coder:7b,anthropic:claude-sonnet-4-5", null), noKeys))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void aLocalOpenAiCompatibleServerGetsADummyKey() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.text("hi"));

            var gateway = Models.connect(ModelSpec.parseChain("openai:qwen-coder", server.baseUrl()), noKeys);
            ModelReply reply = gateway.chat(ChatRequest.builder().messages(UserMessage.from("hello")).build());

            assertThat(reply.message().text()).isEqualTo("hi");
            assertThat(server.requestHeaders().getFirst().get("authorization")).startsWith("Bearer ");
            assertThat(gateway.describe()).isEqualTo("openai:qwen-coder");
        }
    }

    @Test
    void ollamaNeedsNoKey() {
        var gateway = Models.connect(List.of(new ModelSpec(ModelSpec.Provider.OLLAMA, "llama3", null)), noKeys);

        assertThat(gateway.describe()).isEqualTo("ollama:llama3");
    }
}

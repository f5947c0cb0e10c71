package dev.aap.agent.model;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderClientsTest {

    static final ChatRequest REQUEST = ChatRequest.builder()
            .messages(UserMessage.from("hi"))
            .toolSpecifications(ProviderRoundTripTest.VIEW_FILE)
            .maxOutputTokens(300)
            .temperature(0.1)
            .build();

    @Test
    void asksApiOpenAiComForMaxCompletionTokensKeepingToolsAndTemperature() {
        ChatRequest adapted = ProviderClients.adapt(ModelSpec.parseChain("openai:gpt-4.1-mini", null).getFirst(),
                REQUEST);

        var parameters = (OpenAiChatRequestParameters) adapted.parameters();
        assertThat(parameters.maxCompletionTokens()).isEqualTo(300);
        assertThat(parameters.maxOutputTokens()).isNull();
        assertThat(parameters.temperature()).isEqualTo(0.1);
        assertThat(parameters.toolSpecifications()).containsExactly(ProviderRoundTripTest.VIEW_FILE);
        assertThat(parameters.parallelToolCalls()).isFalse();
        assertThat(adapted.messages()).isEqualTo(REQUEST.messages());
    }

    @Test
    void reasoningModelsAreTheOSeriesAndGpt5() {
        assertThat(List.of("o1", "o3-mini", "o4-mini", "gpt-5", "gpt-5-mini")).allMatch(ProviderClients::reasoningModel);
        assertThat(List.of("gpt-4o", "gpt-4.1-mini", "gpt-5-chat-latest", "omni-coder"))
                .noneMatch(ProviderClients::reasoningModel);
    }

    @Test
    void theOpenAiClientSendsMaxCompletionTokensFromTheAdaptedRequest() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.text("ok"));
            ChatRequest adapted = ProviderClients.adapt(ModelSpec.parseChain("openai:gpt-5-mini", null).getFirst(),
                    REQUEST);

            ProviderClients.chatModel(server.modelSpec("gpt-5-mini"), ProviderRoundTripTest.FAST).chat(adapted);

            var sent = server.requests().getFirst();
            assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(300);
            assertThat(sent.has("max_tokens")).isFalse();
            assertThat(sent.path("tools")).hasSize(1);
        }
    }

    @Test
    void leavesMaxTokensForLocalOpenAiCompatibleServersAndOtherProviders() {
        assertThat(ProviderClients.adapt(ModelSpec.parseChain("openai:qwen", "http://localhost:8000/v1").getFirst(),
                REQUEST)).isSameAs(REQUEST);
        assertThat(ProviderClients.adapt(ModelSpec.parseChain("ollama:qwen", null).getFirst(), REQUEST))
                .isSameAs(REQUEST);
    }
}

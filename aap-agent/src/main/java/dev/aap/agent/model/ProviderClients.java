package dev.aap.agent.model;

import dev.aap.core.BadInputException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import java.net.http.HttpClient;

/**
 * Builds one LangChain4j low-level {@link ChatModel} per {@link ModelSpec}: its own retries off (the gateway
 * retries), request and response logging off (prompts hold the user's code), HTTP/1.1 (local servers such as uvicorn
 * mishandle the JDK client's h2c upgrade).
 */
final class ProviderClients {

    /** Sent when a local OpenAI- or Anthropic-compatible server needs no key; vLLM, llama.cpp and LM Studio ignore it. */
    static final String DUMMY_KEY = "aap-no-key";

    private ProviderClients() {
    }

    static ChatModel chatModel(ModelSpec spec, ModelSettings settings) {
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http(settings))
                    .baseUrl(spec.baseUrl())
                    .apiKey(key(spec, settings))
                    .modelName(spec.name())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http(settings))
                    .baseUrl(spec.baseUrl())
                    .apiKey(key(spec, settings))
                    .modelName(spec.name())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .maxRetries(0)
                    .httpClientBuilder(http(settings))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.name())
                    .timeout(settings.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /**
     * {@code request} as {@code spec}'s server wants it: api.openai.com gets {@code max_completion_tokens}, which its
     * reasoning models require and all its chat models accept; local OpenAI-compatible servers keep
     * {@code max_tokens}, which older ones only know.
     */
    static ChatRequest adapt(ModelSpec spec, ChatRequest request) {
        if (spec.provider() != ModelSpec.Provider.OPENAI || spec.customBaseUrl() || request.maxOutputTokens() == null) {
            return request;
        }
        OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
                .temperature(request.temperature())
                .maxCompletionTokens(request.maxOutputTokens());
        if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
            parameters.toolSpecifications(request.toolSpecifications());
        }
        return ChatRequest.builder().messages(request.messages()).parameters(parameters.build()).build();
    }

    /**
     * The key for {@code spec}: from the settings' environment; a dummy for a custom server; otherwise the user must
     * set one.
     */
    static String key(ModelSpec spec, ModelSettings settings) {
        String variable = spec.provider().keyVariable();
        String key = settings.key(variable);
        if (key != null) {
            return key;
        }
        if (variable == null || spec.customBaseUrl()) {
            return DUMMY_KEY;
        }
        throw new BadInputException(switch (spec.provider()) {
            case OPENAI -> "set OPENAI_API_KEY to use " + spec.id() + ", or pass --base-url for a local "
                    + "OpenAI-compatible server (vLLM, llama.cpp, LM Studio), e.g. --base-url http://localhost:8000/v1";
            case ANTHROPIC -> "set ANTHROPIC_API_KEY to use " + spec.id() + ", or pass --base-url for an "
                    + "Anthropic-compatible server";
            case OLLAMA -> throw new IllegalStateException("Ollama takes no key");
        });
    }

    private static JdkHttpClientBuilder http(ModelSettings settings) {
        return JdkHttpClient.builder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout());
    }
}

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

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one LangChain4j low-level {@link ChatModel} per {@link ModelSpec}: its own retries off (the gateway
 * retries), request and response logging off (prompts hold the user's code), HTTP/1.1 (local servers such as uvicorn
 * mishandle the JDK client's h2c upgrade). Provider switches that make a run cheaper and steadier are set here:
 * Ollama's {@code num_ctx}, Anthropic's prompt caching and one tool call per turn, OpenAI's
 * {@code parallel_tool_calls: false} (the loop runs calls in order and a model that plans several at once often
 * plans the later ones on results it has not seen).
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
                    // the system prompt and the tools are the same in every request of a run: a cache breakpoint
                    // on each makes later requests read them at a tenth of the price (the task gets one in adapt)
                    .cacheSystemMessages(true)
                    .cacheTools(true)
                    // sent as tool_choice {auto, disable_parallel_tool_use}, only in requests that carry tools
                    .disableParallelToolUse(true)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .maxRetries(0)
                    .httpClientBuilder(http(settings))
                    .baseUrl(spec.baseUrl())
                    .modelName(spec.name())
                    // without it Ollama uses its small default window and silently drops the start of the prompt
                    .numCtx(settings.contextTokens(spec))
                    .timeout(settings.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /**
     * {@code request} as {@code spec}'s server wants it. api.openai.com gets {@code max_completion_tokens} (its
     * reasoning models require it and all its chat models accept it), {@code parallel_tool_calls: false} when tools
     * are offered, and no temperature for its reasoning models (o-series, gpt-5), which refuse any but their own;
     * local OpenAI-compatible servers get the request as it is, since many reject fields they do not know. Anthropic
     * gets a prompt-cache breakpoint on the first user message (the task), so the cached prefix reaches past it, and
     * a temperature of at most 1, its maximum.
     */
    static ChatRequest adapt(ModelSpec spec, ChatRequest request) {
        return switch (spec.provider()) {
            case OPENAI -> spec.customBaseUrl() ? request : forOpenAi(spec, request);
            case ANTHROPIC -> withCachedTask(request.temperature() != null && request.temperature() > 1
                    ? request.toBuilder().temperature(1.0).build() // Anthropic takes 0..1, the others 0..2
                    : request);
            case OLLAMA -> request;
        };
    }

    private static ChatRequest forOpenAi(ModelSpec spec, ChatRequest request) {
        OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
                .maxCompletionTokens(request.maxOutputTokens());
        if (!reasoningModel(spec.name())) {
            parameters.temperature(request.temperature());
        }
        if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
            parameters.toolSpecifications(request.toolSpecifications()).parallelToolCalls(false);
        }
        return ChatRequest.builder().messages(request.messages()).parameters(parameters.build()).build();
    }

    static boolean reasoningModel(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.matches("o\\d.*") || n.startsWith("gpt-5") && !n.contains("chat");
    }

    /** The request with the first user message marked as the end of the cached prefix. */
    private static ChatRequest withCachedTask(ChatRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof UserMessage task) {
                Map<String, Object> attributes = new HashMap<>(task.attributes());
                // the attribute LangChain4j's Anthropic mapper turns into cache_control on the message's content
                attributes.put("cache_control", "ephemeral");
                messages.set(i, task.toBuilder().attributes(attributes).build());
                return request.toBuilder().messages(messages).build();
            }
        }
        return request;
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

package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One provider's wire protocol as a scripted server speaks it: where it listens and how its bodies look. */
sealed interface FakeWire permits OpenAiWire, AnthropicWire, OllamaWire {

    ObjectMapper JSON = new ObjectMapper();

    /** The provider this protocol belongs to. */
    ModelSpec.Provider provider();

    /** The path the LangChain4j client posts chats to. */
    String chatPath();

    /** What to pass as {@code --base-url} for a server on {@code port}. */
    String baseUrl(int port);

    /** A 200 body for a text or tool-call answer to {@code request}. */
    ObjectNode answer(Reply reply, JsonNode request);

    /** The provider's error body for {@code status}. */
    ObjectNode error(int status, String message);

    /** Parses a scripted call's arguments; the script's author wrote them, so bad JSON is a test bug. */
    static JsonNode arguments(Reply.Call call) {
        try {
            return JSON.readTree(call.argumentsJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("scripted arguments are not JSON: " + call.argumentsJson(), e);
        }
    }
}

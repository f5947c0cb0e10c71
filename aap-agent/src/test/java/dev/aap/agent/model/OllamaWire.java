package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ollama's native chat: {@code POST /api/chat} (not streamed), tool arguments as a JSON object. */
record OllamaWire() implements FakeWire {

    @Override
    public ModelSpec.Provider provider() {
        return ModelSpec.Provider.OLLAMA;
    }

    @Override
    public String chatPath() {
        return "/api/chat";
    }

    @Override
    public String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public ObjectNode answer(Reply reply, JsonNode request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.path("model").asText()).put("created_at", "2025-01-01T00:00:00.000000Z");
        ObjectNode message = body.putObject("message").put("role", "assistant");
        Reply.Usage usage;
        switch (reply) {
            case Reply.Text text -> {
                message.put("content", text.text());
                usage = text.usage();
            }
            case Reply.ToolCalls calls -> {
                message.put("content", calls.text() == null ? "" : calls.text());
                ArrayNode toolCalls = message.putArray("tool_calls");
                for (Reply.Call call : calls.calls()) {
                    toolCalls.addObject().putObject("function").put("name", call.name())
                            .set("arguments", FakeWire.arguments(call));
                }
                usage = calls.usage();
            }
            default -> throw new IllegalArgumentException("not an answer: " + reply);
        }
        body.put("done_reason", "stop").put("done", true).put("total_duration", 1_000_000L)
                .put("prompt_eval_count", usage.input()).put("eval_count", usage.output());
        return body;
    }

    @Override
    public ObjectNode error(int status, String message) {
        return JSON.createObjectNode().put("error", message);
    }
}

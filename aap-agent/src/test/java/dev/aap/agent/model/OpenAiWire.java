package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI Chat Completions: {@code POST /v1/chat/completions}, tool arguments as a JSON string. */
record OpenAiWire() implements FakeWire {

    @Override
    public ModelSpec.Provider provider() {
        return ModelSpec.Provider.OPENAI;
    }

    @Override
    public String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    public String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Override
    public ObjectNode answer(Reply reply, JsonNode request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", request.path("model").asText());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        Reply.Usage usage;
        switch (reply) {
            case Reply.Text text -> {
                message.put("content", text.text());
                choice.put("finish_reason", "stop");
                usage = text.usage();
            }
            case Reply.ToolCalls calls -> {
                message.put("content", calls.text());
                ArrayNode toolCalls = message.putArray("tool_calls");
                int i = 0;
                for (Reply.Call call : calls.calls()) {
                    ObjectNode tc = toolCalls.addObject().put("id", "call_" + i++).put("type", "function");
                    tc.putObject("function").put("name", call.name())
                            .put("arguments", call.argumentsJson()); // a string on this wire: models do send broken JSON
                }
                choice.put("finish_reason", "tool_calls");
                usage = calls.usage();
            }
            default -> throw new IllegalArgumentException("not an answer: " + reply);
        }
        body.putObject("usage").put("prompt_tokens", usage.input()).put("completion_tokens", usage.output())
                .put("total_tokens", usage.input() + usage.output());
        return body;
    }

    @Override
    public ObjectNode error(int status, String message) {
        String code = switch (status) {
            case 401 -> "invalid_api_key";
            case 404 -> "model_not_found";
            case 429 -> "rate_limit_exceeded";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message)
                .put("type", status >= 500 ? "server_error" : "invalid_request_error")
                .putNull("param").put("code", code);
        return body;
    }
}

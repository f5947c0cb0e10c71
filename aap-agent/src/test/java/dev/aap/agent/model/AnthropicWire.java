package dev.aap.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Anthropic Messages: {@code POST /v1/messages}, content blocks, tool input as a JSON object. */
record AnthropicWire() implements FakeWire {

    @Override
    public ModelSpec.Provider provider() {
        return ModelSpec.Provider.ANTHROPIC;
    }

    @Override
    public String chatPath() {
        return "/v1/messages";
    }

    @Override
    public String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    @Override
    public ObjectNode answer(Reply reply, JsonNode request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "msg_scripted").put("type", "message").put("role", "assistant")
                .put("model", request.path("model").asText());
        ArrayNode content = body.putArray("content");
        Reply.Usage usage;
        switch (reply) {
            case Reply.Text text -> {
                content.addObject().put("type", "text").put("text", text.text());
                body.put("stop_reason", "end_turn");
                usage = text.usage();
            }
            case Reply.ToolCalls calls -> {
                if (calls.text() != null) {
                    content.addObject().put("type", "text").put("text", calls.text());
                }
                int i = 0;
                for (Reply.Call call : calls.calls()) {
                    content.addObject().put("type", "tool_use").put("id", "toolu_" + i++).put("name", call.name())
                            .set("input", FakeWire.arguments(call));
                }
                body.put("stop_reason", "tool_use");
                usage = calls.usage();
            }
            default -> throw new IllegalArgumentException("not an answer: " + reply);
        }
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", usage.input()).put("output_tokens", usage.output());
        return body;
    }

    @Override
    public ObjectNode error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        return body;
    }
}

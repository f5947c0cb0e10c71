package dev.aap.agent.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.loop.ModelCaller;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A role that asks once for a JSON object: prompt from its resource, one correction round when the answer is not
 * JSON, then empty (roles around the Coder are advisory: their absence must not end a run).
 */
final class JsonRole {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRole() {
    }

    static Optional<JsonNode> ask(ModelCaller caller, String role, Map<String, String> values, String input) {
        var messages = new ArrayList<ChatMessage>();
        messages.add(SystemMessage.from(Prompts.load(role, values)));
        messages.add(UserMessage.from(input));
        int logged = 0;
        for (int round = 0; round < 2; round++) {
            AiMessage reply = caller.call(role, messages, logged, List.of(), 1500).message();
            logged = messages.size();
            Optional<JsonNode> parsed = parse(reply.text());
            if (parsed.isPresent()) {
                return parsed;
            }
            messages.add(reply.text() == null ? AiMessage.from("(no text)") : reply);
            messages.add(UserMessage.from("That was not a JSON object. Answer with the JSON object only."));
        }
        return Optional.empty();
    }

    /** The first JSON object in {@code text} (models wrap it in prose or code fences). */
    static Optional<JsonNode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int end = text.lastIndexOf('}');
        // prose may hold braces of its own ("{@code next}"): try each '{' until one starts an object
        for (int start = text.indexOf('{'), tries = 0; start >= 0 && start < end && tries < 50;
             start = text.indexOf('{', start + 1), tries++) {
            try {
                JsonNode n = JSON.readTree(text.substring(start, end + 1));
                if (n != null && n.isObject()) {
                    return Optional.of(n);
                }
            } catch (java.io.IOException e) {
                // not an object here; try the next brace
            }
        }
        return Optional.empty();
    }

    static List<String> strings(JsonNode n, String field) {
        var out = new ArrayList<String>();
        JsonNode a = n.get(field);
        if (a != null && a.isArray()) {
            a.forEach(x -> {
                if (x.isTextual() && !x.asText().isBlank()) {
                    out.add(x.asText().strip());
                } else if (x.isObject()) {
                    out.add(x.toString());
                }
            });
        }
        return out;
    }
}

package dev.aap.agent.role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.loop.ModelCaller;
import dev.aap.agent.model.ContextTooLongException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A role that asks once for a JSON object: prompt from its resource, one correction round when the answer is not
 * JSON, then empty (roles around the Coder are advisory: their absence must not end a run). An input the model
 * refuses as too long for its window is cut to fit and asked once more.
 */
final class JsonRole {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OUTPUT = 1500;
    /** The answer and the correction prompt of a second round, in tokens. */
    private static final int CORRECTION_ROUND = MAX_OUTPUT + 50;
    /** Less input than this is no longer worth asking about. */
    private static final int MIN_INPUT = 500;

    private JsonRole() {
    }

    static Optional<JsonNode> ask(ModelCaller caller, String role, Map<String, String> values, String input) {
        String system = Prompts.load(role, values);
        try {
            return askOnce(caller, role, system, input);
        } catch (ContextTooLongException e) {
            // the input carries retrieved code or a diff: cut it to what fits and try once more
            String cut = fit(caller, system, input, e);
            var f = new LinkedHashMap<String, Object>();
            f.put("role", role);
            f.put("reason", "refused");
            f.put("limit_tokens", e.limitTokens());
            f.put("from_chars", input.length());
            f.put("to_chars", cut.length());
            caller.trajectory().write("context_condensed", f);
            if (cut.length() >= input.length()) {
                return Optional.empty();
            }
            try {
                return askOnce(caller, role, system, cut);
            } catch (ContextTooLongException again) {
                return Optional.empty(); // advisory: the run goes on without this role's answer
            }
        }
    }

    private static Optional<JsonNode> askOnce(ModelCaller caller, String role, String system, String input) {
        var messages = new ArrayList<ChatMessage>();
        messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(input));
        int logged = 0;
        for (int round = 0; round < 2; round++) {
            AiMessage reply = caller.call(role, messages, logged, List.of(), MAX_OUTPUT).message();
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

    /**
     * {@code input} cut to fit the window the refusal named (or half its size when it named none), leaving room for
     * the system prompt, the answer and the correction round; the start (the issue) and the end are kept.
     */
    static String fit(ModelCaller caller, String system, String input, ContextTooLongException refusal) {
        int sent = caller.estimateTokens(List.of(SystemMessage.from(system), UserMessage.from(input)), List.of());
        int aim = refusal.limitTokens() > 0
                ? (int) (Math.min(refusal.limitTokens() - MAX_OUTPUT, sent) * 0.8)
                : sent / 2;
        int systemTokens = caller.estimateTokens(List.of(SystemMessage.from(system)), List.of());
        int keep = caller.charsForTokens(aim - systemTokens - CORRECTION_ROUND);
        if (keep >= input.length()) {
            keep = input.length() * 3 / 4; // the estimate says it fits, the model says not: cut anyway
        }
        if (keep < MIN_INPUT) {
            return input;
        }
        int head = keep * 7 / 10;
        String marker = "\n[... " + (input.length() - keep) + " characters cut to fit the model's context ...]\n";
        return input.substring(0, head) + marker + input.substring(input.length() - (keep - head));
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

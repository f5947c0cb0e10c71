package dev.aap.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tool calls a model wrote as text instead of using the tool-calling API, as local models behind a server without
 * the right chat template do: {@code {"name": "view_file", "arguments": {...}}}, optionally in a code fence or a
 * {@code <tool_call>} tag, with {@code parameters}/{@code args} or an OpenAI-style {@code function} object. Only
 * names of real tools count, so prose that happens to contain JSON is left alone.
 */
final class TextToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OBJECTS = 20;

    private TextToolCalls() {
    }

    static List<ToolExecutionRequest> extract(String text, Set<String> tools, int step) {
        var out = new ArrayList<ToolExecutionRequest>();
        if (text == null || text.indexOf('{') < 0) {
            return out;
        }
        int from = 0;
        for (int found = 0; found < MAX_OBJECTS; found++) {
            int start = text.indexOf('{', from);
            if (start < 0) {
                break;
            }
            int end = matchingBrace(text, start);
            if (end < 0) {
                break;
            }
            JsonNode n = parse(text.substring(start, end + 1));
            ToolExecutionRequest call = n == null ? null : toCall(n, tools, step, out.size());
            if (call != null) {
                out.add(call);
                from = end + 1;
            } else {
                from = start + 1; // maybe a call is nested inside, e.g. {"tool_call": {...}}
            }
        }
        return out;
    }

    private static ToolExecutionRequest toCall(JsonNode n, Set<String> tools, int step, int index) {
        JsonNode fn = n.path("function");
        String name = firstText(n.get("name"), n.get("tool"), n.get("tool_name"), fn.get("name"));
        if (name == null || !tools.contains(name)) {
            return null;
        }
        JsonNode args = first(n.get("arguments"), n.get("parameters"), n.get("args"), n.get("input"),
                fn.get("arguments"));
        String argText;
        if (args == null || args.isNull()) {
            argText = "{}";
        } else if (args.isTextual()) {
            argText = args.asText();
        } else {
            argText = args.toString();
        }
        return ToolExecutionRequest.builder().id("text-call-" + step + "-" + index).name(name).arguments(argText)
                .build();
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode x : nodes) {
            if (x != null && x.isTextual() && !x.asText().isBlank()) {
                return x.asText().strip();
            }
        }
        return null;
    }

    private static JsonNode first(JsonNode... nodes) {
        for (JsonNode x : nodes) {
            if (x != null && !x.isMissingNode()) {
                return x;
            }
        }
        return null;
    }

    private static JsonNode parse(String s) {
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The index of the brace closing the one at {@code open}, skipping braces inside JSON strings; -1 if none. */
    private static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}

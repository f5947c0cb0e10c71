package dev.aap.agent.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aap.agent.tool.Observation;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the Coder sends within the model's context window. Past {@value #TRIGGER} of the window, older tool
 * observations are condensed to one line each (tool, arguments in brief, first line of the outcome), oldest first,
 * until the prompt is under {@value #TARGET} of it; the calls of a condensed turn keep their names but long string
 * arguments are clipped. The system prompt, the task (the first user message) and the latest {@value #KEEP_WHOLE}
 * observations stay whole; only when even that does not fit do the latest observations go too, down to the last one.
 *
 * <p>Condensing is sticky: a message once condensed is sent in exactly the same condensed form in every later turn, so
 * the prompt's prefix stays byte-stable and provider prompt caches and aap's response cache keep hitting. Condensing
 * in one batch down to the target, rather than one message per turn at the trigger, is for the same reason: each
 * condensing breaks the cached prefix from that message on. The history itself (and so the trajectory) keeps every
 * message whole.
 */
final class Condenser {

    static final double TRIGGER = 0.70;
    static final double TARGET = 0.50;
    static final int KEEP_WHOLE = 4;
    /** An observation shorter than this is left whole: its one-line form would save next to nothing. */
    static final int MIN_CHARS = 400;
    /** A condensed turn's assistant message is clipped only when it is longer than this. */
    static final int CLIP_AI_OVER = 800;
    static final int ARGUMENT_CHARS = 200;
    private static final int OUTCOME_CHARS = 160;
    private static final int ARGS_BRIEF_CHARS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The messages to send.
     *
     * @param tokens       their estimated size
     * @param tokensBefore the estimate before this view condensed anything
     * @param condensedNow messages this view condensed (0 when it sent everything as before)
     * @param fits         false when even the least that is kept whole is larger than the window
     */
    record View(List<ChatMessage> messages, int tokens, int tokensBefore, int condensedNow, boolean fits) {

        View {
            messages = List.copyOf(messages);
        }
    }

    private final TokenEstimator tokens;
    private final int maxOutputTokens;
    private final Map<Integer, ChatMessage> condensed = new HashMap<>();
    private int window;
    private int ceiling;

    /**
     * @param windowTokens    the model's context window
     * @param maxOutputTokens what each request asks for at most; up to a quarter of the window is kept free for it
     */
    Condenser(TokenEstimator tokens, int windowTokens, int maxOutputTokens) {
        this.tokens = tokens;
        this.maxOutputTokens = maxOutputTokens;
        this.window = windowTokens;
        this.ceiling = windowTokens - reserve(windowTokens);
    }

    /** The context window as known now (a provider's error may have named a smaller one). */
    int window() {
        return window;
    }

    /** The most prompt tokens a request aims at. */
    int ceiling() {
        return ceiling;
    }

    /** {@code history} as it is sent now: condensed where it must be, and where it was before. */
    View view(List<ChatMessage> history, List<ToolSpecification> tools) {
        var out = new ArrayList<ChatMessage>(history.size());
        for (int i = 0; i < history.size(); i++) {
            out.add(condensed.getOrDefault(i, history.get(i)));
        }
        int before = condensed.size();
        long raw = TokenEstimator.raw(out, tools);
        int tokensBefore = tokens.scaled(raw);
        if (tokens.scaled(raw) > trigger()) {
            raw = condense(history, out, raw, KEEP_WHOLE);
        }
        for (int keep = KEEP_WHOLE - 1; keep >= 1 && tokens.scaled(raw) > ceiling; keep--) {
            raw = condense(history, out, raw, keep);
        }
        int estimate = tokens.estimate(out, tools);
        return new View(out, estimate, tokensBefore, condensed.size() - before, estimate <= window);
    }

    /**
     * Takes in that the provider refused {@code sent} as too long. With a stated window, that becomes the window;
     * when the refused prompt was smaller than it by our estimate (the estimate ran low and no count came back to
     * calibrate it), the aim shrinks by as much again. Without a stated window the aim is half of what was sent.
     */
    void refused(View sent, int limitTokens, List<ToolSpecification> tools) {
        int sentTokens = tokens.estimate(sent.messages(), tools);
        if (limitTokens > 0) {
            window = Math.min(window, limitTokens);
            int aim = window - reserve(window);
            if (sentTokens < limitTokens) {
                aim = (int) (aim * 0.9 * sentTokens / limitTokens);
            }
            ceiling = Math.min(ceiling, aim);
        } else {
            ceiling = Math.min(ceiling, sentTokens / 2);
        }
    }

    private int trigger() {
        return (int) Math.min(window * TRIGGER, ceiling);
    }

    private int target() {
        return (int) Math.min(window * TARGET, ceiling * 0.8);
    }

    private int reserve(int windowTokens) {
        return Math.min(maxOutputTokens, windowTokens / 4);
    }

    /** Condenses observations before the latest {@code keep}, oldest first, until the target is met. */
    private long condense(List<ChatMessage> history, List<ChatMessage> out, long raw, int keep) {
        int goal = target();
        int end = latestWhole(history, keep);
        for (int i = firstCondensable(history); i < end && tokens.scaled(raw) > goal; i++) {
            if (!(history.get(i) instanceof ToolExecutionResultMessage r) || condensed.containsKey(i)
                    || r.text() == null || r.text().length() < MIN_CHARS) {
                continue;
            }
            int a = assistantBefore(history, i);
            ToolExecutionRequest call = a < 0 ? null : callOf((AiMessage) history.get(a), r, i - a - 1);
            raw += replace(out, i, ToolExecutionResultMessage.from(r.id(), r.toolName(), oneLine(r, call)));
            if (a >= 0 && !condensed.containsKey(a) && TokenEstimator.chars(history.get(a)) > CLIP_AI_OVER) {
                raw += replace(out, a, clipped((AiMessage) history.get(a)));
            }
        }
        return raw;
    }

    private long replace(List<ChatMessage> out, int i, ChatMessage now) {
        long before = TokenEstimator.raw(List.of(out.get(i)), List.of());
        condensed.put(i, now);
        out.set(i, now);
        return TokenEstimator.raw(List.of(now), List.of()) - before;
    }

    /** After the first user message: everything up to it (system prompt, task) is never condensed. */
    private static int firstCondensable(List<ChatMessage> history) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) instanceof UserMessage) {
                return i + 1;
            }
        }
        return history.size();
    }

    /** The index of the {@code keep}-th last observation: it and all after it stay whole. */
    private static int latestWhole(List<ChatMessage> history, int keep) {
        int seen = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof ToolExecutionResultMessage && ++seen == keep) {
                return i;
            }
        }
        return 0;
    }

    private static int assistantBefore(List<ChatMessage> history, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (history.get(j) instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                return j;
            }
        }
        return -1;
    }

    /** The call {@code result} answers: by id, else by position (Ollama's calls carry no ids). */
    private static ToolExecutionRequest callOf(AiMessage ai, ToolExecutionResultMessage result, int position) {
        List<ToolExecutionRequest> calls = ai.toolExecutionRequests();
        for (ToolExecutionRequest c : calls) {
            if (c.id() != null && c.id().equals(result.id())) {
                return c;
            }
        }
        return position >= 0 && position < calls.size() ? calls.get(position) : null;
    }

    /** E.g. {@code [view_file src/A.java 1 100: src/A.java (250 lines), lines 1-100: ... condensed]}. */
    static String oneLine(ToolExecutionResultMessage r, ToolExecutionRequest call) {
        String text = r.text();
        String args = call == null ? "" : argsBrief(call.arguments());
        return "[" + r.toolName() + (args.isEmpty() ? "" : " " + args) + ": " + outcome(text) + " ("
                + text.lines().count() + " lines condensed; call " + r.toolName() + " again to see them)]";
    }

    /** The first line that says something; repository text stays marked as untrusted. */
    private static String outcome(String text) {
        String source = null;
        for (Iterator<String> it = text.lines().iterator(); it.hasNext(); ) {
            String line = it.next().strip();
            if (line.startsWith("<untrusted source=")) {
                int q = line.indexOf('"');
                source = q < 0 ? "tool" : line.substring(q + 1, Math.max(q + 1, line.indexOf('"', q + 1)));
                continue;
            }
            if (line.isEmpty() || line.startsWith("</untrusted")) {
                continue;
            }
            String clip = clip(line, OUTCOME_CHARS);
            return source == null ? clip : Observation.untrusted(source, clip).replace("\n", " ");
        }
        return "no output";
    }

    private static String argsBrief(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(arguments);
            if (n != null && n.isObject()) {
                var parts = new ArrayList<String>();
                n.properties().forEach(e -> parts.add(e.getValue().isTextual() ? e.getValue().asText()
                        : e.getValue().toString()));
                return clip(String.join(" ", parts).replaceAll("\\s+", " "), ARGS_BRIEF_CHARS);
            }
        } catch (java.io.IOException notJson) {
            // shown as written below
        }
        return clip(arguments.replaceAll("\\s+", " "), ARGS_BRIEF_CHARS);
    }

    /** The assistant message with long text and long string arguments clipped; arguments stay valid JSON. */
    static AiMessage clipped(AiMessage ai) {
        var calls = new ArrayList<ToolExecutionRequest>();
        for (ToolExecutionRequest c : ai.toolExecutionRequests()) {
            calls.add(c.toBuilder().arguments(clippedArguments(c.arguments())).build());
        }
        String text = ai.text() == null || ai.text().length() <= CLIP_AI_OVER ? ai.text()
                : ai.text().substring(0, CLIP_AI_OVER) + " [... condensed]";
        return ai.toBuilder().text(text).toolExecutionRequests(calls).build();
    }

    private static String clippedArguments(String arguments) {
        try {
            JsonNode n = arguments == null ? null : JSON.readTree(arguments);
            if (n == null || !n.isObject()) {
                return arguments;
            }
            ObjectNode copy = ((ObjectNode) n).deepCopy();
            n.properties().forEach(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().length() > ARGUMENT_CHARS) {
                    String v = e.getValue().asText();
                    copy.set(e.getKey(), TextNode.valueOf(v.substring(0, ARGUMENT_CHARS) + " [... "
                            + (v.length() - ARGUMENT_CHARS) + " characters condensed]"));
                }
            });
            return JSON.writeValueAsString(copy);
        } catch (java.io.IOException notJson) {
            return arguments; // sent as the model wrote it before; clipping it could make it unreadable
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}

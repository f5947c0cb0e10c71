package dev.aap.agent.loop;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.List;

/**
 * Estimates a prompt's size in tokens without a tokenizer: every provider tokenizes differently, and shipping or
 * downloading their vocabularies is not worth what an estimate with a safety margin already does here.
 *
 * <p>The base is {@value #CHARS_PER_TOKEN} characters per token. English prose runs at about 4 with current BPE
 * vocabularies, source code at 3 to 3.5 (operators, indentation and short identifiers are tokens of their own) and
 * what the agent reads is mostly code, line-numbered, so 3.5 errs on the side of counting too many. Each message adds
 * {@value #PER_MESSAGE} tokens and each tool call {@value #PER_TOOL_CALL} (the role markers and separators chat
 * templates wrap around them), tool declarations count by their JSON schema text.
 *
 * <p>The estimate is calibrated as the run goes: whenever a reply reports the prompt tokens the provider counted, the
 * ratio counted/estimated moves the scale half way (the first report sets it). Ratios outside 0.5..3 are ignored: they
 * come from counts that leave part of the prompt out (Ollama's {@code prompt_eval_count} after a KV-cache hit), not
 * from a different tokenizer. A provider's count in a context-length error is taken as it is.
 */
final class TokenEstimator {

    static final double CHARS_PER_TOKEN = 3.5;
    static final int PER_MESSAGE = 4;
    static final int PER_TOOL_CALL = 8;
    private static final double MIN_RATIO = 0.5;
    private static final double MAX_RATIO = 3.0;

    private double ratio = 1.0;
    private boolean calibrated;

    /** The uncalibrated size of a request: what {@link #observe} compares the provider's count with. */
    static long raw(List<ChatMessage> messages, List<ToolSpecification> tools) {
        long chars = 0;
        long overhead = 0;
        for (ChatMessage m : messages) {
            chars += chars(m);
            overhead += PER_MESSAGE;
            if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
                overhead += (long) PER_TOOL_CALL * ai.toolExecutionRequests().size();
            }
        }
        for (ToolSpecification t : tools) {
            chars += length(t.name()) + length(t.description()) + (t.parameters() == null ? 0
                    : t.parameters().toString().length());
            overhead += PER_TOOL_CALL;
        }
        return Math.round(chars / CHARS_PER_TOKEN) + overhead;
    }

    /** The calibrated estimate of a request's prompt tokens. */
    int estimate(List<ChatMessage> messages, List<ToolSpecification> tools) {
        return scaled(raw(messages, tools));
    }

    /** {@code raw} tokens on the calibrated scale. */
    int scaled(long raw) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(raw * ratio));
    }

    /** About how many characters of code make {@code tokens} tokens on the calibrated scale. */
    int chars(int tokens) {
        return (int) Math.max(0, Math.floor(tokens * CHARS_PER_TOKEN / ratio));
    }

    /** Learns from a reply: the request's {@link #raw} size against the prompt tokens the provider reported. */
    void observe(long raw, int reported) {
        if (!plausible(raw, reported)) {
            return;
        }
        double sample = (double) reported / raw;
        ratio = calibrated ? (ratio + sample) / 2 : sample;
        calibrated = true;
    }

    /** Learns from a context-length error that counted the refused prompt: that count is the best evidence. */
    void observeExact(long raw, int reported) {
        if (plausible(raw, reported)) {
            ratio = (double) reported / raw;
            calibrated = true;
        }
    }

    /** Provider tokens per estimated token (1.0 until a provider reported a count). */
    double ratio() {
        return ratio;
    }

    private static boolean plausible(long raw, int reported) {
        if (raw <= 0 || reported <= 0) {
            return false;
        }
        double sample = (double) reported / raw;
        return sample >= MIN_RATIO && sample <= MAX_RATIO;
    }

    static int chars(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> length(s.text());
            case UserMessage u -> u.contents().stream().mapToInt(TokenEstimator::chars).sum();
            case AiMessage ai -> length(ai.text()) + (ai.hasToolExecutionRequests() ? ai.toolExecutionRequests()
                    .stream().mapToInt(TokenEstimator::chars).sum() : 0);
            case ToolExecutionResultMessage r -> length(r.text()) + length(r.toolName());
            default -> m.toString().length();
        };
    }

    private static int chars(ToolExecutionRequest call) {
        return length(call.name()) + length(call.arguments());
    }

    private static int chars(Content c) {
        return c instanceof TextContent t ? length(t.text()) : 1000; // an image or file: its size is not in the text
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}

package dev.aap.agent.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes "the prompt does not fit the context window" in the error bodies of the servers aap talks to, and reads
 * the window and the prompt size out of them where the server states them.
 *
 * <p>Shapes seen in the wild: OpenAI {@code context_length_exceeded} ("This model's maximum context length is 128000
 * tokens. However, your messages resulted in 130000 tokens"); Anthropic "prompt is too long: 210000 tokens &gt;
 * 200000 maximum"; vLLM "This model's maximum context length is 32768 tokens. However, you requested 33000 tokens
 * (32000 in the messages, 1000 in the completion)" and "... is longer than the maximum model length of 32768";
 * llama.cpp's server "the request exceeds the available context size" with {@code n_ctx} and
 * {@code n_prompt_tokens} beside it, or "request (4476 tokens) exceeds the available context size (4096 tokens)";
 * Ollama "the input length exceeds the context length" and its truncation messages.
 */
final class ContextErrors {

    /** Phrases only a context overflow produces; "context canceled" (Go's cancellation) must not match. */
    private static final List<String> MARKERS = List.of("context_length_exceeded", "maximum context length",
            "prompt is too long", "exceeds the available context size", "exceed_context_size_error",
            "maximum model length", "exceeds the context length", "exceed context length",
            "exceeds context length", "longer than the model's context length", "context window exceeded",
            "exceeds the context window", "exceeds maximum context length", "input is too long");

    private static final List<Pattern> LIMITS = patterns(
            "maximum context length is (\\d[\\d,]*)",
            "> ?(\\d[\\d,]*) maximum",
            "\"n_ctx\"\\s*:\\s*(\\d+)",
            "available context size \\((\\d+) tokens\\)",
            "maximum model length of (\\d[\\d,]*)",
            "context length \\((\\d[\\d,]*)\\)",
            "context (?:length|window) of (\\d[\\d,]*)");

    private static final List<Pattern> PROMPTS = patterns(
            "(\\d[\\d,]*) in the messages",
            "messages resulted in (\\d[\\d,]*) tokens",
            "prompt is too long: (\\d[\\d,]*) tokens",
            "\"n_prompt_tokens\"\\s*:\\s*(\\d+)",
            "request \\((\\d+) tokens\\)",
            "request has (\\d[\\d,]*) input tokens",
            "prompt \\(length (\\d[\\d,]*)\\)");

    /** A stated window below this is a misread number, not a window. */
    private static final int MIN_PLAUSIBLE = 256;

    private ContextErrors() {
    }

    /** The failure when {@code body} (a non-2xx answer with {@code status}) says the prompt is too long. */
    static Optional<Failure.ContextTooLong> read(int status, String body, String detail) {
        if (body == null || status < 400) {
            return Optional.empty();
        }
        String lower = body.toLowerCase(Locale.ROOT);
        boolean overflow = status == 413 || MARKERS.stream().anyMatch(lower::contains)
                || (lower.contains("truncat") && lower.contains("context"));
        if (!overflow) {
            return Optional.empty();
        }
        return Optional.of(new Failure.ContextTooLong(status, number(LIMITS, lower), number(PROMPTS, lower), detail));
    }

    private static int number(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                try {
                    int n = Integer.parseInt(m.group(1).replace(",", ""));
                    if (n >= MIN_PLAUSIBLE) {
                        return n;
                    }
                } catch (NumberFormatException tooBig) {
                    // not a token count
                }
            }
        }
        return -1;
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}

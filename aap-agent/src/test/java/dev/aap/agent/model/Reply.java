package dev.aap.agent.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One scripted answer of a {@link ScriptedModelServer}, written in whichever provider protocol the server speaks.
 */
public sealed interface Reply permits Reply.Text, Reply.ToolCalls, Reply.HttpError, Reply.RawError, Reply.Malformed,
        Reply.Delayed {

    /** Token usage reported with an answer. */
    record Usage(int input, int output) {
        /** What scripted answers report unless told otherwise. */
        public static final Usage DEFAULT = new Usage(100, 20);
    }

    /** One tool call; {@code argumentsJson} is a JSON object as text. */
    record Call(String name, String argumentsJson) {
        public Call {
            Objects.requireNonNull(name, "name");
            argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        }
    }

    /** A plain assistant text answer. */
    record Text(String text, Usage usage) implements Reply {
        /** The same answer reporting other token counts. */
        public Text withUsage(int input, int output) {
            return new Text(text, new Usage(input, output));
        }
    }

    /** An answer asking for tool calls (with optional text beside them). */
    record ToolCalls(List<Call> calls, String text, Usage usage) implements Reply {
        public ToolCalls {
            calls = List.copyOf(calls);
        }

        /** The same answer reporting other token counts. */
        public ToolCalls withUsage(int input, int output) {
            return new ToolCalls(calls, text, new Usage(input, output));
        }
    }

    /** A non-2xx status with the provider's error JSON carrying {@code message}. */
    record HttpError(int status, String message) implements Reply {
    }

    /** A non-2xx status with exactly {@code body}, for error shapes with fields of their own (llama.cpp's n_ctx). */
    record RawError(int status, String body) implements Reply {
    }

    /** Status 200 with exactly {@code rawBody}, for clients that must cope with junk. */
    record Malformed(String rawBody) implements Reply {
    }

    /** {@code then}, after waiting {@code delay} (for timeout tests). */
    record Delayed(Duration delay, Reply then) implements Reply {
    }

    static Text text(String text) {
        return new Text(text, Usage.DEFAULT);
    }

    static ToolCalls toolCalls(Call... calls) {
        return new ToolCalls(List.of(calls), null, Usage.DEFAULT);
    }

    static Call call(String name, String argumentsJson) {
        return new Call(name, argumentsJson);
    }

    static HttpError httpError(int status, String message) {
        return new HttpError(status, message);
    }

    static RawError rawError(int status, String body) {
        return new RawError(status, body);
    }

    static Malformed malformed(String rawBody) {
        return new Malformed(rawBody);
    }

    static Delayed delayed(Duration delay, Reply then) {
        return new Delayed(delay, then);
    }
}

package dev.aap.agent.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The context-length errors of real servers, as their bodies read, and the numbers taken out of them. */
class ContextErrorsTest {

    static Failure.ContextTooLong read(int status, String body) {
        return ContextErrors.read(status, body, Failures.providerMessage(body)).orElseThrow(
                () -> new AssertionError("not recognized as too long: " + body));
    }

    @Test
    void openAiNamesTheWindowAndThePromptSize() {
        var f = read(400, """
                {"error": {"message": "This model's maximum context length is 128000 tokens. However, your messages \
                resulted in 130000 tokens. Please reduce the length of the messages.", "type": "invalid_request_error",\
                 "param": "messages", "code": "context_length_exceeded"}}""");

        assertThat(f.limitTokens()).isEqualTo(128_000);
        assertThat(f.promptTokens()).isEqualTo(130_000);
        assertThat(f.detail()).startsWith("This model's maximum context length is 128000 tokens.");
    }

    @Test
    void anthropicNamesThePromptSizeBeforeTheMaximum() {
        var f = read(400, """
                {"type": "error", "error": {"type": "invalid_request_error", \
                "message": "prompt is too long: 210000 tokens > 200000 maximum"}}""");

        assertThat(f).extracting(Failure.ContextTooLong::limitTokens, Failure.ContextTooLong::promptTokens)
                .containsExactly(200_000, 210_000);
    }

    @Test
    void vllmCountsMessagesAndCompletionApart() {
        var requested = read(400, """
                {"object": "error", "message": "This model's maximum context length is 32768 tokens. However, you \
                requested 33000 tokens (32000 in the messages, 1000 in the completion). Please reduce the length of \
                the messages or completion.", "type": "BadRequestError", "param": null, "code": 400}""");
        var longer = read(400, """
                {"object": "error", "message": "The decoder prompt (length 40000) is longer than the maximum model \
                length of 32768. Make sure that `max_model_len` is no smaller than the number of text tokens.", \
                "type": "BadRequestError", "code": 400}""");

        assertThat(requested.limitTokens()).isEqualTo(32_768);
        assertThat(requested.promptTokens()).isEqualTo(32_000);
        assertThat(longer.limitTokens()).isEqualTo(32_768);
        assertThat(longer.promptTokens()).isEqualTo(40_000);
    }

    @Test
    void llamaCppServerGivesNCtxBesideItsMessage() {
        var old = read(400, """
                {"error": {"code": 400, "message": "the request exceeds the available context size, try increasing \
                it", "type": "exceed_context_size_error", "n_prompt_tokens": 9000, "n_ctx": 8192}}""");
        var recent = read(400, """
                {"error": {"code": 400, "message": "request (4476 tokens) exceeds the available context size (4096 \
                tokens)", "type": "exceed_context_size_error"}}""");

        assertThat(old).extracting(Failure.ContextTooLong::limitTokens, Failure.ContextTooLong::promptTokens)
                .containsExactly(8192, 9000);
        assertThat(recent).extracting(Failure.ContextTooLong::limitTokens, Failure.ContextTooLong::promptTokens)
                .containsExactly(4096, 4476);
    }

    @Test
    void ollamaStatesNoNumbers() {
        var f = read(400, "{\"error\": \"the input length exceeds the context length\"}");
        var truncation = read(500, "{\"error\": \"truncating input messages which exceed context length\"}");

        assertThat(f.limitTokens()).isEqualTo(-1);
        assertThat(f.promptTokens()).isEqualTo(-1);
        assertThat(f.detail()).isEqualTo("the input length exceeds the context length");
        assertThat(truncation.status()).isEqualTo(500);
    }

    @Test
    void otherErrorsAreNotTakenForContextErrors() {
        assertThat(ContextErrors.read(500, "{\"error\": \"context canceled\"}", "context canceled")).isEmpty();
        assertThat(ContextErrors.read(400, "{\"error\": {\"message\": \"messages: roles must alternate\"}}", "x"))
                .isEmpty();
        assertThat(ContextErrors.read(429, "{\"error\": {\"message\": \"Rate limit reached\"}}", "x")).isEmpty();
        assertThat(ContextErrors.read(200, "maximum context length is 4096", "x")).isEmpty();
    }
}

package dev.aap.agent.model;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, fallbacks and the typed errors the user sees, over real HTTP with tiny backoffs. */
class GatewayFailureTest {

    final List<String> attempts = new CopyOnWriteArrayList<>();
    final ModelSettings settings = new ModelSettings(Duration.ofSeconds(5), 2, Duration.ofMillis(10),
            Map.of("OPENAI_API_KEY", "sk-test", "ANTHROPIC_API_KEY", "ak-test"),
            (model, attempt, outcome, millis) -> attempts.add(model + " #" + attempt + " " + outcome));

    static final ChatRequest HELLO = ChatRequest.builder().messages(UserMessage.from("hello")).build();

    @Test
    void retriesARateLimitAndReportsBothAttempts() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.httpError(429, "Rate limit reached for gpt-4o-mini"), Reply.text("ok"));

            ModelReply reply = Models.connect(List.of(server.modelSpec("gpt-4o-mini")), settings).chat(HELLO);

            assertThat(reply.message().text()).isEqualTo("ok");
            assertThat(reply.attempts()).isEqualTo(2);
            assertThat(attempts).containsExactly(
                    "openai:gpt-4o-mini #1 HTTP 429: Rate limit reached for gpt-4o-mini",
                    "openai:gpt-4o-mini #2 ok");
        }
    }

    @Test
    void retriesServerErrorsUntilTheModelAnswers() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.httpError(500, "Internal server error"), Reply.httpError(529, "Overloaded"),
                    Reply.text("third time lucky"));

            ModelReply reply = Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), settings).chat(HELLO);

            assertThat(reply.message().text()).isEqualTo("third time lucky");
            assertThat(reply.attempts()).isEqualTo(3);
            assertThat(attempts.get(1)).isEqualTo("anthropic:claude-sonnet-4-5 #2 HTTP 529: Overloaded");
        }
    }

    @Test
    void givesUpAfterTheRetriesWithAnEnvironmentErrorCarryingTheProvidersMessage() {
        try (var server = ScriptedModelServer.ollama()) {
            server.otherwise(request -> Reply.httpError(503, "server busy"));

            var gateway = Models.connect(List.of(server.modelSpec("llama3")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("HTTP 503: server busy")
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageNotContaining("Exception");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void doesNotRetryARejectedKeyAndNamesTheKeyVariable() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.httpError(401, "Incorrect API key provided: sk-test."));

            var gateway = Models.connect(List.of(server.modelSpec("gpt-4o-mini")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("rejected the key")
                    .hasMessageContaining("OPENAI_API_KEY")
                    .hasMessageContaining("Incorrect API key provided");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void reportsAnUnknownModelByNameAndUrl() {
        try (var server = ScriptedModelServer.ollama()) {
            server.enqueue(Reply.httpError(404, "model \"qwen9\" not found, try pulling it first"));

            var gateway = Models.connect(List.of(server.modelSpec("qwen9")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("unknown model qwen9 at " + server.baseUrl())
                    .hasMessageContaining("ollama pull qwen9");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void doesNotRetryOtherClientErrors() {
        try (var server = ScriptedModelServer.anthropic()) {
            server.enqueue(Reply.httpError(400, "messages: roles must alternate between \"user\" and \"assistant\""));

            var gateway = Models.connect(List.of(server.modelSpec("claude-sonnet-4-5")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("HTTP 400: messages: roles must alternate");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void reportsAnUnreachableServerByUrl() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/v1";
        var gateway = Models.connect(ModelSpec.parseChain("openai:local", url), settings);

        assertThatThrownBy(() -> gateway.chat(HELLO))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("cannot reach " + url)
                .hasMessageContaining("is the server running?");
        assertThat(attempts).hasSize(1);
    }

    @Test
    void fallsBackToTheNextModelWhenTheFirstKeepsFailing() {
        try (var first = ScriptedModelServer.openAi(); var second = ScriptedModelServer.ollama()) {
            first.otherwise(request -> Reply.httpError(500, "boom"));
            second.enqueue(Reply.text("from the fallback"));

            ModelReply reply = Models.connect(List.of(first.modelSpec("gpt-4o"), second.modelSpec("qwen2.5-coder:7b")),
                    settings).chat(HELLO);

            assertThat(reply.message().text()).isEqualTo("from the fallback");
            assertThat(reply.model()).isEqualTo("ollama:qwen2.5-coder:7b");
            assertThat(reply.attempts()).isEqualTo(4);
            assertThat(first.requests()).hasSize(3);
        }
    }

    @Test
    void reportsTheFirstModelsFailureWhenTheWholeChainFails() {
        try (var first = ScriptedModelServer.openAi(); var second = ScriptedModelServer.ollama()) {
            first.enqueue(Reply.httpError(404, "The model `gpt-7` does not exist"));
            second.otherwise(request -> Reply.httpError(500, "boom"));

            var gateway = Models.connect(List.of(first.modelSpec("gpt-7"), second.modelSpec("llama3")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("unknown model gpt-7")
                    .hasMessageContaining("does not exist");
            assertThat(second.requests()).hasSize(3);
        }
    }

    @Test
    void retriesAReadTimeoutOnce() {
        var quick = new ModelSettings(Duration.ofMillis(300), 3, Duration.ofMillis(10), settings.env(),
                settings.listener());
        try (var server = ScriptedModelServer.openAi()) {
            server.otherwise(request -> Reply.delayed(Duration.ofSeconds(2), Reply.text("too late")));

            var gateway = Models.connect(List.of(server.modelSpec("slow")), quick);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("no answer from " + server.baseUrl())
                    .hasMessageContaining("2 attempts");
            assertThat(attempts).hasSize(2).allMatch(a -> a.contains("timed out"));
        }
    }

    @Test
    void reportsAnAnswerThatIsNotTheProtocolWithoutRetrying() {
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(Reply.malformed("<html>proxy login</html>"));

            var gateway = Models.connect(List.of(server.modelSpec("gpt-4o-mini")), settings);

            assertThatThrownBy(() -> gateway.chat(HELLO))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("not the openai protocol")
                    .hasMessageContaining("check --base-url");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void answersFiveHundredWhenTheScriptRunsOut() {
        try (var server = ScriptedModelServer.openAi()) {
            var once = new ModelSettings(Duration.ofSeconds(5), 0, Duration.ZERO, settings.env(), settings.listener());

            assertThatThrownBy(() -> Models.connect(List.of(server.modelSpec("m")), once).chat(HELLO))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("the script ran out");
        }
    }
}

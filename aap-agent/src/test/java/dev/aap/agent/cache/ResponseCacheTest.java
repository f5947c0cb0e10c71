package dev.aap.agent.cache;

import dev.aap.agent.model.ModelGateway;
import dev.aap.agent.model.ModelReply;
import dev.aap.core.BadInputException;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseCacheTest {

    @TempDir
    Path dir;

    static ToolSpecification tool(String name) {
        return ToolSpecification.builder().name(name).description("does " + name)
                .parameters(JsonObjectSchema.builder().addStringProperty("path", "a path").required("path").build())
                .build();
    }

    static ChatRequest request(String user, ToolSpecification... tools) {
        var b = ChatRequest.builder().messages(SystemMessage.from("You fix bugs."), UserMessage.from(user))
                .maxOutputTokens(4096);
        if (tools.length > 0) {
            b.toolSpecifications(tools);
        }
        return b.build();
    }

    static ModelReply toolReply() {
        return new ModelReply(AiMessage.from("Looking.", List.of(
                ToolExecutionRequest.builder().id("c1").name("view_file").arguments("{\"path\": \"A.java\"}").build(),
                ToolExecutionRequest.builder().id("c2").name("run_tests").arguments("{}").build())),
                "openai:gpt-4o-mini", 1234, 56, 800, 2, false);
    }

    /** A gateway that counts the requests it answers. */
    static final class CountingGateway implements ModelGateway {
        final List<ChatRequest> seen = new ArrayList<>();

        @Override
        public ModelReply chat(ChatRequest request) {
            seen.add(request);
            return toolReply();
        }

        @Override
        public String describe() {
            return "openai:gpt-4o-mini";
        }
    }

    @Test
    void theSameRequestHasTheSameKey() {
        assertThat(ResponseCache.key("openai:gpt-4o-mini", request("fix it", tool("view_file"))))
                .isEqualTo(ResponseCache.key("openai:gpt-4o-mini", request("fix it", tool("view_file"))))
                .hasSize(64);
    }

    @Test
    void differentToolsMessagesOrModelsGiveDifferentKeys() {
        String base = ResponseCache.key("openai:gpt-4o-mini", request("fix it", tool("view_file")));

        assertThat(ResponseCache.key("openai:gpt-4o-mini", request("fix it", tool("list_dir")))).isNotEqualTo(base);
        assertThat(ResponseCache.key("openai:gpt-4o-mini", request("fix it"))).isNotEqualTo(base);
        assertThat(ResponseCache.key("openai:gpt-4o-mini", request("fix this", tool("view_file")))).isNotEqualTo(base);
        assertThat(ResponseCache.key("ollama:qwen", request("fix it", tool("view_file")))).isNotEqualTo(base);
    }

    @Test
    void aStoredReplyComesBackWithItsToolCallsMarkedCached() {
        var cache = new ResponseCache(dir);
        String key = ResponseCache.key("openai:gpt-4o-mini", request("fix it"));

        cache.put(key, toolReply());
        ModelReply back = cache.get(key).orElseThrow();

        assertThat(back.message().text()).isEqualTo("Looking.");
        assertThat(back.message().toolExecutionRequests()).isEqualTo(toolReply().message().toolExecutionRequests());
        assertThat(back.model()).isEqualTo("openai:gpt-4o-mini");
        assertThat(back.inputTokens()).isEqualTo(1234);
        assertThat(back.outputTokens()).isEqualTo(56);
        assertThat(back.cached()).isTrue();
        assertThat(dir.resolve(key.substring(0, 2)).resolve(key + ".json")).isRegularFile();
    }

    @Test
    void anUnknownKeyIsAMiss() {
        assertThat(new ResponseCache(dir).get(ResponseCache.key("x", request("y")))).isEmpty();
    }

    @Test
    void aDamagedCacheFileIsAMiss() throws IOException {
        var cache = new ResponseCache(dir);
        String key = ResponseCache.key("openai:gpt-4o-mini", request("fix it"));
        cache.put(key, toolReply());
        Path file = dir.resolve(key.substring(0, 2)).resolve(key + ".json");

        Files.writeString(file, "{\"model\": \"openai:gpt-4o-mini\", \"message\": {\"type\": \"AI\", \"tex");
        assertThat(cache.get(key)).isEmpty();

        Files.writeString(file, "{\"model\": \"openai:gpt-4o-mini\"}");
        assertThat(cache.get(key)).isEmpty();

        cache.put(key, toolReply());
        assertThat(cache.get(key)).isPresent();
    }

    @Test
    void theCachingGatewayAsksTheModelOnceForTwoIdenticalRequests() {
        var inner = new CountingGateway();
        var gateway = new CachingGateway(inner, new ResponseCache(dir));

        ModelReply first = gateway.chat(request("fix it", tool("view_file")));
        ModelReply second = gateway.chat(request("fix it", tool("view_file")));
        gateway.chat(request("fix it", tool("list_dir")));

        assertThat(inner.seen).hasSize(2);
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.message().toolExecutionRequests()).isEqualTo(first.message().toolExecutionRequests());
        assertThat(gateway.describe()).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void replayAnswersFromTheCacheAndFallsBackToTheRecordedReplyByPosition() {
        var cache = new ResponseCache(dir);
        ChatRequest known = request("first question");
        ModelReply cached = new ModelReply(AiMessage.from("from the cache"), "openai:gpt-4o-mini", 1, 1, 0, 1, false);
        cache.put(ResponseCache.key("openai:gpt-4o-mini", known), cached);
        List<ModelReply> recorded = List.of(
                new ModelReply(AiMessage.from("recorded 1"), "openai:gpt-4o-mini", 1, 1, 0, 1, true),
                new ModelReply(AiMessage.from("recorded 2"), "openai:gpt-4o-mini", 1, 1, 0, 1, true));
        var warnings = new ArrayList<String>();
        var replay = new ReplayGateway("openai:gpt-4o-mini", cache, recorded, warnings::add);

        assertThat(replay.chat(known).message().text()).isEqualTo("from the cache");
        assertThat(warnings).isEmpty();
        assertThat(replay.chat(request("a question that changed")).message().text()).isEqualTo("recorded 2");
        assertThat(warnings).containsExactly(
                "replay: model request 2 differs from the recorded one; using the recorded reply");
        assertThatThrownBy(() -> replay.chat(request("one more"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("model request number 3").hasMessageContaining("has only 2 replies");
    }
}

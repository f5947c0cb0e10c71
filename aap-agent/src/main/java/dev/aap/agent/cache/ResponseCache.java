package dev.aap.agent.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.agent.model.ModelReply;
import dev.aap.core.EnvironmentException;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Model replies stored as one JSON file per request hash; safe for several processes (atomic renames). */
public final class ResponseCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
    }

    /** SHA-256 over the model chain, the messages, the tools and the generation settings. */
    public static String key(String chain, ChatRequest request) {
        var sb = new StringBuilder(chain).append('\n');
        sb.append(ChatMessageSerializer.messagesToJson(request.messages())).append('\n');
        if (request.toolSpecifications() != null) {
            for (ToolSpecification t : request.toolSpecifications()) {
                sb.append(t.name()).append('|').append(t.description()).append('|').append(t.parameters()).append('\n');
            }
        }
        sb.append(request.maxOutputTokens()).append('|').append(request.temperature());
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ModelReply> get(String key) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(f.toFile())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is a miss; the next answer overwrites it
        }
    }

    public void put(String key, ModelReply reply) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), key, ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(toJson(reply)));
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the response cache under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The JSON form used in the cache and in trajectories. */
    public static ObjectNode toJson(ModelReply r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", r.model());
        n.put("input_tokens", r.inputTokens());
        n.put("output_tokens", r.outputTokens());
        try {
            n.set("message", JSON.readTree(ChatMessageSerializer.messageToJson(r.message())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Reads {@link #toJson}'s form back as a cached reply. */
    public static ModelReply fromJson(JsonNode n) {
        AiMessage m = (AiMessage) ChatMessageDeserializer.messageFromJson(n.get("message").toString());
        return new ModelReply(m, n.path("model").asText(), n.path("input_tokens").asInt(),
                n.path("output_tokens").asInt(), 0, 0, true);
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}

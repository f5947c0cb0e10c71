package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checkpoints as {@code steps/<step>.json} files of a run directory. */
final class DirectoryCheckpoints implements Checkpoints {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9_-]*");

    private final Path dir;

    DirectoryCheckpoints(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<JsonNode> load(String step) {
        Path file = file(step);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new EnvironmentException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String step, JsonNode output) {
        Path file = file(step);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            byte[] bytes = (JSON.writeValueAsString(output) + "\n").getBytes(StandardCharsets.UTF_8);
            // forced to disk before the move: a power cut must not leave a renamed but empty checkpoint
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String step) {
        if (step == null || !STEP.matcher(step).matches()) {
            throw new IllegalArgumentException("not a step name: " + step);
        }
        return dir.resolve(step + ".json");
    }
}

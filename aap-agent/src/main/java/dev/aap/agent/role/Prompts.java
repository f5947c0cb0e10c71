package dev.aap.agent.role;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The roles' prompt texts, kept as resources beside the code ({@code dev/aap/agent/role/<name>.md}). */
public final class Prompts {

    private Prompts() {
    }

    /** The prompt {@code name} with each {@code {{key}}} replaced by its value; {@code {{rules}}} is shared. */
    public static String load(String name, Map<String, String> values) {
        String text = read(name);
        if (text.contains("{{rules}}")) {
            text = text.replace("{{rules}}", read("rules").strip());
        }
        for (var e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text;
    }

    private static String read(String name) {
        String text;
        try (InputStream in = Prompts.class.getResourceAsStream(name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing: " + name + ".md");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }
}

package dev.aap.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.TreeSet;

/**
 * Replaces every secret the scanner finds with a typed placeholder such as {@code [REDACTED:aws-access-key]}
 * before text leaves for a model, a log or an artifact. Placeholders are never found again, so redacting twice
 * changes nothing. Thread-safe.
 */
public final class Redactor {

    private final SecretScanner scanner;

    private Redactor(SecretScanner scanner) {
        this.scanner = scanner;
    }

    /** A redactor with the default scanner. */
    public static Redactor create() {
        return new Redactor(SecretScanner.create());
    }

    /** One redactor with the default scanner, shared by everything that masks its output (built on first use). */
    public static Redactor standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Redactor INSTANCE = create();
    }

    /** A redactor that hides what {@code scanner} finds (its allow-lists and disabled rules apply). */
    public static Redactor of(SecretScanner scanner) {
        return new Redactor(scanner);
    }

    /** The placeholder a secret of {@code rule} becomes. */
    public static String placeholder(String rule) {
        return "[REDACTED:" + rule + "]";
    }

    /**
     * A copy of {@code node} with every string value redacted. Serialized JSON escapes quotes and line breaks, which
     * hides the context some rules need ({@code name = "value"}, a key block's lines), so JSON is redacted as a tree.
     */
    public JsonNode redactTree(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String r = redact(node.asText());
            return r.equals(node.asText()) ? node : TextNode.valueOf(r);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), redactTree(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(v -> copy.add(redactTree(v)));
            return copy;
        }
        return node;
    }

    /** {@code text} with each secret replaced by its placeholder. */
    public String redact(String text) {
        return redactWithLines(text).text();
    }

    /**
     * The redacted text and the lines that held secrets. A multi-line secret (a private key block) becomes one
     * placeholder followed by its line breaks, so the text keeps its line numbering.
     */
    public Redaction redactWithLines(String text) {
        List<Hit> hits = scanner.hits(text);
        if (hits.isEmpty()) {
            return new Redaction(text, new TreeSet<>());
        }
        int[] starts = SecretScanner.lineStarts(text);
        var lines = new TreeSet<Integer>();
        var out = new StringBuilder(text.length());
        int from = 0;
        for (Hit h : hits) {
            out.append(text, from, h.start()).append(placeholder(h.rule()));
            int first = SecretScanner.lineIndex(starts, h.start());
            int last = SecretScanner.lineIndex(starts, Math.max(h.start(), h.end() - 1));
            for (int i = first; i <= last; i++) {
                lines.add(i + 1);
                if (i > first) {
                    out.append(starts[i] >= 2 && text.charAt(starts[i] - 2) == '\r' ? "\r\n" : "\n");
                }
            }
            from = h.end();
        }
        out.append(text, from, text.length());
        return new Redaction(out.toString(), lines);
    }
}

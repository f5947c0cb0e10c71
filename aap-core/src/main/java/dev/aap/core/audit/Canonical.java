package dev.aap.core.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON: object keys sorted, no whitespace, UTF-8. A signature or hash is only checkable if every writer
 * and reader agrees on the bytes, so this is written out by hand rather than left to a serializer's settings.
 */
final class Canonical {

    private Canonical() {
    }

    static byte[] bytes(JsonNode node) {
        var sb = new StringBuilder(256);
        write(node, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, sb);
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> string(node.textValue(), sb);
            case NUMBER -> sb.append(number(node));
            case BOOLEAN -> sb.append(node.booleanValue());
            case NULL -> sb.append("null");
            default -> throw new IllegalArgumentException("audit records hold plain JSON only, not "
                    + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder sb) {
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        // String order is UTF-16 code unit order, the order RFC 8785 uses too.
        names.sort(null);
        sb.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(names.get(i), sb);
            sb.append(':');
            write(node.get(names.get(i)), sb);
        }
        sb.append('}');
    }

    /** Floating point goes through double so that a parsed value prints exactly as the value that was signed. */
    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        double d = node.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("audit records hold finite numbers only, not " + d);
        }
        return Double.toString(d);
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

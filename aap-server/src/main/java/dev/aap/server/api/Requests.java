package dev.aap.server.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.server.store.Json;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading request bodies and fields defensively: size, encoding, depth and types checked, each with a 4xx. */
final class Requests {

    /** Names of repositories and tokens: safe in paths, URLs and file names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Requests() {
    }

    /** The body as a JSON object, at most {@code maxBytes}. */
    static ObjectNode object(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type != null && !isJson(type)) {
            throw new Problem(415, "Unsupported Media Type", "send the body as JSON with Content-Type:"
                    + " application/json");
        }
        byte[] bytes = bytes(ctx, maxBytes);
        if (bytes.length == 0) {
            throw Problem.badRequest("the request needs a JSON object body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("the body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            String why = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().lines().findFirst()
                    .orElse("malformed");
            throw Problem.badRequest("the body is not valid JSON (" + truncate(why, 200) + "); nesting is limited to "
                    + Json.MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("the body must be a JSON object");
        }
        if (hasNul(node)) {
            // PostgreSQL's jsonb and text refuse U+0000 anywhere, also in free-form objects such as constraints
            throw Problem.unprocessable("the body contains a NUL character (\\u0000): remove it");
        }
        return (ObjectNode) node;
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    private static boolean hasNul(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') >= 0;
        }
        var fields = node.fieldNames();
        while (fields.hasNext()) {
            if (fields.next().indexOf('\0') >= 0) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (hasNul(child)) {
                return true;
            }
        }
        return false;
    }

    /** The raw body, at most {@code maxBytes} (413 above). */
    static byte[] bytes(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] data = in.readNBytes((int) maxBytes + 1);
            if (data.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return data;
        } catch (IOException e) {
            // the message of a broken connection names server classes: the client learns nothing from it
            throw Problem.badRequest("cannot read the request body: the connection broke or timed out");
        }
    }

    private static Problem tooLarge(long maxBytes) {
        return new Problem(413, "Content Too Large", "the body is larger than " + maxBytes + " bytes");
    }

    static String text(ObjectNode body, String field, boolean required, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw Problem.unprocessable("'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw Problem.unprocessable("'" + field + "' must be a string");
        }
        String s = v.asText();
        if (s.length() > maxLength) {
            throw Problem.unprocessable("'" + field + "' is longer than " + maxLength + " characters");
        }
        if (required && s.isBlank()) {
            throw Problem.unprocessable("'" + field + "' must not be empty");
        }
        if (s.indexOf('\0') >= 0) {
            throw Problem.unprocessable("'" + field + "' contains a NUL character");
        }
        return s;
    }

    static String name(ObjectNode body, String field) {
        String s = text(body, field, true, 64);
        if (!NAME.matcher(s).matches()) {
            throw Problem.unprocessable("'" + field + "' must be 1-64 letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit");
        }
        return s;
    }

    static Integer integer(ObjectNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw Problem.unprocessable("'" + field + "' must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    static List<String> strings(ObjectNode body, String field, int maxItems, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.unprocessable("'" + field + "' must be an array of strings");
        }
        if (v.size() > maxItems) {
            throw Problem.unprocessable("'" + field + "' has more than " + maxItems + " items");
        }
        var out = new ArrayList<String>();
        for (JsonNode x : v) {
            if (!x.isTextual() || x.asText().length() > maxLength || x.asText().indexOf('\0') >= 0) {
                throw Problem.unprocessable("'" + field + "' must hold strings of at most " + maxLength
                        + " characters");
            }
            out.add(x.asText());
        }
        return out;
    }

    static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }
}

package dev.aap.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Base64;

/** Tells a JSON Web Token from other dotted base64url text: its first part must decode to a JSON header with "alg". */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwts() {
    }

    static boolean hasAlgHeader(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return false;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(unpadded(token.substring(0, dot)));
            JsonNode node = JSON.readTree(header);
            return node != null && node.isObject() && node.hasNonNull("alg");
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** The URL decoder accepts missing padding but not a lone trailing character, which is never valid base64. */
    private static String unpadded(String part) {
        return part.length() % 4 == 1 ? part.substring(0, part.length() - 1) : part;
    }
}

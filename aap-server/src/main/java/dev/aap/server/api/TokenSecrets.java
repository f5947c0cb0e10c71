package dev.aap.server.api;

import java.security.SecureRandom;

/** Making API tokens and the hashes they are stored as. */
public final class TokenSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private TokenSecrets() {
    }

    /** A new token: {@code aap_} and 40 random letters and digits (about 238 bits). */
    public static String newToken() {
        var sb = new StringBuilder("aap_");
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** SHA-256 in hex: enough for random tokens of this length, and cheap enough for every request. */
    public static String hash(String token) {
        return sha256(token);
    }

    /** The SHA-256 of the text's UTF-8 bytes, in hex. */
    static String sha256(String text) {
        return dev.aap.core.Digest.sha256(text);
    }
}

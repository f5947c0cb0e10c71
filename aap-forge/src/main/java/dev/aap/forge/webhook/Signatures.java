package dev.aap.forge.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Is a webhook from the forge? GitHub signs the raw body with HMAC-SHA256 ({@code X-Hub-Signature-256:
 * sha256=<hex>}); GitLab sends a shared token ({@code X-Gitlab-Token}). Both are compared in constant time, before
 * the body is parsed.
 */
public final class Signatures {

    private Signatures() {
    }

    /** Whether {@code header} is GitHub's signature of exactly these bytes with this secret. */
    public static boolean github(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty() || header == null || !header.startsWith("sha256=")
                || header.length() != "sha256=".length() + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring("sha256=".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    /** The header GitHub would send for this body: for tests and for tools that replay deliveries. */
    public static String githubHeader(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Whether GitLab's {@code X-Gitlab-Token} equals the configured token. */
    public static boolean gitlab(String token, String header) {
        if (token == null || token.isEmpty() || header == null) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

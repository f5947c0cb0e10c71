package dev.aap.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: how patches, requests and audit records are named without their content. */
public final class Digest {

    private Digest() {
    }

    /** The digest of {@code text}'s UTF-8 bytes (null counts as ""). */
    public static String sha256(String text) {
        return sha256((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

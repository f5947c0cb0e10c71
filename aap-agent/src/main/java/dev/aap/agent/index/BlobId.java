package dev.aap.agent.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Git's object id of a file's bytes, computed here so uncommitted edits are seen without running git per file. */
final class BlobId {

    private BlobId() {
    }

    /** The SHA-1 of {@code "blob <length>\0"} followed by {@code bytes}, in hex, as {@code git hash-object} prints. */
    static String of(byte[] bytes) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}

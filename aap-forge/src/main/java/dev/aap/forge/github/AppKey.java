package dev.aap.forge.github;

import dev.aap.forge.ForgeException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A GitHub App's private key and the short-lived JWTs it signs (RS256; issued 60 s in the past against clock skew,
 * valid nine minutes, under GitHub's ten-minute limit). GitHub hands out PKCS#1 PEM files
 * ({@code BEGIN RSA PRIVATE KEY}); PKCS#8 ({@code BEGIN PRIVATE KEY}) is read too.
 */
public final class AppKey {

    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final long appId;
    private final PrivateKey key;

    public AppKey(long appId, PrivateKey key) {
        this.appId = appId;
        this.key = key;
    }

    public long appId() {
        return appId;
    }

    /** Reads the PEM file GitHub gave for the app; a file that is not one is a one-line error. */
    public static AppKey read(long appId, Path pem) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ForgeException("cannot read the GitHub App key " + pem + " (AAP_GITHUB_APP_PRIVATE_KEY_FILE): "
                    + e.getMessage(), 0);
        }
        boolean pkcs1 = text.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !text.contains("BEGIN PRIVATE KEY")) {
            throw new ForgeException(pem + " is not a PEM private key: download the key from the GitHub App's"
                    + " settings (Private keys) and point AAP_GITHUB_APP_PRIVATE_KEY_FILE at it", 0);
        }
        String b64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(b64);
            byte[] pkcs8 = pkcs1 ? wrap(der) : der;
            return new AppKey(appId, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ForgeException(pem + " holds no readable RSA key: " + e.getMessage(), 0);
        }
    }

    /** A JWT for the app, as of {@code now}. */
    public String jwt(Instant now) {
        long iat = now.getEpochSecond() - 60;
        String header = b64url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64url("{\"iat\":" + iat + ",\"exp\":" + (iat + 600 - 60) + ",\"iss\":\"" + appId + "\"}");
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new ForgeException("cannot sign the GitHub App JWT: " + e.getMessage(), 0);
        }
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: version 0, the rsaEncryption algorithm, the key. */
    private static byte[] wrap(byte[] pkcs1) {
        var inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[]{0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM);
        inner.write(0x04);
        inner.writeBytes(length(pkcs1.length));
        inner.writeBytes(pkcs1);
        byte[] body = inner.toByteArray();
        var out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.length));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[]{(byte) n};
        }
        if (n < 0x100) {
            return new byte[]{(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[]{(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[]{(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
}

package dev.aap.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Makes keys in each provider's format from random characters of the right alphabet and length; none is a real
 * key, none is copied from anywhere.
 */
public final class FakeKeys {

    static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String URL_SAFE = ALNUM + "-_";
    static final String BASE64 = ALNUM + "+/";
    static final String HEX = "0123456789abcdef";
    static final List<String> PRIVATE_KEY_KINDS = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "OPENSSH PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK");
    private static final List<String> ALGS = List.of("HS256", "HS512", "RS256", "ES256", "PS384", "EdDSA");

    private final Random random;

    public FakeKeys(long seed) {
        this.random = new Random(seed);
    }

    /** A single-line key of {@code rule} (every rule but private-key, whose block spans lines). */
    public String key(String rule) {
        return switch (rule) {
            case "aws-access-key" -> pick("AKIA", "ASIA") + chars(UPPER_DIGITS, 16);
            case "aws-secret-key" -> chars(BASE64, 40);
            case "github-token" -> random.nextInt(4) == 0
                    ? "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59)
                    : pick("ghp_", "gho_", "ghu_", "ghs_", "ghr_") + chars(ALNUM, 36);
            case "gitlab-token" -> "glpat-" + chars(URL_SAFE, 20 + random.nextInt(3) * 6);
            case "slack-token" -> "xox" + pick("a", "b", "p", "r", "s") + "-" + digits(11) + "-" + digits(12) + "-"
                    + chars(ALNUM, 24);
            case "openai-key" -> random.nextBoolean() ? "sk-" + chars(ALNUM, 48)
                    : pick("sk-proj-", "sk-svcacct-") + chars(URL_SAFE, 156);
            case "anthropic-key" -> "sk-ant-api03-" + chars(URL_SAFE, 93) + "AA";
            case "google-api-key" -> "AIza" + chars(URL_SAFE, 35);
            case "stripe-key" -> pick("sk_live_", "rk_live_") + chars(ALNUM, 24 + random.nextInt(76));
            case "jwt" -> jwt();
            case "generic-secret" -> genericValue();
            default -> throw new IllegalArgumentException("no single-line key for " + rule);
        };
    }

    /** A random secret as services hand them out: base62, base64 or hex, 20 to 64 characters. */
    String genericValue() {
        return switch (random.nextInt(3)) {
            case 0 -> chars(ALNUM, 20 + random.nextInt(45));
            case 1 -> Base64.getEncoder().encodeToString(bytes(16 + random.nextInt(33)));
            default -> chars(HEX, pick(32, 40, 48, 64));
        };
    }

    /** A PEM or armoured block with 64-column base64 lines, lines joined by {@code newline}. */
    String privateKey(String kind, String newline) {
        var b = new StringBuilder("-----BEGIN ").append(kind).append("-----").append(newline);
        String body = Base64.getEncoder().encodeToString(bytes(200 + random.nextInt(1000)));
        for (int i = 0; i < body.length(); i += 64) {
            b.append(body, i, Math.min(body.length(), i + 64)).append(newline);
        }
        return b.append("-----END ").append(kind).append("-----").toString();
    }

    public String privateKey() {
        return privateKey(PRIVATE_KEY_KINDS.get(random.nextInt(PRIVATE_KEY_KINDS.size())), "\n");
    }

    String jwt() {
        String header = "{\"alg\":\"" + ALGS.get(random.nextInt(ALGS.size())) + "\",\"typ\":\"JWT\"}";
        String payload = "{\"sub\":\"" + chars(ALNUM, 12) + "\",\"iat\":" + (1_700_000_000 + random.nextInt(9_999_999))
                + ",\"scope\":\"" + chars(ALNUM, 6) + "\"}";
        return base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(payload.getBytes(StandardCharsets.UTF_8))
                + "." + base64Url(bytes(pick(32, 64, 256)));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String chars(String alphabet, int n) {
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    String digits(int n) {
        return chars("0123456789", n);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}

package dev.aap.core.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Values that only stand in for a secret (documentation examples, template variables, masks); built in so that
 * README snippets and config templates do not block a patch. Test fixtures are deliberately not here: a real key
 * in a test is still a leak.
 */
final class Placeholders {

    private static final List<Pattern> BUILT_IN = List.of(
            Pattern.compile("(?i)example"),
            Pattern.compile("(?i)your[-_ ]?(?:api[-_ ]?|access[-_ ]?|secret[-_ ]?)?(?:key|token|secret|password)"
                    + "(?:[-_ ]?here)?"),
            Pattern.compile("(?i)changeme|change[-_]me|placeholder|dummy|redacted"),
            Pattern.compile("<[^<>]*>"),
            Pattern.compile("\\$\\{[^}]*}|\\{\\{[^}]*}}|%\\([^)]*\\)s"),
            Pattern.compile("\\*{4,}|\\.{3,}|…"));

    private Placeholders() {
    }

    /** Whether {@code secret} (the matched key or value) is a stand-in rather than a real secret. */
    static boolean isPlaceholder(String secret, String body) {
        for (Pattern p : BUILT_IN) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return allSame(body) || maskedWithX(secret);
    }

    /**
     * "xxxx-xxxx", "sk-XXXXXXXX…": a run of x's that fills a quarter of the value, or eight in a row. Shorter runs
     * occur in random keys (one 1 KB key block in a thousand has "xXxx"), so they do not count.
     */
    static boolean maskedWithX(String secret) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            run = c == 'x' || c == 'X' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest >= 8 || (longest >= 4 && longest * 4 >= secret.length());
    }

    /** "aaaa…", "0000…": a format's prefix followed by one repeated character. */
    static boolean allSame(String body) {
        int first = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            if (first == -1) {
                first = c;
            } else if (c != first) {
                return false;
            }
        }
        return true;
    }
}

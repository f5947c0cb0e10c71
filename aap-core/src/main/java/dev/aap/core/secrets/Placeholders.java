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
            Pattern.compile("(?i)x{4,}"),
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
        return allSame(body);
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

package dev.aap.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds credentials in text that is about to be logged or shown: bearer tokens, aap tokens, provider API keys,
 * {@code password=} and {@code PRIVATE-TOKEN} values and the passwords in database URLs are replaced by {@code ***}.
 */
final class Secrets {

    static final String MASK = "***";

    /** Each pattern matches only the secret itself (look-behinds keep the name), so the mask leaves the context. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)(?<=\\bbearer\\s{1,4})[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("\\baap_[A-Za-z0-9]{8,}"),
            Pattern.compile("\\bsk-(?:ant-)?[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?i)(?<=password[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?)[^\\s&\"',;}]+"),
            Pattern.compile("(?i)(?<=private-token[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?)[^\\s&\"',;}]+"),
            Pattern.compile("(?<=://[^\\s:/@]{1,256}:)[^\\s/@]+(?=@)"));

    private Secrets() {
    }

    /** The text with every credential found replaced by {@code ***}; null stays null. */
    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : PATTERNS) {
            out = p.matcher(out).replaceAll(MASK);
        }
        return out;
    }
}

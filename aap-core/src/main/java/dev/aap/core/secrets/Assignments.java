package dev.aap.core.secrets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal values assigned to secret-like names in the shapes source and config files use: {@code name = "v"},
 * {@code name: v}, {@code "name": "v"}, {@code NAME=v}, {@code name := "v"}, {@code name => 'v'}. A value must look
 * random ({@link Randomness}); an AWS secret access key (40 base64 characters under an aws_secret name) gets its own
 * rule. The pattern is tried only where a keyword is followed by an operator, so ordinary code costs one
 * {@code indexOf} per keyword.
 */
final class Assignments {

    static final String GENERIC = "generic-secret";
    static final String AWS_SECRET = "aws-secret-key";
    /** Each in the three spellings names use (api_key, apiKey, API_KEY), so no lower-cased copy of the text is made. */
    private static final List<String> KEYWORDS = List.of("key", "Key", "KEY", "secret", "Secret", "SECRET", "token",
            "Token", "TOKEN", "passw", "Passw", "PASSW", "pwd", "Pwd", "PWD", "credential", "Credential", "CREDENTIAL",
            "passphrase", "Passphrase", "PASSPHRASE");
    /** Name, optional closing quote, optional type annotation ({@code api_key: str = "..."}), operator, value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<name>[A-Za-z_$][\\w.$-]{0,80}+)[\"']?]?"
                    + "(?:\\s*:\\s*[A-Za-z_][\\w.\\[\\], ]{0,40}?(?=\\s*=))?"
                    + "\\s{0,8}(?::=|=>|=|:)(?!=)\\s{0,8}"
                    + "(?:\"(?<dq>[^\"\\s]{20,500}+)\"|'(?<sq>[^'\\s]{20,500}+)'|`(?<bq>[^`\\s]{20,500}+)`"
                    + "|(?<bare>[^\\s\"'`,;(){}\\[\\]<>&]{20,500}+)(?=[\\s&]|$))");
    private static final Pattern DOTTED_REFERENCE = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+");
    private static final Pattern AWS_NAME = Pattern.compile("(?i).*aws.?secret.*|.*secret.?access.?key.*");
    private static final Pattern AWS_VALUE = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern WORDS = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+");
    private static final Set<String> SECRET_ENDINGS = Set.of("key", "secret", "token", "password", "passwd", "pwd",
            "credential", "credentials", "passphrase", "secrets", "keys", "tokens");
    /** Words that make a secret-sounding name mean something public: a key's id, a token's limit, a secret's path. */
    private static final Set<String> NOT_SECRET = Set.of("public", "pub", "id", "ids", "idempotency", "cache",
            "primary", "foreign", "sort", "partition", "name", "names", "type", "types", "length", "len", "size",
            "count", "max", "min", "limit", "url", "uri", "endpoint", "path", "file", "dir", "header", "prefix",
            "suffix", "field", "column", "format", "pattern", "regex", "hash", "digest", "fingerprint", "version",
            "label", "policy", "expiry", "expires", "ttl", "timeout", "usage", "ref", "arn", "alias");
    private static final Set<String> NOT_KEY_WORDS = Set.of("monkey", "donkey", "turkey", "hockey", "jockey",
            "whiskey", "hotkey");

    private Assignments() {
    }

    /** Appends hits for every assignment of a random-looking literal to a secret-like name. */
    static void find(String text, List<Hit> out) {
        int[] names = new int[64];
        int count = 0;
        for (String keyword : KEYWORDS) {
            for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length())) {
                if (operatorFollowsName(text, at + keyword.length())) {
                    if (count == names.length) {
                        names = Arrays.copyOf(names, count * 2);
                    }
                    names[count++] = nameStart(text, at);
                }
            }
        }
        Arrays.sort(names, 0, count);
        Matcher m = ASSIGNMENT.matcher(text);
        int done = -1;
        for (int i = 0; i < count; i++) {
            int start = names[i];
            if (start <= done) {
                continue;
            }
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            m.region(start, end);
            done = start;
            if (m.lookingAt()) {
                done = m.end();
                String group = m.group("dq") != null ? "dq" : m.group("sq") != null ? "sq"
                        : m.group("bq") != null ? "bq" : "bare";
                String rule = classify(m.group("name"), m.group(group), group.equals("bare"));
                if (rule != null) {
                    out.add(new Hit(rule, m.start(group), m.end(group)));
                }
            }
        }
    }

    /**
     * Whether the rest of the name after a keyword is followed by {@code =} or {@code :} (after a closing quote and
     * blanks): the cheap test that spares the pattern on lines like {@code map.get(key)}.
     */
    private static boolean operatorFollowsName(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && isNameChar(text.charAt(i)) && i - from < 80) {
            i++;
        }
        if (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        if (i < n && text.charAt(i) == ']') {
            i++;
        }
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < n && (text.charAt(i) == '=' || text.charAt(i) == ':');
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '-';
    }

    /** Where the name holding the keyword at {@code at} starts: the match is tried there only, not along the line. */
    private static int nameStart(String text, int at) {
        int i = at;
        while (i > 0 && at - i < 80) {
            char c = text.charAt(i - 1);
            if (!isNameChar(c)) {
                break;
            }
            i--;
        }
        while (i < at && !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    /** The rule a name/value pair breaks, or null. */
    static String classify(String name, String value, boolean bare) {
        if (!isSecretName(name)) {
            return null;
        }
        if (AWS_NAME.matcher(name).matches() && AWS_VALUE.matcher(value).matches()
                && Randomness.entropy(value) >= Randomness.MIN_ENTROPY) {
            return AWS_SECRET;
        }
        if (value.contains("://") || value.startsWith("$") || value.startsWith("%")
                || (bare && DOTTED_REFERENCE.matcher(value).matches())) {
            return null;
        }
        return Randomness.looksRandom(value) ? GENERIC : null;
    }

    /**
     * Splits the name into words (snake, kebab, dotted, camel) and judges them: the last dotted part must hold a
     * secret word ("apiKey", "db.password"), and no part may make it public ("public_key", "cache.key").
     */
    static boolean isSecretName(String name) {
        int lastPart = name.lastIndexOf('.') + 1;
        Matcher w = WORDS.matcher(name);
        boolean secret = false;
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (NOT_SECRET.contains(word)) {
                return false;
            }
            if (w.start() >= lastPart && !NOT_KEY_WORDS.contains(word) && endsWithSecretWord(word)) {
                secret = true;
            }
        }
        return secret;
    }

    private static boolean endsWithSecretWord(String word) {
        for (String ending : SECRET_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return word.startsWith("passw") || word.startsWith("credential");
    }
}

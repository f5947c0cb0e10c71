package dev.aap.core.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds literal values assigned to secret-like names in the shapes source and config files use: {@code name = "v"},
 * {@code name: v}, {@code "name": "v"}, {@code NAME=v}, {@code name := "v"}, {@code name => 'v'}. A value must look
 * random ({@link Randomness}); an AWS secret access key (40 base64 characters under an aws_secret name) gets its own
 * rule. Only lines holding a keyword are matched, so ordinary code costs one {@code indexOf} per keyword.
 */
final class Assignments {

    static final String GENERIC = "generic-secret";
    static final String AWS_SECRET = "aws-secret-key";
    private static final List<String> KEYWORDS = List.of("key", "secret", "token", "passw", "pwd", "credential",
            "passphrase");
    /** Name, optional closing quote, optional type annotation ({@code api_key: str = "..."}), operator, value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w.$-])[\"']?(?<name>[A-Za-z_$][\\w.$-]{0,80})[\"']?"
                    + "(?:\\s*:\\s*[A-Za-z_][\\w.\\[\\], ]{0,40}?(?=\\s*=))?"
                    + "\\s{0,8}(?::=|=>|=|:)(?!=)\\s{0,8}"
                    + "(?:\"(?<dq>[^\"\\s]{20,500})\"|'(?<sq>[^'\\s]{20,500})'|`(?<bq>[^`\\s]{20,500})`"
                    + "|(?<bare>[^\\s\"'`,;(){}\\[\\]<>]{20,500})(?=\\s*(?:#.*|//.*)?$))");
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
    static void find(String text, String lower, List<Hit> out) {
        Matcher m = ASSIGNMENT.matcher(text);
        var lines = new ArrayList<int[]>();
        for (String keyword : KEYWORDS) {
            int at = lower.indexOf(keyword);
            while (at >= 0) {
                int start = text.lastIndexOf('\n', at) + 1;
                int nl = text.indexOf('\n', at);
                int end = nl < 0 ? text.length() : nl;
                lines.add(new int[] {start, end});
                at = lower.indexOf(keyword, end);
            }
        }
        lines.sort((a, b) -> Integer.compare(a[0], b[0]));
        int done = -1;
        for (int[] line : lines) {
            if (line[0] == done) {
                continue;
            }
            done = line[0];
            int end = line[1] > line[0] && text.charAt(line[1] - 1) == '\r' ? line[1] - 1 : line[1];
            matchLine(m, line[0], end, out);
        }
    }

    private static void matchLine(Matcher m, int start, int end, List<Hit> out) {
        m.region(start, end);
        while (m.find()) {
            String name = m.group("name");
            String group = m.group("dq") != null ? "dq" : m.group("sq") != null ? "sq"
                    : m.group("bq") != null ? "bq" : "bare";
            String value = m.group(group);
            String rule = classify(name, value, group.equals("bare"));
            if (rule != null) {
                out.add(new Hit(rule, m.start(group), m.end(group)));
            }
        }
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

    /** Splits the name into words (snake, kebab, dotted, camel) and judges them; "apiKey" yes, "public_key" no. */
    static boolean isSecretName(String name) {
        int dot = name.lastIndexOf('.');
        String last = dot >= 0 && dot < name.length() - 1 ? name.substring(dot + 1) : name;
        Matcher w = WORDS.matcher(last);
        boolean secret = false;
        while (w.find()) {
            String word = w.group().toLowerCase(Locale.ROOT);
            if (NOT_SECRET.contains(word)) {
                return false;
            }
            if (!NOT_KEY_WORDS.contains(word) && endsWithSecretWord(word)) {
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

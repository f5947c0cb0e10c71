package dev.aap.core.secrets;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider's key format: the literal prefixes that start it (found with {@code indexOf}, so text without them
 * costs nothing more), the pattern anchored at such a prefix, and a check on the whole match.
 */
record TokenFormat(String rule, List<String> anchors, Pattern pattern, int maxLength, Predicate<String> valid) {

    TokenFormat {
        anchors = List.copyOf(anchors);
    }

    /** The built-in formats; the order matters only for reading. */
    static List<TokenFormat> builtIn() {
        return List.of(
                of("aws-access-key", List.of("AKIA", "ASIA"), "(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])", 20),
                of("github-token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
                        "gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", 40),
                of("github-token", List.of("github_pat_"), "github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])", 93),
                of("gitlab-token", List.of("glpat-"), "glpat-[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]+)*(?![A-Za-z0-9_-])",
                        300),
                new TokenFormat("slack-token", List.of("xox"),
                        Pattern.compile("xox[abprs]-[A-Za-z0-9][A-Za-z0-9-]{9,}(?![A-Za-z0-9-])"), 300,
                        m -> Randomness.has(m, '0', '9')),
                new TokenFormat("anthropic-key", List.of("sk-ant-"),
                        Pattern.compile("sk-ant-(?:[a-z]+[0-9]{2}-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])"), 300,
                        m -> randomTail(m, "sk-ant-".length())),
                new TokenFormat("openai-key", List.of("sk-"),
                        Pattern.compile("sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])"),
                        400, m -> randomTail(m, 3)),
                of("google-api-key", List.of("AIza"), "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])", 39),
                of("stripe-key", List.of("sk_live_", "rk_live_"), "[sr]k_live_[0-9A-Za-z]{24,}(?![0-9A-Za-z])", 200),
                new TokenFormat("jwt", List.of("eyJ"), Pattern.compile(
                        "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*(?![A-Za-z0-9_.-])"), 16_384,
                        Jwts::hasAlgHeader));
    }

    private static TokenFormat of(String rule, List<String> anchors, String regex, int maxLength) {
        return new TokenFormat(rule, anchors, Pattern.compile(regex), maxLength, m -> true);
    }

    /** A key body with letters and digits that is not hyphenated words ("sk-learn-...", "task-runner-..."). */
    private static boolean randomTail(String match, int from) {
        String tail = match.substring(from);
        return Randomness.has(tail, '0', '9') && (Randomness.has(tail, 'a', 'z') || Randomness.has(tail, 'A', 'Z'))
                && Randomness.meanSegment(tail) <= Randomness.MAX_MEAN_SEGMENT;
    }

    /** Appends this format's hits in {@code text}; {@code matcher} is this format's, reused across anchors. */
    void find(String text, List<Hit> out) {
        Matcher m = pattern.matcher(text);
        for (String anchor : anchors) {
            int at = text.indexOf(anchor);
            while (at >= 0) {
                int next = at + anchor.length();
                if (startsToken(text, at)) {
                    m.region(at, Math.min(text.length(), at + maxLength + 1));
                    if (m.lookingAt() && valid.test(m.group())) {
                        out.add(new Hit(rule, at, m.end()));
                        next = m.end();
                    }
                }
                at = text.indexOf(anchor, next);
            }
        }
    }

    /** A key starts a token: "task-..." holds "sk-" but no key. */
    private static boolean startsToken(String text, int at) {
        if (at == 0) {
            return true;
        }
        char c = text.charAt(at - 1);
        return !(Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}

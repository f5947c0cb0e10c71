package dev.aap.core.secrets;

import dev.aap.core.patch.Patch;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds secrets in text and in a patch's added lines: provider key formats, private key blocks, JWTs, and
 * high-entropy literals assigned to secret-like names. Immutable and thread-safe; one instance serves every run.
 * Each format is found from a literal prefix with {@code indexOf} before any pattern runs, so clean text costs a few
 * vectorised scans.
 */
public final class SecretScanner {

    private static final List<String> RULE_IDS = List.of("aws-access-key", Assignments.AWS_SECRET, "github-token",
            "gitlab-token", "slack-token", "openai-key", "anthropic-key", "google-api-key", PrivateKeys.RULE, "jwt",
            "stripe-key", Assignments.GENERIC);

    private final SecretsConfig config;
    private final List<TokenFormat> formats;
    private final List<Pattern> allowPatterns;
    private final List<PathMatcher> allowPaths;

    private SecretScanner(SecretsConfig config) {
        this.config = config;
        this.formats = TokenFormat.builtIn().stream().filter(f -> enabled(f.rule())).toList();
        this.allowPatterns = config.allowPatterns().stream().map(Pattern::compile).toList();
        this.allowPaths = config.allowPaths().stream()
                .flatMap(g -> g.startsWith("**/") ? Stream.of(g, g.substring(3)) : Stream.of(g))
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** A scanner with every rule on and only the built-in placeholders allowed. */
    public static SecretScanner create() {
        return new SecretScanner(SecretsConfig.defaults());
    }

    /** A scanner honouring a repository's allow-lists; rules set to {@code off} are not run at all. */
    public static SecretScanner create(SecretsConfig config) {
        return new SecretScanner(config);
    }

    /** Every rule id a finding may carry, for configuration checks and documentation. */
    public static List<String> ruleIds() {
        return RULE_IDS;
    }

    public SecretsConfig config() {
        return config;
    }

    /** Secrets in {@code text}, which came from no particular file. */
    public List<Finding> scan(String text) {
        return scan("", text);
    }

    /** Secrets in the content of the file at {@code path}; none when the path is on {@code allow_paths}. */
    public List<Finding> scan(String path, String text) {
        if (isAllowedPath(path)) {
            return List.of();
        }
        List<Hit> hits = hits(text);
        if (hits.isEmpty()) {
            return List.of();
        }
        int[] starts = lineStarts(text);
        var out = new ArrayList<Finding>(hits.size());
        for (Hit h : hits) {
            int idx = lineIndex(starts, h.start());
            out.add(finding(h, path, text, idx + 1, starts, idx));
        }
        return List.copyOf(out);
    }

    /** Secrets in lines a patch adds to {@code path}; a block spanning several added lines is found whole. */
    public List<Finding> scanAddedLines(String path, List<AddedLines.Line> lines) {
        if (lines.isEmpty() || isAllowedPath(path)) {
            return List.of();
        }
        var joined = new StringBuilder();
        int[] starts = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = joined.length();
            joined.append(lines.get(i).text()).append('\n');
        }
        String text = joined.toString();
        var out = new ArrayList<Finding>();
        for (Hit h : hits(text)) {
            int idx = lineIndex(starts, h.start());
            out.add(finding(h, path, text, lines.get(idx).number(), starts, idx));
        }
        return List.copyOf(out);
    }

    /** Secrets in every file's added lines of {@code patch}, files in diff order. */
    public List<Finding> scanAddedLines(Patch patch) {
        var out = new ArrayList<Finding>();
        for (AddedLines file : AddedLines.of(patch)) {
            out.addAll(scanAddedLines(file.path(), file.lines()));
        }
        return List.copyOf(out);
    }

    /** Non-overlapping secret spans in {@code text}, in order; a provider format wins over the generic rule. */
    List<Hit> hits(String text) {
        var found = new ArrayList<Hit>();
        for (TokenFormat f : formats) {
            f.find(text, found);
        }
        if (enabled(PrivateKeys.RULE)) {
            PrivateKeys.find(text, found);
        }
        if (enabled(Assignments.GENERIC) || enabled(Assignments.AWS_SECRET)) {
            var assigned = new ArrayList<Hit>();
            Assignments.find(text, assigned);
            assigned.stream().filter(h -> enabled(h.rule())).forEach(found::add);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Hit::start)
                .thenComparing(h -> h.rule().equals(Assignments.GENERIC))
                .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        var kept = new ArrayList<Hit>();
        for (Hit h : found) {
            if (isAllowed(text.substring(h.start(), h.end()), h.rule())) {
                continue;
            }
            Hit last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || !last.overlaps(h)) {
                kept.add(h);
            } else if (last.rule().equals(Assignments.GENERIC) && !h.rule().equals(Assignments.GENERIC)) {
                kept.set(kept.size() - 1, h);
            }
        }
        return kept;
    }

    private boolean isAllowed(String secret, String rule) {
        if (Placeholders.isPlaceholder(secret, body(secret, rule))) {
            return true;
        }
        for (Pattern p : allowPatterns) {
            if (p.matcher(secret).find()) {
                return true;
            }
        }
        return false;
    }

    /** The part after a format's fixed prefix ("ghp_", "sk-proj-", "AKIA"), where a placeholder repeats one character. */
    private static String body(String secret, String rule) {
        return switch (rule) {
            case "aws-access-key", "google-api-key" -> secret.substring(4);
            case "private-key", "jwt", "generic-secret", "aws-secret-key" -> secret;
            default -> secret.replaceFirst("^(?:[A-Za-z]{2,6}[_-])+", "");
        };
    }

    private boolean enabled(String rule) {
        return config.action(rule) != RuleAction.OFF;
    }

    private boolean isAllowedPath(String path) {
        if (path.isEmpty() || allowPaths.isEmpty()) {
            return false;
        }
        try {
            Path p = Path.of(path);
            return allowPaths.stream().anyMatch(m -> m.matches(p));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static Finding finding(Hit h, String path, String text, int line, int[] starts, int idx) {
        int lineEnd = text.indexOf('\n', starts[idx]);
        int end = Math.min(h.end(), lineEnd < 0 ? text.length() : lineEnd);
        return new Finding(h.rule(), path, line, h.start() - starts[idx], Math.max(end, h.start()) - starts[idx],
                Finding.preview(text.substring(h.start(), h.end())));
    }

    /** Offsets where each line starts; line i (0-based) starts at {@code result[i]}. */
    static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = at + 1;
        }
        return Arrays.copyOf(starts, n);
    }

    /** 0-based index of the line holding {@code offset}. */
    static int lineIndex(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}

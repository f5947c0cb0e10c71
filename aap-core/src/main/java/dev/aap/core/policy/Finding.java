package dev.aap.core.policy;

import java.util.Objects;

/**
 * One thing the review found in a patch, from any check (size and paths, test integrity, secrets, forbidden
 * constructs, the project's own linters), in one shape: the rule, how much it weighs, where, and why.
 *
 * @param rule     a stable id such as {@code max-changed-lines}, {@code test-weakened}, {@code github-token},
 *                 {@code py-shell-true} or {@code ruff:F401}
 * @param severity whether it stops the patch
 * @param path     the repository-relative file, or empty for the patch as a whole
 * @param line     1-based line in the new file, or 0
 * @param message  one line for people, saying what and where
 */
public record Finding(String rule, Severity severity, String path, int line, String message) {

    /** How much a finding weighs: a blocking one stops the patch, a warning goes into pr.md. */
    public enum Severity {
        BLOCK, WARN;

        /** {@code block}, {@code warn} or {@code off} (null) as written in .aap/policy.yaml. */
        public static Severity parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "block" -> BLOCK;
                case "warn" -> WARN;
                case "off" -> null;
                default -> throw new dev.aap.core.BadInputException("'" + text + "' is not block, warn or off");
            };
        }
    }

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }

    /** {@code file:line: message}, the form reasons take in run.json and pr.md. */
    public String reason() {
        if (path.isEmpty()) {
            return message;
        }
        return path + (line > 0 ? ":" + line : "") + ": " + message;
    }
}

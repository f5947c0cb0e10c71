package dev.aap.core.secrets;

import java.util.Objects;

/**
 * One secret found in a text or in a patch's added lines, named by place and rule but never holding the secret itself.
 *
 * @param rule    rule id, such as {@code github-token} or {@code generic-secret}
 * @param path    file the text came from ("" when unknown)
 * @param line    1-based line the secret starts on
 * @param start   0-based column where the secret starts on {@code line}
 * @param end     0-based column after its last character on {@code line} (a multi-line block ends at the line's end)
 * @param preview the first four characters, the rest masked with {@code *}
 */
public record Finding(String rule, String path, int line, int start, int end, String preview) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(preview, "preview");
        if (line < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad place " + line + ":" + start + "-" + end);
        }
    }

    /** "path:line (rule)" for messages to people and to the model. */
    public String place() {
        return (path.isEmpty() ? "" : path + ":") + line + " (" + rule + ")";
    }

    /** Keeps four characters so a person can tell which key it was; a longer tail would help an attacker. */
    static String preview(String secret) {
        int keep = Math.min(4, secret.length());
        return secret.substring(0, keep) + "*".repeat(Math.min(secret.length() - keep, 16));
    }
}

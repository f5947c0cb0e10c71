package dev.aap.core.secrets;

import java.util.Locale;

/** What a repository wants done when a rule finds a secret in a patch. */
public enum RuleAction {
    BLOCK, WARN, OFF;

    /** Parses {@code block|warn|off}, any case; null when the word is none of them. */
    static RuleAction parse(String word) {
        for (RuleAction a : values()) {
            if (a.name().equals(word.strip().toUpperCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}

package dev.aap.core.secrets;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Text with its secrets replaced, and the lines that held them, so an agent can refuse edits through those lines
 * (writing the placeholder back would destroy the real value).
 *
 * @param text  the redacted text; it has as many lines as the original, so line numbers agree
 * @param lines 1-based numbers of the lines that held a secret
 */
public record Redaction(String text, SortedSet<Integer> lines) {

    public Redaction {
        lines = Collections.unmodifiableSortedSet(new TreeSet<>(lines));
    }

    /** Whether anything was replaced. */
    public boolean redacted() {
        return !lines.isEmpty();
    }
}

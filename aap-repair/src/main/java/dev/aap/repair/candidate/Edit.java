package dev.aap.repair.candidate;

import java.util.Objects;

/**
 * One textual replacement in one source file: characters {@code [start, end)} become {@code replacement}.
 *
 * @param file        path relative to the project root, with '/' separators
 * @param start       offset of the first replaced character (0-based, in UTF-16 chars of the file text)
 * @param end         offset just past the last replaced character ({@code start == end} inserts)
 * @param replacement the new text
 * @param line        1-based line of {@code start}, for ranking and reports
 */
public record Edit(String file, int start, int end, String replacement, int line) {

    public Edit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(replacement, "replacement");
        if (start < 0 || end < start || line < 1) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end + " at line " + line);
        }
    }

    /** The file text after this edit. */
    public String applyTo(String text) {
        if (end > text.length()) {
            throw new IllegalArgumentException("edit ends at " + end + " beyond the file's " + text.length() + " chars");
        }
        return text.substring(0, start) + replacement + text.substring(end);
    }
}

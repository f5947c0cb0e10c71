package dev.aap.core.secrets;

import dev.aap.core.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a patch adds to one file, with their line numbers in the new version: what the review step scans, since
 * a secret already on the base branch is not this patch's doing.
 *
 * @param path  file path relative to the repository top level
 * @param lines added lines in order
 */
public record AddedLines(String path, List<Line> lines) {

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

    public AddedLines {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }

    /**
     * One added line.
     *
     * @param number 1-based line number in the file after the patch
     * @param text   the line without its leading {@code +} or line break
     */
    public record Line(int number, String text) {

        public Line {
            Objects.requireNonNull(text, "text");
            if (number < 1) {
                throw new IllegalArgumentException("line numbers start at 1: " + number);
            }
        }
    }

    /** Added lines per file of a unified diff, files in diff order; deleted files and binary changes give none. */
    public static List<AddedLines> of(Patch patch) {
        var out = new ArrayList<AddedLines>();
        String path = null;
        var lines = new ArrayList<Line>();
        int next = 0;
        boolean inHunk = false;
        for (String raw : patch.diff().split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("diff --git ")) {
                flush(out, path, lines);
                path = null;
                inHunk = false;
            } else if (!inHunk && line.startsWith("+++ ")) {
                flush(out, path, lines);
                String target = line.substring(4).strip();
                int tab = target.indexOf('\t');
                target = tab >= 0 ? target.substring(0, tab) : target;
                path = target.equals("/dev/null") ? null : target.startsWith("b/") ? target.substring(2) : target;
            } else if (line.startsWith("@@")) {
                Matcher m = HUNK.matcher(line);
                inHunk = m.find();
                next = inHunk ? Integer.parseInt(m.group(1)) : 0;
            } else if (inHunk && line.startsWith("+")) {
                if (path != null) {
                    lines.add(new Line(next, line.substring(1)));
                }
                next++;
            } else if (inHunk && (line.startsWith(" ") || line.isEmpty())) {
                next++;
            }
        }
        flush(out, path, lines);
        return List.copyOf(out);
    }

    private static void flush(List<AddedLines> out, String path, List<Line> lines) {
        if (path != null && !lines.isEmpty()) {
            out.add(new AddedLines(path, lines));
        }
        lines.clear();
    }
}

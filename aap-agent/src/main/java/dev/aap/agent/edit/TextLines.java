package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.List;

/** Line helpers shared by the locators, the diff and the observations: splitting, comparing, numbering. */
final class TextLines {

    private TextLines() {
    }

    /** Lines with their line ends; a last line without one gets none. */
    static List<String> split(String text) {
        var out = new ArrayList<String>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** Joins lines; an original last line without a line end gets one when new lines follow it. */
    static String join(List<String> lines, String eol) {
        var joined = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            joined.append(l);
            if (i < lines.size() - 1 && !l.endsWith("\n")) {
                joined.append(eol);
            }
        }
        return joined.toString();
    }

    /** The line without its line end. */
    static String bare(String line) {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\n') {
            n--;
            if (n > 0 && line.charAt(n - 1) == '\r') {
                n--;
            }
        }
        return line.substring(0, n);
    }

    /** The file's line end: new lines end like its existing ones. */
    static String eol(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Whitespace-insensitive form of a line: stripped, inner runs of whitespace collapsed to one space. */
    static String key(String line) {
        return bare(line).strip().replaceAll("\\s+", " ");
    }

    /** The line's leading whitespace. */
    static String indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /**
     * The text without view_file's line numbers ({@code "   12| "}) when every non-blank line starts with one:
     * models paste what they were shown.
     */
    static String withoutLineNumbers(String text) {
        List<String> lines = split(text);
        boolean numbered = lines.stream().anyMatch(l -> !bare(l).isBlank())
                && lines.stream().allMatch(l -> bare(l).isBlank() || NUMBERED.matcher(l).lookingAt());
        if (!numbered) {
            return text;
        }
        var sb = new StringBuilder();
        lines.forEach(l -> sb.append(NUMBERED.matcher(l).replaceFirst("")));
        return sb.toString();
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^ *\\d+\\| ?");

    /** 1-based line of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** "12" or "12-14". */
    static String range(int start, int end) {
        return end <= start ? String.valueOf(start) : start + "-" + end;
    }

    /** Lines {@code from..to} numbered like view_file, with {@code context} lines either side. */
    static String view(List<String> lines, int from, int to, int context) {
        var sb = new StringBuilder();
        int a = Math.max(1, from - context);
        int b = Math.min(lines.size(), Math.max(to, from) + context);
        for (int i = a; i <= b; i++) {
            sb.append(String.format("%5d| ", i)).append(bare(lines.get(i - 1))).append('\n');
        }
        return sb.toString();
    }
}

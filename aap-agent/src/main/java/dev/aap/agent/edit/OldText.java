package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code old_text} locator: the model copies the text to change, and it is found exactly, else line by line
 * ignoring whitespace. It must occur once; otherwise the refusal lists every place, or shows the most similar lines.
 */
final class OldText {

    private static final int MAX_LISTED = 10;

    private OldText() {
    }

    /** The change {@code type} makes at the one place {@code oldText} occurs in {@code text}. */
    static Change.Result change(String text, String oldText, EditRequest.Type type, String patch) {
        String eol = TextLines.eol(text);
        String old = TextLines.withoutLineNumbers(blankLinesTrimmed(oldText)).replace("\r\n", "\n");
        if (old.isBlank()) {
            return Change.Result.fail("old_text is empty; copy the lines to change from view_file, without the"
                    + " line numbers");
        }
        String needle = eol.equals("\n") ? old : old.replace("\n", eol);
        var at = new ArrayList<Integer>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            at.add(i);
        }
        if (at.size() > 1) {
            var places = at.stream().map(i -> new int[] {TextLines.lineOf(text, i),
                    TextLines.lineOf(text, i + needle.length() - 1)}).toList();
            return Change.Result.fail(ambiguous(places, ""));
        }
        if (at.size() == 1) {
            return Change.Result.ok(exact(text, at.get(0), at.get(0) + needle.length(), type, patch, eol));
        }
        return loose(text, needle.lines().toList(), type, patch, eol);
    }

    private static Change exact(String text, int from, int to, EditRequest.Type type, String patch, String eol) {
        List<String> lines = TextLines.split(text);
        int first = TextLines.lineOf(text, from);
        int last = TextLines.lineOf(text, to - 1);
        boolean atLineStart = from == 0 || text.charAt(from - 1) == '\n';
        boolean indentBefore = atLineStart || text.substring(text.lastIndexOf('\n', from - 1) + 1, from).isBlank();
        boolean toLineEnd = to == text.length() || text.charAt(to - 1) == '\n' || text.startsWith(eol, to);
        List<String> patchLines = withEol(patch, eol);
        boolean fullLinesInPatch = !patch.isEmpty() && Character.isWhitespace(patch.charAt(0))
                && patch.charAt(0) != '\n';
        return switch (type) {
            case INSERT -> indentBefore ? Change.lines(lines, first, first - 1, patchLines, eol)
                    : Change.chars(text, from, from, inLine(patch, eol));
            case DELETE -> indentBefore && toLineEnd ? Change.lines(lines, first, last, List.of(), eol)
                    : Change.chars(text, from, to, "");
            default -> (atLineStart || (indentBefore && fullLinesInPatch)) && toLineEnd
                    ? Change.lines(lines, first, last, patchLines, eol)
                    : Change.chars(text, from, to, toLineEnd ? inLine(patch, eol).replaceFirst("\r?\n$", "")
                    : inLine(patch, eol));
        };
    }

    /** Whole lines whose whitespace-insensitive form equals the model's lines. */
    private static Change.Result loose(String text, List<String> old, EditRequest.Type type, String patch,
                                       String eol) {
        List<String> lines = TextLines.split(text);
        List<String> keys = lines.stream().map(TextLines::key).toList();
        List<String> want = old.stream().map(TextLines::key).toList();
        var at = new ArrayList<Integer>();
        for (int i = 0; i + want.size() <= keys.size(); i++) {
            if (keys.subList(i, i + want.size()).equals(want)) {
                at.add(i + 1);
            }
        }
        if (at.isEmpty()) {
            return Change.Result.fail("old_text was not found in the file, not even ignoring whitespace. "
                    + Similar.nearestText(lines, old) + "Copy the text exactly from there (without the line"
                    + " numbers), or use line_range.");
        }
        int m = want.size();
        if (at.size() > 1) {
            return Change.Result.fail(ambiguous(at.stream().map(s -> new int[] {s, s + m - 1}).toList(),
                    " (ignoring whitespace)"));
        }
        int start = at.get(0);
        int end = start + m - 1;
        List<String> region = lines.subList(start - 1, end);
        List<String> patchLines = withEol(patch, eol);
        String note = "old_text matched " + (start == end ? "line " + start : "lines " + start + "-" + end)
                + " ignoring whitespace";
        Optional<Similar.Reindent> shift = Similar.Reindent.between(old, region);
        if (shift.isPresent() && type != EditRequest.Type.DELETE && droppedLikeOldText(patchLines, old, region)) {
            patchLines = shift.get().apply(patchLines);
            note += "; the patch was re-indented by " + shift.get().describe() + " to match the file";
        }
        Change c = switch (type) {
            case INSERT -> Change.lines(lines, start, start - 1, patchLines, eol);
            case DELETE -> Change.lines(lines, start, end, List.of(), eol);
            default -> Change.lines(lines, start, end, patchLines, eol);
        };
        return Change.Result.ok(c.withNote(note + "."));
    }

    /** The patch is indented like the model's old_text, not like the file: it made the same slip twice. */
    private static boolean droppedLikeOldText(List<String> patch, List<String> old, List<String> file) {
        int p = Similar.minIndent(patch);
        return Math.abs(p - Similar.minIndent(old)) < Math.abs(p - Similar.minIndent(file));
    }

    private static String ambiguous(List<int[]> places, String how) {
        var sb = new StringBuilder("old_text occurs " + places.size() + " times" + how + ": lines ");
        for (int i = 0; i < Math.min(places.size(), MAX_LISTED); i++) {
            sb.append(i == 0 ? "" : ", ").append(TextLines.range(places.get(i)[0], places.get(i)[1]));
        }
        if (places.size() > MAX_LISTED) {
            sb.append(", ...");
        }
        return sb + "; add surrounding lines to make it unique or use line_range";
    }

    /** Leading and trailing blank lines dropped; the first kept line keeps its indentation. */
    private static String blankLinesTrimmed(String s) {
        List<String> l = s.lines().toList();
        int a = 0;
        int b = l.size();
        while (a < b && l.get(a).isBlank()) {
            a++;
        }
        while (b > a && l.get(b - 1).isBlank()) {
            b--;
        }
        return String.join("\n", l.subList(a, b));
    }

    private static List<String> withEol(String patch, String eol) {
        return TextLines.split(patch).stream().map(l -> TextLines.bare(l) + eol).toList();
    }

    private static String inLine(String patch, String eol) {
        String p = patch.replace("\r\n", "\n");
        return eol.equals("\n") ? p : p.replace("\n", eol);
    }
}

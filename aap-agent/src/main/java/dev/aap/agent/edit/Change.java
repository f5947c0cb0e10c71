package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * An edit worked out in memory, before any check or write: the new text and the line spans where it differs.
 *
 * @param after   the whole new text of the file
 * @param shown   the spans as the model asked for them (what the observation shows and counts)
 * @param changed the same spans without the lines they left as they were (what later line numbers are shifted by)
 * @param notes   what the model should know about how its edit was taken, one sentence each
 */
record Change(String after, List<Span> shown, List<Span> changed, List<String> notes) {

    /**
     * Old lines {@code start..oldEnd} became new lines {@code start..newEnd} (1-based, inclusive; an empty range
     * has its end one before its start). The spans of one change are in order, each numbered as the text reads
     * after the spans before it, so a span's new lines are also its lines in the final text.
     */
    record Span(int start, int oldEnd, int newEnd) {

        int delta() {
            return newEnd - oldEnd;
        }
    }

    /** Either a change or why there is none. */
    record Result(Change change, String problem) {
        static Result ok(Change c) {
            return new Result(c, null);
        }

        static Result fail(String problem) {
            return new Result(null, problem);
        }
    }

    Change {
        shown = List.copyOf(shown);
        changed = List.copyOf(changed);
        notes = List.copyOf(notes);
    }

    Change withNote(String note) {
        var n = new ArrayList<>(notes);
        n.add(note);
        return new Change(after, shown, changed, n);
    }

    /** Lines {@code start..end} of {@code lines} replaced by {@code patch} (lines with their line ends). */
    static Change lines(List<String> lines, int start, int end, List<String> patch, String eol) {
        var out = new ArrayList<String>(lines.subList(0, start - 1));
        out.addAll(patch);
        out.addAll(lines.subList(end, lines.size()));
        Span whole = new Span(start, end, start + patch.size() - 1);
        return new Change(TextLines.join(out, eol), List.of(whole),
                List.of(trimmed(whole, lines.subList(start - 1, end), patch)), List.of());
    }

    /** Characters {@code from..to} of {@code text} replaced by {@code replacement}: a change inside lines. */
    static Change chars(String text, int from, int to, String replacement) {
        int start = TextLines.lineOf(text, from);
        Span s = new Span(start, start + newlines(text.substring(from, to)), start + newlines(replacement));
        return new Change(text.substring(0, from) + replacement + text.substring(to), List.of(s), List.of(s),
                List.of());
    }

    /** The span without the leading and trailing lines that read the same before and after. */
    static Span trimmed(Span s, List<String> old, List<String> now) {
        int head = 0;
        while (head < old.size() && head < now.size()
                && TextLines.bare(old.get(head)).equals(TextLines.bare(now.get(head)))) {
            head++;
        }
        int tail = 0;
        while (tail < old.size() - head && tail < now.size() - head
                && TextLines.bare(old.get(old.size() - 1 - tail))
                        .equals(TextLines.bare(now.get(now.size() - 1 - tail)))) {
            tail++;
        }
        return new Span(s.start() + head, s.oldEnd() - tail, s.newEnd() - tail);
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }
}

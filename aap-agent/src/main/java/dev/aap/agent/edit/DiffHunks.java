package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a {@link UnifiedDiff} to one file, all hunks or none. Each hunk's context and removed lines must be in
 * the file: at the line its header gives, else at the nearest offset, else ignoring whitespace (then its added
 * lines take the file's indentation). The header's counts are not trusted.
 */
final class DiffHunks {

    private DiffHunks() {
    }

    /** The change the diff makes to {@code text}, the contents of {@code rel}; refused when any hunk misses. */
    static Change.Result apply(String rel, String text, String patch) {
        List<UnifiedDiff.FileDiff> files = UnifiedDiff.parse(patch);
        var hunks = new ArrayList<UnifiedDiff.Hunk>();
        for (UnifiedDiff.FileDiff f : files) {
            if (f.path() != null && !UnifiedDiff.names(f.path(), rel)) {
                return Change.Result.fail("the diff is for " + f.path() + ", not for " + rel + ". Send one"
                        + " propose_edit per file, with file_path set to the file the diff changes.");
            }
            if (f.deletes()) {
                return Change.Result.fail("the diff deletes " + rel + "; the agent cannot delete files. Remove"
                        + " what it must not contain instead.");
            }
            hunks.addAll(f.hunks());
        }
        if (hunks.isEmpty()) {
            return Change.Result.fail("the diff has no hunks: after the ---/+++ lines, each change needs an"
                    + " '@@ -12,3 +12,4 @@' line, then ' ' context, '-' removed and '+' added lines");
        }
        List<String> original = TextLines.split(text);
        String eol = TextLines.eol(text);
        var cur = new ArrayList<>(original);
        var spans = new ArrayList<Change.Span>();
        var notes = new ArrayList<String>();
        int delta = 0;
        int floor = 0; // a hunk may not reach back into the lines an earlier hunk wrote
        for (int k = 0; k < hunks.size(); k++) {
            UnifiedDiff.Hunk h = hunks.get(k);
            String label = "hunk " + (k + 1) + (hunks.size() > 1 ? " of " + hunks.size() : "");
            String which = label + " (" + h.header() + ")";
            List<String> old = h.old();
            int pos;
            boolean loose = false;
            if (old.isEmpty()) {
                if (h.oldStart() == null) {
                    return Change.Result.fail(which + " has neither context lines nor line numbers, so there is no"
                            + " telling where it goes; add a few unchanged lines around it with a leading space");
                }
                pos = Math.max(floor, Math.min(cur.size(), h.oldStart() + delta)); // -N,0 adds after line N
            } else {
                int want = h.oldStart() == null ? floor : h.oldStart() - 1 + delta;
                pos = find(cur, old, want, floor, false);
                if (pos < 0) {
                    pos = find(cur, old, want, floor, true);
                    loose = true;
                }
                if (pos < 0) {
                    return Change.Result.fail(missing(rel, text, which, old, original));
                }
                if (loose) {
                    notes.add("H" + label.substring(1) + " matched ignoring whitespace.");
                }
                if (h.oldStart() != null && pos != want) {
                    notes.add("H" + label.substring(1) + " was found at line " + (pos + 1 - delta) + ", not "
                            + h.oldStart() + " as its header said.");
                }
            }
            List<String> block = block(h, cur, pos, loose, eol);
            var whole = new Change.Span(pos + 1, pos + old.size(), pos + block.size());
            Change.Span s = Change.trimmed(whole, cur.subList(pos, pos + old.size()), block);
            if (!block.equals(cur.subList(pos, pos + old.size()))) { // a hunk of context only changes nothing
                spans.add(s.oldEnd() >= s.start() || s.newEnd() >= s.start() ? s : whole);
            }
            cur.subList(pos, pos + old.size()).clear();
            cur.addAll(pos, block);
            delta += block.size() - old.size();
            floor = pos + block.size();
        }
        return Change.Result.ok(new Change(TextLines.join(cur, eol), spans, spans, notes));
    }

    /** Where {@code old} starts in {@code cur} (0-based), closest to {@code want} first; -1 when nowhere. */
    private static int find(List<String> cur, List<String> old, int want, int floor, boolean loose) {
        int last = cur.size() - old.size();
        if (last < floor) {
            return -1;
        }
        int w = Math.max(floor, Math.min(last, want));
        for (int d = 0; d <= last - floor; d++) {
            if (w + d <= last && matches(cur, old, w + d, loose)) {
                return w + d;
            }
            if (d > 0 && w - d >= floor && matches(cur, old, w - d, loose)) {
                return w - d;
            }
        }
        return -1;
    }

    private static boolean matches(List<String> cur, List<String> old, int at, boolean loose) {
        for (int j = 0; j < old.size(); j++) {
            String have = cur.get(at + j);
            boolean same = loose ? TextLines.key(have).equals(TextLines.key(old.get(j)))
                    : TextLines.bare(have).equals(old.get(j));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The hunk's new lines: context as the file has it, added lines re-indented when matched loosely. */
    private static List<String> block(UnifiedDiff.Hunk h, List<String> cur, int pos, boolean loose, String eol) {
        Optional<Similar.Reindent> shift = loose
                ? Similar.Reindent.between(h.old(), cur.subList(pos, pos + h.old().size())) : Optional.empty();
        var out = new ArrayList<String>();
        int j = pos;
        for (UnifiedDiff.Line l : h.lines()) {
            switch (l.kind()) {
                case '+' -> out.add((shift.isPresent() ? shift.get().apply(List.of(l.text())).get(0) : l.text()) + eol);
                case '-' -> j++;
                default -> out.add(cur.get(j++));
            }
        }
        return out;
    }

    private static String missing(String rel, String text, String which, List<String> old, List<String> original) {
        if (text.isEmpty()) {
            return which + " expects lines in " + rel + ", which is empty or does not exist; a diff that creates"
                    + " a file has only '+' lines ('@@ -0,0 +1,N @@')";
        }
        return which + " does not fit " + rel + ": its context and '-' lines are not in the file, not even ignoring"
                + " whitespace. " + Similar.nearestText(original, old) + "Nothing was changed. Make the hunk's ' '"
                + " and '-' lines read exactly like the file (view_file shows it), or use old_text.";
    }
}

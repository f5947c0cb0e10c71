package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff sent as {@code patch}: models send one where new text was asked for. It is parsed leniently (hunk
 * counts are not trusted, a blank context line may lack its space, a ```diff fence is dropped) and never written
 * as text; {@link DiffHunks} applies it.
 */
final class UnifiedDiff {

    private static final Pattern HUNK = Pattern.compile("^@@\\s*-(\\d+)(?:,(\\d+))?\\s+\\+(\\d+)(?:,(\\d+))?\\s*@@");

    /** One line of a hunk: {@code ' '} context, {@code '-'} removed, {@code '+'} added. */
    record Line(char kind, String text) {
    }

    /**
     * One hunk.
     *
     * @param oldStart the old start line its header gives, or null when the header has no numbers
     * @param header   the {@code @@} line as the model wrote it
     */
    record Hunk(Integer oldStart, String header, List<Line> lines) {
        Hunk {
            lines = List.copyOf(lines);
        }

        /** The lines the file must have: context and removed, in order. */
        List<String> old() {
            return lines.stream().filter(l -> l.kind() != '+').map(Line::text).toList();
        }
    }

    /** The hunks for one file; {@code path} is null in a diff without {@code ---}/{@code +++} headers. */
    record FileDiff(String path, boolean deletes, List<Hunk> hunks) {
    }

    private UnifiedDiff() {
    }

    /** Whether the patch is a unified diff rather than new text. */
    static boolean looksLike(String patch) {
        List<String> l = body(patch);
        if (l.isEmpty()) {
            return false;
        }
        String first = l.get(0);
        return first.startsWith("diff --git ") || HUNK.matcher(first).lookingAt()
                || (first.startsWith("--- ") && l.size() > 1 && l.get(1).startsWith("+++ "));
    }

    /** The diff's file sections in order; hunks before any header form one section without a path. */
    static List<FileDiff> parse(String patch) {
        List<String> l = body(patch);
        var files = new ArrayList<FileDiff>();
        var section = new Section();
        for (int i = 0; i < l.size(); i++) {
            String s = l.get(i);
            if (s.startsWith("diff --git ")) {
                section = section.next(files);
                section.path = name(s.substring(s.lastIndexOf(' ') + 1));
                section.fromGit = true;
            } else if (s.startsWith("--- ") && i + 1 < l.size() && l.get(i + 1).startsWith("+++ ")) {
                if (!section.fromGit || section.named || !section.hunks.isEmpty() || section.open != null) {
                    section = section.next(files);
                }
                String newName = name(l.get(i + 1).substring(4));
                section.deletes = newName == null;
                section.path = section.deletes ? name(s.substring(4)) : newName;
                section.named = true;
                i++;
            } else if (s.startsWith("@@")) {
                section.closeHunk();
                Matcher m = HUNK.matcher(s);
                section.open = new Hunk(m.lookingAt() ? Integer.valueOf(m.group(1)) : null, s.strip(), List.of());
            } else if (section.open != null && !s.startsWith("\\")) {
                section.lines.add(s.isEmpty() ? new Line('e', "") // a blank context line whose space was lost
                        : switch (s.charAt(0)) {
                            case '+', '-', ' ' -> new Line(s.charAt(0), s.substring(1));
                            default -> new Line(' ', s); // a context line without its leading space
                        });
            }
        }
        section.next(files);
        return files;
    }

    /** A file section while it is parsed. */
    private static final class Section {
        String path;
        boolean deletes;
        boolean fromGit;
        boolean named;
        final List<Hunk> hunks = new ArrayList<>();
        Hunk open;
        List<Line> lines = new ArrayList<>();

        void closeHunk() {
            if (open == null) {
                return;
            }
            int n = lines.size();
            while (n > 0 && lines.get(n - 1).kind() == 'e') { // trailing empty lines end the message, not the hunk
                n--;
            }
            hunks.add(new Hunk(open.oldStart(), open.header(), lines.subList(0, n).stream()
                    .map(x -> x.kind() == 'e' ? new Line(' ', "") : x).toList()));
            open = null;
            lines = new ArrayList<>();
        }

        /** Adds this section to {@code files} when it holds anything and starts the next. */
        Section next(List<FileDiff> files) {
            closeHunk();
            if (path != null || !hunks.isEmpty()) {
                files.add(new FileDiff(path, deletes, hunks));
            }
            return new Section();
        }
    }

    /** Whether the diff names {@code rel}: the same path, give or take a/ b/ prefixes and leading directories. */
    static boolean names(String path, String rel) {
        return path.equals(rel) || rel.endsWith("/" + path) || path.endsWith("/" + rel);
    }

    /** The path in a {@code ---}/{@code +++} line without a/ b/, quotes or timestamp; null for /dev/null. */
    private static String name(String raw) {
        String p = raw.split("\t", 2)[0].strip();
        if (p.length() > 1 && p.startsWith("\"") && p.endsWith("\"")) {
            p = p.substring(1, p.length() - 1);
        }
        if (p.equals("/dev/null")) {
            return null;
        }
        if (p.startsWith("a/") || p.startsWith("b/")) {
            p = p.substring(2);
        }
        return p.startsWith("./") ? p.substring(2) : p;
    }

    /** The lines of the patch without a surrounding ``` fence and leading blank lines. */
    private static List<String> body(String patch) {
        var l = new ArrayList<>(patch.replace("\r\n", "\n").lines().toList());
        while (!l.isEmpty() && l.get(0).isBlank()) {
            l.remove(0);
        }
        if (!l.isEmpty() && l.get(0).strip().startsWith("```")) {
            l.remove(0);
            int last = l.size() - 1;
            while (last >= 0 && l.get(last).isBlank()) {
                last--;
            }
            if (last >= 0 && l.get(last).strip().equals("```")) {
                l.subList(last, l.size()).clear();
            }
        }
        return l;
    }
}

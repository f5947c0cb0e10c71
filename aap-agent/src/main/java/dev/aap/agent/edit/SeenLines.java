package dev.aap.agent.edit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the model last saw at each line number of each file (from view_file and from edit observations), so an edit
 * by line numbers taken from an outdated view is refused instead of landing on the wrong lines. What a turn shows
 * counts from the next turn on: the calls of one turn were all written before any of their results were read.
 */
final class SeenLines {

    private final Map<String, Map<Integer, String>> seen = new HashMap<>();
    private final Map<String, Map<Integer, String>> shownThisTurn = new HashMap<>();

    /** The model is shown {@code lines} (without line ends) from line {@code first} on. */
    void shown(String file, int first, List<String> lines) {
        Map<Integer, String> m = shownThisTurn.computeIfAbsent(file, f -> new HashMap<>());
        for (int i = 0; i < lines.size(); i++) {
            m.put(first + i, TextLines.bare(lines.get(i)));
        }
    }

    void beginTurn() {
        shownThisTurn.forEach((file, m) -> seen.computeIfAbsent(file, f -> new HashMap<>()).putAll(m));
        shownThisTurn.clear();
    }

    /**
     * The refusal when the model saw lines {@code start..end} reading otherwise than lines {@code at..} of
     * {@code current} (the same lines, moved by this turn's earlier edits) read now.
     */
    Optional<String> stale(String file, int start, int end, List<String> current, int at) {
        Map<Integer, String> m = seen.getOrDefault(file, Map.of());
        boolean changed = false;
        for (int i = start; i <= end && !changed; i++) {
            int now = at + i - start;
            changed = m.containsKey(i) && now <= current.size()
                    && !m.get(i).equals(TextLines.bare(current.get(now - 1)));
        }
        if (!changed) {
            return Optional.empty();
        }
        int to = Math.min(current.size(), at + end - start);
        shown(file, at, current.subList(at - 1, to));
        String them = start == end ? "it" : "them";
        var sb = new StringBuilder((start == end ? "line " + start : "lines " + start + "-" + end)
                + " changed since you last viewed " + them + " (edits move the lines below them); "
                + (at == start ? "" : "taken as " + TextLines.range(at, to) + " after this turn's earlier edits, ")
                + (start == end ? "it now reads" : "they now read") + ":\n" + TextLines.view(current, at, to, 0));
        int moved = movedTo(m, start, end, current, at);
        if (moved > 0) {
            int movedEnd = moved + end - start;
            shown(file, moved, current.subList(moved - 1, movedEnd));
            sb.append("What you saw there is now at ").append(start == end ? "line " : "lines ")
                    .append(TextLines.range(moved, movedEnd)).append(":\n")
                    .append(TextLines.view(current, moved, movedEnd, 0))
                    .append("If you meant that, send the edit for ").append(TextLines.range(moved, movedEnd))
                    .append("; if you meant what ").append(TextLines.range(at, to))
                    .append(" holds now, send it again.");
        } else {
            sb.append("If these are the lines you mean, send the edit again; otherwise use the line numbers of a"
                    + " fresh view_file, or old_text.");
        }
        return Optional.of(sb.toString());
    }

    /** Where the lines the model saw at {@code start..end} are now, nearest to {@code at} first; 0 when nowhere. */
    private static int movedTo(Map<Integer, String> seen, int start, int end, List<String> current, int at) {
        for (int i = start; i <= end; i++) {
            if (!seen.containsKey(i)) {
                return 0;
            }
        }
        int n = end - start + 1;
        for (int d = 1; d <= current.size(); d++) {
            for (int p : new int[] {at + d, at - d}) {
                if (p >= 1 && p + n - 1 <= current.size() && sameAt(seen, start, n, current, p)) {
                    return p;
                }
            }
        }
        return 0;
    }

    private static boolean sameAt(Map<Integer, String> seen, int start, int n, List<String> current, int p) {
        for (int j = 0; j < n; j++) {
            if (!seen.get(start + j).equals(TextLines.bare(current.get(p - 1 + j)))) {
                return false;
            }
        }
        return true;
    }
}

package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The edits applied to each file in the current model turn. A model that sends several edits in one turn took all
 * their line numbers from the same view, so a later line range is moved by the earlier edits above it, and refused
 * when it reaches into lines an earlier edit changed.
 */
final class TurnEdits {

    private final Map<String, List<Change.Span>> byFile = new HashMap<>();

    /** Either the range in the file's current numbering, or why it cannot be used. */
    record Rebased(int start, int end, String problem) {
    }

    void clear() {
        byFile.clear();
    }

    void record(String file, List<Change.Span> changed) {
        byFile.computeIfAbsent(file, f -> new ArrayList<>()).addAll(changed);
    }

    /**
     * Lines {@code start..end} as numbered before this turn's edits (an insert has {@code end == start - 1}),
     * numbered as the file reads now.
     */
    Rebased rebase(String file, int start, int end) {
        int s = start;
        int e = end;
        List<Change.Span> spans = byFile.getOrDefault(file, List.of());
        for (int k = 0; k < spans.size(); k++) {
            Change.Span x = spans.get(k);
            if (s <= x.oldEnd() && e >= x.start()) {
                int offset = s - start;
                int from = Math.max(s, x.start()) - offset;
                int to = Math.max(from, Math.min(e, x.oldEnd()) - offset);
                int viewFrom = forward(spans, k + 1, Math.min(s, x.start()));
                int viewTo = forward(spans, k + 1, Math.max(e + x.delta(), x.newEnd()));
                String what = x.oldEnd() < x.start() ? "lines were inserted before line " + from
                        : (from == to ? "line " + from + " was" : "lines " + from + "-" + to + " were") + " changed";
                return new Rebased(0, 0, what + " by an earlier edit in this turn; view lines "
                        + Math.max(1, viewFrom - 2) + "-" + (viewTo + 2)
                        + " again and re-issue this edit (or locate it with old_text)");
            }
            if (s > x.oldEnd()) {
                s += x.delta();
                e += x.delta();
            }
        }
        return new Rebased(s, e, null);
    }

    /** A line after span {@code from - 1}, moved by the spans from {@code from} on (lines inside one stay put). */
    private static int forward(List<Change.Span> spans, int from, int line) {
        int l = line;
        for (int k = from; k < spans.size(); k++) {
            if (l > spans.get(k).oldEnd()) {
                l += spans.get(k).delta();
            }
        }
        return l;
    }
}

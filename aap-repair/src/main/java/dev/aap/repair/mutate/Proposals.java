package dev.aap.repair.mutate;

import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.candidate.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the operators propose for one file, keeps only edits starting on suspicious lines, and turns them
 * into ranked candidates: duplicates by resulting text removed (highest prior wins), no-ops dropped, each line
 * capped.
 */
final class Proposals {

    private final String file;
    private final SourceText source;
    private final Set<Integer> lines;
    private final List<Candidate> raw = new ArrayList<>();

    Proposals(String file, SourceText source, Set<Integer> lines) {
        this.file = file;
        this.source = source;
        this.lines = Set.copyOf(lines);
    }

    /** Replace {@code [start, end)} of the original text. */
    void replace(int start, int end, String replacement, String operator, String description, double prior) {
        int line = source.lineOf(start);
        if (lines.contains(line)) {
            raw.add(Candidate.single(new Edit(file, start, end, replacement, line), operator, description, prior));
        }
    }

    boolean wants(int line) {
        return lines.contains(line);
    }

    List<Candidate> ranked(int perLine) {
        List<Candidate> sorted = new ArrayList<>(raw);
        // stable: among equal priors the operators' own order (nearest variables first, ...) is kept
        sorted.sort(Comparator.comparingDouble(Candidate::prior).reversed());
        Set<String> seen = new HashSet<>();
        Map<Integer, Integer> perLineCount = new HashMap<>();
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : sorted) {
            String key = resultKey(c.edits());
            if (key == null || !seen.add(key)) {
                continue;
            }
            int count = perLineCount.merge(c.line(), 1, Integer::sum);
            if (count <= perLine) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A key equal for two edit lists exactly when they produce the same text: the minimal differing window of the
     * result against the original. Null when the edits change nothing.
     */
    private String resultKey(List<Edit> edits) {
        String text = source.text();
        int from = edits.stream().mapToInt(Edit::start).min().orElseThrow();
        int to = edits.stream().mapToInt(Edit::end).max().orElseThrow();
        List<Edit> shifted = edits.stream()
                .map(e -> new Edit(e.file(), e.start() - from, e.end() - from, e.replacement(), e.line())).toList();
        String region = new Candidate(shifted, "key", "key", 1).applyTo(text.substring(from, to));
        int n = text.length();
        int len = n - (to - from) + region.length();
        int p = from;
        while (p < Math.min(n, len) && charAt(text, region, from, to, p) == text.charAt(p)) {
            p++;
        }
        if (p == n && len == n) {
            return null;
        }
        int s = n - to;
        while (s < Math.min(n, len) - p && charAt(text, region, from, to, len - 1 - s) == text.charAt(n - 1 - s)) {
            s++;
        }
        s = Math.min(s, Math.min(n, len) - p);
        StringBuilder middle = new StringBuilder();
        for (int i = p; i < len - s; i++) {
            middle.append(charAt(text, region, from, to, i));
        }
        return p + ":" + (n - p - s) + ":" + middle;
    }

    private static char charAt(String text, String region, int from, int to, int i) {
        if (i < from) {
            return text.charAt(i);
        }
        if (i < from + region.length()) {
            return region.charAt(i - from);
        }
        return text.charAt(i - from - region.length() + to);
    }
}

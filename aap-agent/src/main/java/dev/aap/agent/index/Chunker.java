package dev.aap.agent.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a file into chunks: one per outermost method or function, one per type for its header and fields, and
 * windows of about 60 lines for whatever no definition covers (whole files for Markdown, YAML, XML and the like).
 */
final class Chunker {

    static final int WINDOW = 60;
    /** A definition longer than this is split into windows, so a hit points near the match. */
    static final int MAX_LINES = 150;

    private Chunker() {
    }

    static List<Chunk> chunks(String file, String text, List<Definition> definitions) {
        List<String> lines = text.lines().toList();
        int n = lines.size();
        boolean[] covered = new boolean[n + 2];
        var out = new ArrayList<Chunk>();
        var callables = definitions.stream().filter(d -> d.symbol().isCallable())
                .sorted(Comparator.comparingInt(d -> d.symbol().startLine())).toList();
        int coveredTo = 0;
        for (Definition d : callables) {
            Symbol s = d.symbol();
            if (s.startLine() <= coveredTo || s.startLine() > n) {
                continue; // nested in an earlier callable, which already holds its lines
            }
            int from = Math.max(d.docLine(), coveredTo + 1);
            int to = Math.min(s.endLine(), n);
            emit(out, file, lines, range(from, to), d, covered);
            coveredTo = to;
        }
        var types = definitions.stream().filter(d -> !d.symbol().isCallable())
                .sorted(Comparator.comparingInt(d -> d.symbol().endLine() - d.symbol().startLine())).toList();
        for (Definition d : types) {
            int from = Math.max(1, d.docLine());
            int to = Math.min(d.symbol().endLine(), n);
            var own = new ArrayList<Integer>();
            for (int i = from; i <= to; i++) {
                if (!covered[i]) {
                    own.add(i);
                }
            }
            emit(out, file, lines, own, d, covered);
            for (int i = from; i <= to; i++) {
                covered[i] = true;
            }
        }
        var rest = new ArrayList<Integer>();
        for (int i = 1; i <= n; i++) {
            if (!covered[i]) {
                rest.add(i);
            }
        }
        for (List<Integer> window : windows(rest, WINDOW, true)) {
            add(out, file, lines, window, "", "text");
        }
        out.sort(Comparator.comparingInt(Chunk::startLine));
        return out;
    }

    private static void emit(List<Chunk> out, String file, List<String> lines, List<Integer> own, Definition d,
                             boolean[] covered) {
        String name = d.container().isEmpty() ? d.symbol().name() : d.container() + "." + d.symbol().name();
        var parts = own.size() > MAX_LINES ? windows(own, WINDOW, false) : List.of(own);
        for (List<Integer> part : parts) {
            add(out, file, lines, part, name, d.symbol().kind());
        }
        own.forEach(i -> covered[i] = true);
    }

    private static void add(List<Chunk> out, String file, List<String> lines, List<Integer> part, String symbol,
                            String kind) {
        int first = 0;
        int last = part.size() - 1;
        while (first <= last && lines.get(part.get(first) - 1).isBlank()) {
            first++;
        }
        while (last >= first && lines.get(part.get(last) - 1).isBlank()) {
            last--;
        }
        if (first > last) {
            return;
        }
        part = part.subList(first, last + 1);
        var text = new StringBuilder();
        int previous = -1;
        for (int i : part) {
            if (previous != -1 && i != previous + 1) {
                text.append("    ...\n");
            }
            text.append(lines.get(i - 1)).append('\n');
            previous = i;
        }
        out.add(new Chunk(file, part.getFirst(), part.getLast(), symbol, kind, text.toString()));
    }

    /** Groups of at most {@code size} lines; with {@code splitAtGaps}, a gap in the numbering also ends a group. */
    private static List<List<Integer>> windows(List<Integer> lines, int size, boolean splitAtGaps) {
        var out = new ArrayList<List<Integer>>();
        var current = new ArrayList<Integer>();
        for (int i : lines) {
            boolean gap = splitAtGaps && !current.isEmpty() && i != current.getLast() + 1;
            if (current.size() == size || gap) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(i);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static List<Integer> range(int from, int to) {
        var out = new ArrayList<Integer>(Math.max(0, to - from + 1));
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}

package dev.aap.agent.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the model wrote compared with what the file has: the most similar region (so a refusal shows text the model
 * can copy) and the indentation the model dropped or added (so a whitespace-insensitive match can be re-indented).
 */
final class Similar {

    private Similar() {
    }

    /** Lines {@code start..end} (1-based) of the file, and how alike they are (0..1). */
    record Region(int start, int end, double score) {
    }

    /** The window of the file's lines most like {@code wanted} line by line; empty for an empty file. */
    static Optional<Region> nearest(List<String> file, List<String> wanted) {
        if (file.isEmpty() || wanted.isEmpty()) {
            return Optional.empty();
        }
        int m = Math.min(wanted.size(), file.size());
        List<Set<Integer>> want = wanted.subList(0, m).stream().map(Similar::bigrams).toList();
        List<String> wantKeys = wanted.subList(0, m).stream().map(TextLines::key).toList();
        List<Set<Integer>> have = file.stream().map(Similar::bigrams).toList();
        List<String> haveKeys = file.stream().map(TextLines::key).toList();
        Region best = null;
        for (int i = 0; i + m <= file.size(); i++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                sum += haveKeys.get(i + j).equals(wantKeys.get(j)) ? 1 : dice(have.get(i + j), want.get(j));
            }
            if (best == null || sum / m > best.score()) {
                best = new Region(i + 1, i + m, sum / m);
            }
        }
        return Optional.of(best);
    }

    /** "The most similar lines are 40-42:" and those lines numbered, or a sentence saying nothing is alike. */
    static String nearestText(List<String> file, List<String> wanted) {
        Optional<Region> r = nearest(file, wanted).filter(x -> x.score() > 0.2);
        if (r.isEmpty()) {
            return "Nothing in the file resembles it; view the file to see what it holds.";
        }
        return "The most similar lines are " + TextLines.range(r.get().start(), r.get().end()) + ":\n"
                + TextLines.view(file, r.get().start(), r.get().end(), 0);
    }

    /**
     * The uniform indentation change that turns the model's lines into the file's lines (e.g. the model dropped four
     * leading spaces on every line); empty when there is none or it differs between lines.
     *
     * @param add   leading whitespace to put before each of the model's non-blank lines
     * @param strip leading whitespace characters to take off instead
     */
    record Reindent(String add, int strip) {

        static Optional<Reindent> between(List<String> model, List<String> file) {
            Reindent found = null;
            for (int i = 0; i < Math.min(model.size(), file.size()); i++) {
                if (TextLines.key(model.get(i)).isEmpty()) {
                    continue;
                }
                String m = TextLines.indent(model.get(i));
                String f = TextLines.indent(file.get(i));
                Reindent r = f.endsWith(m) ? new Reindent(f.substring(0, f.length() - m.length()), 0)
                        : m.endsWith(f) ? new Reindent("", m.length() - f.length()) : null;
                if (r == null || (found != null && !found.equals(r))) {
                    return Optional.empty();
                }
                found = r;
            }
            return Optional.ofNullable(found).filter(r -> !r.add().isEmpty() || r.strip() > 0);
        }

        /** Shifts each non-blank line; a line with less indentation than {@code strip} loses what it has. */
        List<String> apply(List<String> lines) {
            var out = new ArrayList<String>(lines.size());
            for (String l : lines) {
                if (TextLines.key(l).isEmpty()) {
                    out.add(l);
                } else {
                    String ind = TextLines.indent(l);
                    out.add(add + l.substring(Math.min(strip, ind.length())));
                }
            }
            return out;
        }

        /** "+4 spaces", "+1 tab" or "-4" for the observation. */
        String describe() {
            if (add.isEmpty()) {
                return "-" + strip;
            }
            long tabs = add.chars().filter(c -> c == '\t').count();
            return tabs == add.length() ? "+" + tabs + (tabs == 1 ? " tab" : " tabs")
                    : tabs == 0 ? "+" + add.length() + (add.length() == 1 ? " space" : " spaces")
                    : "+" + add.length() + " whitespace characters";
        }
    }

    /** Smallest leading whitespace over the non-blank lines. */
    static int minIndent(List<String> lines) {
        return lines.stream().filter(l -> !TextLines.key(l).isEmpty()).mapToInt(l -> TextLines.indent(l).length())
                .min().orElse(0);
    }

    private static Set<Integer> bigrams(String line) {
        String k = TextLines.key(line);
        var out = new HashSet<Integer>();
        for (int i = 0; i + 1 < k.length(); i++) {
            out.add((k.charAt(i) << 16) | k.charAt(i + 1));
        }
        return out;
    }

    private static double dice(Set<Integer> a, Set<Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (Integer x : a) {
            if (b.contains(x)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}

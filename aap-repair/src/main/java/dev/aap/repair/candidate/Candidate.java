package dev.aap.repair.candidate;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One proposed fix: edits to a single file, the operator that made it and how likely that operator is to fix a bug.
 *
 * @param edits       non-overlapping edits to one file
 * @param operator    operator family name, e.g. {@code relational-operator}, {@code swap-arguments}
 * @param description human-readable summary, e.g. {@code "replace '<' with '<='"}
 * @param prior       how often this kind of change fixes real one-line bugs, in (0, 1]; used for ordering
 */
public record Candidate(List<Edit> edits, String operator, String description, double prior) {

    public Candidate {
        edits = List.copyOf(edits);
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one edit");
        }
        String file = edits.get(0).file();
        if (edits.stream().anyMatch(e -> !e.file().equals(file))) {
            throw new IllegalArgumentException("all edits of a candidate must touch one file");
        }
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(description, "description");
        if (!(prior > 0 && prior <= 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1]: " + prior);
        }
    }

    public static Candidate single(Edit edit, String operator, String description, double prior) {
        return new Candidate(List.of(edit), operator, description, prior);
    }

    public String file() {
        return edits.get(0).file();
    }

    /** First edited line. */
    public int line() {
        return edits.stream().mapToInt(Edit::line).min().orElseThrow();
    }

    /** The file text after all edits (applied from the end so offsets stay valid). */
    public String applyTo(String text) {
        var ordered = edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed()).toList();
        String out = text;
        int lastStart = Integer.MAX_VALUE;
        for (Edit e : ordered) {
            if (e.end() > lastStart) {
                throw new IllegalArgumentException("overlapping edits in candidate: " + description);
            }
            out = e.applyTo(out);
            lastStart = e.start();
        }
        return out;
    }
}

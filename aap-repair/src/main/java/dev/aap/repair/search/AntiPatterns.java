package dev.aap.repair.search;

import java.util.List;
import java.util.Set;

/**
 * The overfitting guard: recognizes changes that tend to make tests pass without fixing the program (the repair
 * anti-patterns of Tan et al., FSE 2016), from the change itself, so that such patches rank last.
 */
final class AntiPatterns {

    /** The languages whose methods can be read; a file of any other kind is only judged by where it is. */
    enum Language {
        JAVA, PYTHON, OTHER;

        static Language of(String file) {
            return file.endsWith(".java") ? JAVA : file.endsWith(".py") ? PYTHON : OTHER;
        }
    }

    /**
     * What the failing tests reached: the files they executed and the file holding the most suspicious line.
     * Empty sets mean unknown (no judgement on reach).
     */
    record Reach(Set<String> executedByFailing, String topFile) {

        Reach {
            executedByFailing = Set.copyOf(executedByFailing);
        }

        static Reach unknown() {
            return new Reach(Set.of(), null);
        }
    }

    private AntiPatterns() {
    }

    /**
     * Why a candidate is an anti-pattern, or null when it is none.
     *
     * @param python the interpreter that parses Python files (only read for {@link Language#PYTHON})
     */
    static String classify(Language language, String file, String original, String candidate, String operator,
                           Reach reach, String python) {
        if (reach.topFile() != null && !reach.executedByFailing().isEmpty()
                && !reach.executedByFailing().contains(file) && !file.equals(reach.topFile())) {
            return "changes " + file + ", which no failing test executes, instead of " + reach.topFile();
        }
        int line = firstChangedLine(original, candidate);
        if (line < 0) {
            return null;
        }
        MethodFacts before;
        MethodFacts after;
        switch (language) {
            case JAVA -> {
                before = JavaFacts.at(original, line);
                after = JavaFacts.at(candidate, line);
            }
            case PYTHON -> {
                List<MethodFacts> both = PythonFacts.at(python, List.of(original, candidate), line);
                before = both.get(0);
                after = both.get(1);
            }
            default -> {
                return null;
            }
        }
        if (before == null || after == null) {
            return null;
        }
        String why = compare(before, after, line, lastChangedLine(original, candidate));
        return why == null ? null : why + " (" + operator + ")";
    }

    /** The anti-pattern a method's change shows; lines from..to (1-based, in the new text) are the changed ones. */
    static String compare(MethodFacts before, MethodFacts after, int from, int to) {
        if (after.conditions().size() < before.conditions().size()) {
            return "deletes a condition";
        }
        for (int i = 0; i < before.conditions().size(); i++) {
            var b = before.conditions().get(i);
            var a = after.conditions().get(i);
            if (a.constant() && !b.constant()) {
                return "makes the condition '" + b.text() + "' constant ('" + a.text() + "')";
            }
        }
        if (after.exits() < before.exits()) {
            return "removes a return or throw";
        }
        if (after.returnLines().size() > before.returnLines().size()) {
            for (int r : after.returnLines()) {
                if (r >= from && r <= to && r != after.lastStatementLine()) {
                    return "inserts a return before the method's last statement";
                }
            }
        }
        if (after.initializer() && after.assigns().size() == before.assigns().size()) {
            for (int i = 0; i < after.assigns().size(); i++) {
                var b = before.assigns().get(i);
                var a = after.assigns().get(i);
                if (a.target().equals(b.target()) && !a.value().equals(b.value()) && a.field() != null
                        && !a.field().equals(a.target()) && !a.field().equals(b.field())) {
                    return "makes field '" + a.target() + "' hold field '" + a.field() + "' in an initializer";
                }
            }
        }
        return null;
    }

    /** 1-based first line that differs, or -1 when the texts are equal. */
    static int firstChangedLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int i = 0;
        while (i < x.length && i < y.length && x[i].equals(y[i])) {
            i++;
        }
        return i == x.length && i == y.length ? -1 : i + 1;
    }

    /** 1-based last changed line of the new text (at least the first changed line). */
    static int lastChangedLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int first = firstChangedLine(a, b) - 1;
        int suffix = 0;
        while (suffix < x.length - first && suffix < y.length - first
                && x[x.length - 1 - suffix].equals(y[y.length - 1 - suffix])) {
            suffix++;
        }
        return Math.max(first + 1, y.length - suffix);
    }
}

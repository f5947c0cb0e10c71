package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.candidate.Edit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JavaMutatorEditsTest {

    private static final String SAMPLE = """
            import java.util.*;
            class Demo {
            \tint total(List<Integer> xs, int lo, int hi) {
            \t\tint sum = 0;
            \t\tfor (int i = lo; i < hi; i++) {
            \t\t\tif (xs.get(i) > 0 && i % 2 == 0) { sum += xs.get(i); }
            \t\t}
            \t\treturn sum * 2 - lo;
            \t}
            }
            """;

    @Test
    void editsOnlyTouchTheirOwnRangeAndStartOnSuspiciousLines() {
        Mutations m = Mutations.of(SAMPLE, 5, 6, 8);
        assertThat(m.candidates()).isNotEmpty();
        for (Candidate c : m.candidates()) {
            assertThat(c.line()).isIn(5, 6, 8);
            Edit e = c.edits().get(0);
            String result = c.applyTo(SAMPLE);
            assertThat(result.substring(0, e.start())).isEqualTo(SAMPLE.substring(0, e.start()));
            assertThat(result.substring(e.start() + e.replacement().length())).isEqualTo(SAMPLE.substring(e.end()));
        }
    }

    @Test
    void mapsTabIndentedPositionsToTheRightCharacters() {
        Mutations m = Mutations.of(SAMPLE, 5);
        assertThat(m.results()).contains(SAMPLE.replace("i < hi;", "i <= hi;"), SAMPLE.replace("i++)", "i--)"));
    }

    @Test
    void mapsPositionsInCrlfFiles() {
        String crlf = SAMPLE.replace("\n", "\r\n");
        Mutations m = Mutations.of(crlf, 8);
        assertThat(m.results()).contains(crlf.replace("sum * 2 - lo", "sum * 2 + lo"),
                crlf.replace("sum * 2 - lo", "sum * 3 - lo"));
    }

    @Test
    void mapsPositionsAfterNonAsciiCharactersOnTheSameLine() {
        String src = "class Demo {\n    boolean f(String s, int n) { return s.equals(\"\u00e9\ud83d\ude00\") && n < 3; }\n}\n";
        Mutations m = Mutations.of(src, 2);
        assertThat(m.results()).contains(src.replace("n < 3", "n <= 3"), src.replace("n < 3", "n < 4"));
    }

    @Test
    void neverReturnsTheOriginalOrTheSameTextTwice() {
        Mutations m = Mutations.of(SAMPLE, IntStream.rangeClosed(1, 10).toArray());
        List<String> results = m.results();
        assertThat(results).doesNotContain(SAMPLE);
        assertThat(new HashSet<>(results)).hasSameSizeAs(results);
    }

    @Test
    void keepsTheHighestPriorAmongDuplicates() {
        // "x - 1" → "x" comes from both the literal change (0.5) and dropping an operand (0.3)
        String src = """
                class Demo {
                    int f(int x) {
                        return x - 1;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        List<Candidate> same = m.candidates().stream()
                .filter(c -> c.applyTo(src).equals(src.replace("x - 1", "x"))).toList();
        assertThat(same).singleElement().extracting(Candidate::prior).isEqualTo(0.5);
    }

    @Test
    void ordersCandidatesByPriorAndBoundsEachLine() {
        Mutations m = Mutations.of(SAMPLE, 6);
        List<Double> priors = m.candidates().stream().map(Candidate::prior).toList();
        assertThat(priors).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(m.candidates()).hasSizeLessThanOrEqualTo(JavaMutator.MAX_PER_LINE);
    }

    @Test
    void yieldsNothingForAFileThatDoesNotParse() {
        Mutations m = Mutations.of("class Broken { int f( { return 1 < 2; } }", 1);
        assertThat(m.candidates()).isEmpty();
    }

    @Test
    void rejectsAFileOutsideTheProject() {
        JavaMutator mutator = JavaMutator.create(Map.of("A.java", "class A {}"));
        assertThatThrownBy(() -> mutator.candidates("B.java", Set.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B.java");
    }

    @Test
    void generatesForAFileOfTwoHundredLinesQuickly() {
        StringBuilder src = new StringBuilder("import java.util.*;\nclass Demo {\n");
        for (int i = 0; src.chars().filter(ch -> ch == '\n').count() < 195; i++) {
            src.append("    int m").append(i).append("(List<Integer> xs, int lo, int hi, Node n) {\n")
                    .append("        int sum = 0;\n")
                    .append("        for (int i = lo; i < hi && n.next() != null; i++) {\n")
                    .append("            sum += xs.get(i) * 2 - lo;\n")
                    .append("            n = n.next();\n")
                    .append("        }\n")
                    .append("        return sum > hi ? sum : m").append(i).append("(xs, hi, lo, n);\n")
                    .append("    }\n");
        }
        src.append("}\nclass Node { Node next() { return null; } Node prev() { return null; } }\n");
        String text = src.toString();
        Set<Integer> lines = new HashSet<>();
        for (int l = 5; l < 195; l += 9) {
            lines.add(l);
            lines.add(l + 1);
        }
        JavaMutator mutator = JavaMutator.create(Map.of("Demo.java", text));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Candidate> candidates = List.of();
        long micros = Long.MAX_VALUE;
        long cpuMicros = Long.MAX_VALUE;
        for (int run = 0; run < 10; run++) { // the first runs include JIT warm-up
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            candidates = mutator.candidates("Demo.java", lines);
            micros = Math.min(micros, (System.nanoTime() - t0) / 1000);
            cpuMicros = Math.min(cpuMicros, (threads.getCurrentThreadCpuTime() - c0) / 1000);
        }
        System.out.printf("mutate: %d lines of %d, %d candidates, best of 10 runs %d us wall, %d us cpu%n",
                lines.size(), text.lines().count(), candidates.size(), micros, cpuMicros);
        assertThat(candidates).isNotEmpty();
        // about 20 ms on a laptop; the bound is loose because CI machines are shared, yet catches a blow-up
        assertThat(cpuMicros).as("cpu time to mutate 44 lines of a 200-line file").isLessThan(1_500_000);
    }
}

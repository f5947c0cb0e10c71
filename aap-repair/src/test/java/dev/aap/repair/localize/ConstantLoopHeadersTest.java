package dev.aap.repair.localize;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConstantLoopHeadersTest {

    private static final String SOURCE = """
            class Scan {
                int count(String s) {
                    int i = 0;
                    while (true) {
                        char c = s.charAt(i);
                        i++;
                    }
                }
                int drain(java.util.Deque<Integer> q) {
                    int n = 0;
                    do {
                        n += q.pop();
                    } while (true);
                }
                int bounded(int[] a) {
                    int i = 0;
                    while (i < a.length) {
                        i++;
                    }
                    return i;
                }
            }
            """;

    @Test
    void theConditionLineOfAConstantLoopGetsItsBodysBestScore() {
        List<Suspicious> ranked = List.of(new Suspicious("Scan.java", 5, 0.9), new Suspicious("Scan.java", 6, 0.5),
                new Suspicious("Scan.java", 3, 0.4), new Suspicious("Scan.java", 12, 0.3),
                new Suspicious("Scan.java", 18, 0.2));
        List<Suspicious> out = ConstantLoopHeaders.add(ranked, Map.of("Scan.java", SOURCE)::get);
        assertThat(out).containsExactly(new Suspicious("Scan.java", 5, 0.9), new Suspicious("Scan.java", 4, 0.9),
                new Suspicious("Scan.java", 6, 0.5), new Suspicious("Scan.java", 3, 0.4),
                new Suspicious("Scan.java", 12, 0.3), new Suspicious("Scan.java", 13, 0.3),
                new Suspicious("Scan.java", 18, 0.2));
    }

    @Test
    void aLoopNoSuspiciousLineIsInAndAFileThatDoesNotParseOrReadAddNothing() {
        List<Suspicious> ranked = List.of(new Suspicious("Scan.java", 20, 0.7));
        assertThat(ConstantLoopHeaders.add(ranked, Map.of("Scan.java", SOURCE)::get)).isEqualTo(ranked);
        List<Suspicious> broken = List.of(new Suspicious("Broken.java", 2, 0.7));
        assertThat(ConstantLoopHeaders.add(broken, f -> "class {{{ while (true)")).isEqualTo(broken);
        assertThat(ConstantLoopHeaders.add(broken, f -> {
            throw new IllegalStateException("gone");
        })).isEqualTo(broken);
        List<Suspicious> python = List.of(new Suspicious("m.py", 2, 0.7));
        assertThat(ConstantLoopHeaders.add(python, f -> "while True:\n    x = 1\n")).isEqualTo(python);
    }
}

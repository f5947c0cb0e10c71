package dev.aap.repair.localize;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OchiaiTest {

    @Test
    void lineRunOnlyByFailingTestsRanksFirst() {
        var cov = List.of(
                new TestCoverage("t1", false, Map.of("a.py", Set.of(1, 2, 3))),
                new TestCoverage("t2", true, Map.of("a.py", Set.of(1, 2))),
                new TestCoverage("t3", true, Map.of("a.py", Set.of(1))));
        List<Suspicious> ranked = Ochiai.rank(cov);
        assertThat(ranked).extracting(Suspicious::line).containsExactly(3, 2, 1);
        assertThat(ranked.get(0).score()).isCloseTo(1.0, within(1e-9));
        // line 2: failed 1, passed 1, totalFailed 1 → 1/sqrt(1*2)
        assertThat(ranked.get(1).score()).isCloseTo(1 / Math.sqrt(2), within(1e-9));
        assertThat(ranked.get(2).score()).isCloseTo(1 / Math.sqrt(3), within(1e-9));
    }

    @Test
    void linesNoFailingTestRanAreLeftOut() {
        var cov = List.of(
                new TestCoverage("t1", false, Map.of("a.py", Set.of(1))),
                new TestCoverage("t2", true, Map.of("a.py", Set.of(1, 9), "b.py", Set.of(4))));
        assertThat(Ochiai.rank(cov)).extracting(Suspicious::line).containsExactly(1);
    }

    @Test
    void noFailingTestsMeansNothingIsSuspicious() {
        assertThat(Ochiai.rank(List.of(new TestCoverage("t", true, Map.of("a.py", Set.of(1)))))).isEmpty();
    }

    @Test
    void lineShouldBeMoreSuspiciousWhenMoreFailingTestsRunIt() {
        var cov = List.of(
                new TestCoverage("f1", false, Map.of("a.py", Set.of(1, 2))),
                new TestCoverage("f2", false, Map.of("a.py", Set.of(1))),
                new TestCoverage("p1", true, Map.of("a.py", Set.of(1, 2))));
        List<Suspicious> ranked = Ochiai.rank(cov);
        assertThat(ranked.get(0).line()).isEqualTo(1);
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
    }
}

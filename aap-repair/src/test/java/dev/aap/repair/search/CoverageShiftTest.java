package dev.aap.repair.search;

import dev.aap.repair.localize.TestCoverage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageShiftTest {

    private static final String BEFORE = "a\nb\nc\nd\ne\n";
    private static final String INSERTED = "a\nb\nx\nc\nd\ne\n";

    private static TestCoverage passed(String id, String file, Integer... lines) {
        return new TestCoverage(id, true, Map.of(file, Set.of(lines)));
    }

    @Test
    void linesMovedByAnInsertedLineDoNotCountAsAChange() {
        var before = List.of(passed("t1", "f", 1, 4, 5));
        var after = List.of(passed("t1", "f", 1, 5, 6));
        assertThat(CoverageShift.changedTests(before, after, "f", BEFORE, INSERTED)).isZero();
    }

    @Test
    void countsEachPassingTestThatRunsOtherLinesFailsOrIsMissing() {
        var before = List.of(passed("same", "f", 1), passed("moved", "f", 4), passed("gone", "f", 1),
                passed("broken", "f", 1), new TestCoverage("failing", false, Map.of("f", Set.of(2))));
        var after = List.of(passed("same", "f", 1), passed("moved", "f", 4, 6),
                new TestCoverage("broken", false, Map.of("f", Set.of(1))));
        assertThat(CoverageShift.changedTests(before, after, "f", BEFORE, INSERTED)).isEqualTo(3);
    }

    @Test
    void comparesOtherFilesLineForLine() {
        var before = List.of(new TestCoverage("t", true, Map.of("f", Set.of(1), "g", Set.of(3))));
        var after = List.of(new TestCoverage("t", true, Map.of("f", Set.of(1), "g", Set.of(4))));
        assertThat(CoverageShift.changedTests(before, after, "f", BEFORE, INSERTED)).isEqualTo(1);
    }
}

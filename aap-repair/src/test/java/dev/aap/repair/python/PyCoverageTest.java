package dev.aap.repair.python;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.localize.TestCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PyCoverageTest {

    static final String SOURCE = """
            def absdiff(a, b):
                if a > b:
                    return a - b
                return a + b
            """;

    static final String TESTS = """
            from calc import absdiff

            def test_bigger_first():
                assert absdiff(5, 3) == 2

            def test_smaller_first():
                assert absdiff(3, 5) == 2
            """;

    @Test
    void recordsLinesPerTestAndTellsFailingFromPassing(@TempDir Path project, @TempDir Path scratch) {
        PyProjects.write(project, Map.of("calc.py", SOURCE, "test_calc.py", TESTS,
                "pytest.ini", "[pytest]\naddopts = -p no:cacheprovider\n"));

        var byId = PythonCoverage.collect(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch).stream()
                .collect(Collectors.toMap(TestCoverage::testId, Function.identity()));

        assertThat(byId).containsOnlyKeys("test_calc.py::test_bigger_first", "test_calc.py::test_smaller_first");
        TestCoverage passing = byId.get("test_calc.py::test_bigger_first");
        TestCoverage failing = byId.get("test_calc.py::test_smaller_first");
        assertThat(passing.passed()).isTrue();
        assertThat(failing.passed()).isFalse();
        assertThat(passing.lines()).containsOnlyKeys("calc.py");
        assertThat(passing.lines().get("calc.py")).containsExactlyInAnyOrder(2, 3);
        assertThat(failing.lines().get("calc.py")).containsExactlyInAnyOrder(2, 4);
    }

    @Test
    void worksInsideBubblewrapWithProjectInSubdirectory(@TempDir Path project, @TempDir Path scratch) {
        PyProjects.write(project, Map.of("pkg/__init__.py", "", "pkg/calc.py", SOURCE,
                "tests/test_calc.py", TESTS.replace("from calc", "from pkg.calc")));

        var coverage = PythonCoverage.collect(Sandbox.select("bwrap"), project, dev.aap.core.build.PythonLocator.find(), scratch);

        assertThat(coverage).hasSize(2);
        assertThat(coverage).allSatisfy(t -> assertThat(t.lines()).containsOnlyKeys("pkg/calc.py"));
    }

    @Test
    void cutsATestThatLoopsForeverAtTheLimitAndKeepsItsLinesAndDuration(@TempDir Path project,
                                                                         @TempDir Path scratch) {
        PyProjects.write(project, Map.of("calc.py", """
                def spin(n):
                    total = 0
                    while n > 0:
                        try:
                            total += 1
                        except Exception:
                            pass
                    return total

                def inc(n):
                    return n + 1
                """, "test_calc.py", """
                from calc import spin, inc

                def test_spin():
                    assert spin(1) == 1

                def test_inc():
                    assert inc(1) == 2
                """));

        long started = System.nanoTime();
        var timed = PythonCoverage.collectTimed(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch,
                Duration.ofMillis(500));
        long millis = (System.nanoTime() - started) / 1_000_000;

        var byId = timed.tests().stream().collect(Collectors.toMap(TestCoverage::testId, Function.identity()));
        TestCoverage spin = byId.get("test_calc.py::test_spin");
        assertThat(spin.passed()).isFalse();
        assertThat(spin.lines().get("calc.py")).contains(2, 3, 5);
        assertThat(byId.get("test_calc.py::test_inc").passed()).isTrue();
        assertThat(timed.millis()).containsOnlyKeys(byId.keySet());
        assertThat(timed.millis().get("test_calc.py::test_spin")).isBetween(450L, 3_000L);
        assertThat(timed.millis().get("test_calc.py::test_inc")).isLessThan(450L);
        assertThat(millis).isLessThan(20_000L);
    }
}

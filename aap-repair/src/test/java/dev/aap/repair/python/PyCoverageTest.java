package dev.aap.repair.python;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.localize.TestCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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

        var byId = PythonCoverage.collect(Sandbox.select("none"), project, "python3", scratch).stream()
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

        var coverage = PythonCoverage.collect(Sandbox.select("bwrap"), project, "python3", scratch);

        assertThat(coverage).hasSize(2);
        assertThat(coverage).allSatisfy(t -> assertThat(t.lines()).containsOnlyKeys("pkg/calc.py"));
    }
}

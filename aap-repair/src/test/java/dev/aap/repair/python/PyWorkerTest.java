package dev.aap.repair.python;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.validate.Verdict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PyWorkerTest {

    static final String BUGGY = """
            def gcd(a, b):
                if b == 0:
                    return a
                return gcd(a % b, b)
            """;
    static final String FIXED = BUGGY.replace("gcd(a % b, b)", "gcd(b, a % b)");
    static final List<String> FIRST = List.of("test_gcd.py::test_coprime");
    static final List<String> REST = List.of("test_gcd.py::test_zero");
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @ParameterizedTest
    @ValueSource(strings = {"none", "bwrap"})
    void validatesCandidatesSurvivesHangsAndCrashesAndRestoresFiles(String sandbox, @TempDir Path project,
                                                                    @TempDir Path scratch) {
        PyProjects.write(project, Map.of("gcd.py", BUGGY, "pytest.ini", "[pytest]\naddopts = -p no:cacheprovider\n",
                "test_gcd.py", """
                        from gcd import gcd

                        def test_coprime():
                            assert gcd(35, 21) == 7

                        def test_zero():
                            assert gcd(5, 0) == 5
                        """));
        try (var worker = PytestWorker.start(Sandbox.select(sandbox), project, "python3", scratch)) {
            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, REST, TIMEOUT))
                    .isInstanceOfSatisfying(Verdict.Plausible.class, v -> assertThat(v.testsRun()).isEqualTo(2));

            assertThat(worker.validate(Map.of("gcd.py", FIXED.replace("b == 0", "b == 0 and a != 5")),
                    FIRST, REST, TIMEOUT)).isInstanceOfSatisfying(Verdict.TestFailed.class, v -> {
                        assertThat(v.testId()).isEqualTo("test_gcd.py::test_zero");
                        assertThat(v.message()).contains("ZeroDivisionError");
                        assertThat(v.timedOut()).isFalse();
                    });

            assertThat(worker.validate(Map.of("gcd.py", BUGGY.replace("b == 0", "b = 0")), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.CompileError.class);

            assertThat(worker.validate(Map.of("gcd.py", BUGGY.replace("return a\n", "while True:\n            pass\n")
                    .replace("if b == 0", "if True")), FIRST, REST, TIMEOUT))
                    .isInstanceOfSatisfying(Verdict.TestFailed.class, v -> assertThat(v.timedOut()).isTrue());

            String killsWorker = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + FIXED;
            assertThat(worker.validate(Map.of("gcd.py", killsWorker), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.Crashed.class);
            assertThat(PyProjects.read(project.resolve("gcd.py"))).isEqualTo(BUGGY);

            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.Plausible.class);
            assertThat(worker.validate(Map.of("gcd.py", BUGGY), FIRST, REST, TIMEOUT))
                    .isInstanceOfSatisfying(Verdict.TestFailed.class,
                            v -> assertThat(v.testId()).isEqualTo("test_gcd.py::test_coprime"));
        }
        assertThat(PyProjects.read(project.resolve("gcd.py"))).isEqualTo(BUGGY);
    }
}

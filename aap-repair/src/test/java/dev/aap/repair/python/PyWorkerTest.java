package dev.aap.repair.python;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.validate.Verdict;
import org.junit.jupiter.api.Test;
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
        try (var worker = PytestWorker.start(Sandbox.select(sandbox), project, dev.aap.core.build.PythonLocator.find(), scratch)) {
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

    @ParameterizedTest
    @ValueSource(strings = {"pass", "sum(range(10 ** 12))"})
    void cutsASingleSlowTestAtTheTestLimitWhileTheProjectsOwnAlarmStaysInPlace(String loopBody,
                                                                               @TempDir Path project,
                                                                               @TempDir Path scratch) {
        PyProjects.write(project, Map.of("gcd.py", FIXED, "conftest.py", ALARM_CONFTEST, "test_gcd.py", """
                from gcd import gcd

                def test_coprime():
                    assert gcd(35, 21) == 7

                def test_zero():
                    assert gcd(5, 0) == 5
                """));
        String loops = FIXED.replace("    if b == 0:", "    while a == 5:\n        %s\n    if b == 0:".formatted(loopBody));
        try (var worker = PytestWorker.start(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch)) {
            worker.setTestLimit(Duration.ofMillis(500));
            long started = System.nanoTime();
            Verdict verdict = worker.validate(Map.of("gcd.py", loops), FIRST, REST, Duration.ofSeconds(30));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(verdict).isInstanceOfSatisfying(Verdict.TestFailed.class, v -> {
                assertThat(v.testId()).isEqualTo("test_gcd.py::test_zero");
                assertThat(v.timedOut()).isTrue();
            });
            assertThat(millis).isLessThan(5_000);
            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.Plausible.class);
        }
        assertThat(PyProjects.read(project.resolve("gcd.py"))).isEqualTo(FIXED);
    }

    @Test
    void withoutATestLimitTheProjectsOwnAlarmDecides(@TempDir Path project, @TempDir Path scratch) {
        PyProjects.write(project, Map.of("gcd.py", FIXED, "conftest.py", ALARM_CONFTEST.replace("30", "0.3"),
                "test_gcd.py", """
                        from gcd import gcd

                        def test_coprime():
                            while True:
                                pass
                        """));
        try (var worker = PytestWorker.start(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch)) {
            assertThat(worker.validate(Map.of(), FIRST, List.of(), Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(Verdict.TestFailed.class, v -> {
                        assertThat(v.message()).contains("ProjectAlarm");
                        assertThat(v.timedOut()).isFalse();
                    });
        }
    }

    @Test
    void candidatesTouchingWhatAConftestImportsOrTheConftestItselfAreJudgedOnTheirOwnText(@TempDir Path project,
                                                                                          @TempDir Path scratch) {
        PyProjects.write(project, Map.of("gcd.py", BUGGY, "expected.py", "SEVEN = 7\n",
                "conftest.py", "import pytest\nfrom expected import SEVEN\n\n@pytest.fixture\ndef seven():\n"
                        + "    return SEVEN\n",
                "test_gcd.py", """
                        from gcd import gcd

                        def test_coprime(seven):
                            assert gcd(35, 21) == seven

                        def test_zero():
                            assert gcd(5, 0) == 5
                        """));
        try (var worker = PytestWorker.start(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch)) {
            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.Plausible.class);
            assertThat(worker.validate(Map.of("gcd.py", FIXED, "expected.py", "SEVEN = 8\n"), FIRST, REST, TIMEOUT))
                    .isInstanceOfSatisfying(Verdict.TestFailed.class,
                            v -> assertThat(v.testId()).isEqualTo("test_gcd.py::test_coprime"));
            assertThat(worker.validate(Map.of("gcd.py", FIXED, "conftest.py", "import pytest\n\n@pytest.fixture\n"
                    + "def seven():\n    return 6\n"), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.TestFailed.class);
            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, REST, TIMEOUT))
                    .isInstanceOf(Verdict.Plausible.class);
        }
        assertThat(PyProjects.read(project.resolve("expected.py"))).isEqualTo("SEVEN = 7\n");
    }

    @Test
    void testModulesRewrittenOnceInTheServerStillExplainFailuresAndAnEditedTestFileIsReadAfresh(
            @TempDir Path project, @TempDir Path scratch) {
        String tests = """
                from area import area

                def test_area():
                    assert area(3, 4) == 12
                """;
        PyProjects.write(project, Map.of("area.py", "def area(w, h):\n    return w + h\n",
                "pytest.ini", "[pytest]\naddopts = -p no:cacheprovider\n", "test_area.py", tests));
        List<String> first = List.of("test_area.py::test_area");
        try (var worker = PytestWorker.start(Sandbox.select("none"), project,
                dev.aap.core.build.PythonLocator.find(), scratch)) {
            for (int i = 0; i < 3; i++) {
                // the values in the message come from pytest's assertion rewriting, done once for all three
                String expected = "assert " + (7 + i) + " == 12";
                assertThat(worker.validate(Map.of("area.py", "def area(w, h):\n    return w + h + " + i + "\n"),
                        first, List.of(), TIMEOUT)).isInstanceOfSatisfying(Verdict.TestFailed.class,
                        v -> assertThat(v.message()).contains(expected));
            }
            assertThat(worker.validate(Map.of("test_area.py", tests.replace("== 12", "== 7")), first, List.of(),
                    TIMEOUT)).isInstanceOf(Verdict.Plausible.class);
            assertThat(worker.validate(Map.of("area.py", "def area(w, h):\n    return w * h\n"), first, List.of(),
                    TIMEOUT)).isInstanceOf(Verdict.Plausible.class);
            assertThat(worker.validate(Map.of(), first, List.of(), TIMEOUT))
                    .isInstanceOfSatisfying(Verdict.TestFailed.class,
                            v -> assertThat(v.message()).contains("assert 7 == 12"));
        }
        assertThat(PyProjects.read(project.resolve("test_area.py"))).isEqualTo(tests);
    }

    @Test
    void aProjectWhoseSessionDoesNotComeUpStillGetsAnswers(@TempDir Path project, @TempDir Path scratch) {
        PyProjects.write(project, Map.of("gcd.py", BUGGY, "conftest.py", "raise RuntimeError('broken conftest')\n",
                "test_gcd.py", "from gcd import gcd\n\ndef test_coprime():\n    assert gcd(35, 21) == 7\n"));
        try (var worker = PytestWorker.start(Sandbox.select("none"), project, dev.aap.core.build.PythonLocator.find(), scratch)) {
            assertThat(worker.validate(Map.of("gcd.py", FIXED), FIRST, List.of(), TIMEOUT))
                    .isInstanceOf(Verdict.TestFailed.class);
            assertThat(worker.validate(Map.of("gcd.py", FIXED, "conftest.py", ""), FIRST, List.of(), TIMEOUT))
                    .isInstanceOf(Verdict.Plausible.class);
        }
    }

    /** A per-test timeout the way many projects write one: SIGALRM from a conftest hook. */
    static final String ALARM_CONFTEST = """
            import signal
            import pytest

            class ProjectAlarm(Exception):
                pass

            def _on_alarm(signum, frame):
                raise ProjectAlarm("the project's own alarm")

            @pytest.hookimpl(hookwrapper=True)
            def pytest_runtest_call(item):
                previous = signal.signal(signal.SIGALRM, _on_alarm)
                signal.setitimer(signal.ITIMER_REAL, 30)
                try:
                    yield
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                    signal.signal(signal.SIGALRM, previous)
            """;
}

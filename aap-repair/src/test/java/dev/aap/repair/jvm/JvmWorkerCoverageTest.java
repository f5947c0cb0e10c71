package dev.aap.repair.jvm;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.localize.TestCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.aap.repair.jvm.DemoProject.ADDS;
import static dev.aap.repair.jvm.DemoProject.NEGATES;
import static org.assertj.core.api.Assertions.assertThat;

class JvmWorkerCoverageTest {

    @TempDir
    Path dir;

    @Test
    void marksATestThatHangsDuringCoverageAsFailingAndCarriesOn() {
        var cp = DemoProject.jupiterClasspath();
        String endlessNegate = DemoProject.BUGGY_CALC.replace("return -a;",
                "while (Boolean.parseBoolean(\"true\")) { a++; }\n        return a;");
        var project = DemoProject.create(dir, endlessNegate, DemoProject.JUPITER_TEST, cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), JunitRunnerArtifacts.required(cp));

        try (var worker = JvmWorker.start(Sandbox.select("none"), project, runner)) {
            // negates has a 2 s JUnit timeout of its own; the 1 s budget per test must win
            List<TestCoverage> coverage = worker.coverage(List.of(NEGATES, ADDS), Duration.ofSeconds(1));

            assertThat(coverage.get(0).testId()).isEqualTo(NEGATES);
            assertThat(coverage.get(0).passed()).isFalse();
            assertThat(coverage.get(0).lines()).isEmpty();
            assertThat(coverage.get(1).testId()).isEqualTo(ADDS);
            assertThat(coverage.get(1).lines().get(DemoProject.CALC)).contains(7, 8);
        }
    }

    @Test
    void measuresAPatchsCoverageWithItsOwnLineNumbers() {
        var cp = DemoProject.jupiterClasspath();
        var project = DemoProject.create(dir, DemoProject.BUGGY_CALC, DemoProject.JUPITER_TEST, cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), JunitRunnerArtifacts.required(cp));
        // one line inserted above add's body: its lines move from 7-8 to 8-9
        var patched = java.util.Map.of(DemoProject.CALC, DemoProject.BUGGY_CALC.replace(
                "        calls++;\n", "        int unused = 0;\n        calls++;\n"));

        try (var worker = JvmWorker.start(Sandbox.select("none"), project, runner)) {
            List<TestCoverage> before = worker.coverage(List.of(ADDS), Duration.ofSeconds(5));
            List<TestCoverage> after = worker.coverage(patched, List.of(ADDS), Duration.ofSeconds(5));
            List<TestCoverage> again = worker.coverage(List.of(ADDS), Duration.ofSeconds(5));

            assertThat(before.get(0).lines().get(DemoProject.CALC)).contains(7, 8).doesNotContain(9);
            assertThat(after.get(0).lines().get(DemoProject.CALC)).contains(7, 8, 9);
            assertThat(again.get(0).lines()).isEqualTo(before.get(0).lines());
        }
    }
}

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
}

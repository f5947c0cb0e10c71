package dev.aap.repair.jvm;

import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.validate.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.aap.repair.jvm.DemoProject.ADDS;
import static dev.aap.repair.jvm.DemoProject.NEGATES;
import static dev.aap.repair.jvm.DemoProject.calcWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JvmWorkerJunitVersionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutALauncherAndSaysWhatIsMissing() {
        var cp = DemoProject.jupiterClasspath();
        var project = DemoProject.create(dir, DemoProject.JUPITER_TEST, cp);

        assertThatThrownBy(() -> JvmWorker.start(Sandbox.select("none"), project, List.of()))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("JUnit Platform launcher is not on the test class path");
    }

    @Test
    void runsJunit6ProjectWithTheMatchingLauncher() {
        var cp = DemoProject.junit6Classpath();
        var project = DemoProject.create(dir, DemoProject.JUPITER_TEST, cp);
        var required = JunitRunnerArtifacts.required(cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), required);

        try (var worker = JvmWorker.start(Sandbox.select("none"), project, runner)) {
            var wrong = worker.validate(calcWith("a - b", "a * b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);
            var right = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);

            assertThat(required).containsExactly("org.junit.platform:junit-platform-launcher:6.1.3");
            assertThat(wrong).isInstanceOfSatisfying(Verdict.TestFailed.class,
                    f -> assertThat(f.message()).contains("expected: <5> but was: <6>"));
            assertThat(right).isInstanceOf(Verdict.Plausible.class);
        }
    }

    @Test
    void runsJunit4ProjectThroughTheVintageEngine() {
        var cp = DemoProject.junit4Classpath();
        var project = DemoProject.create(dir, DemoProject.JUNIT4_TEST, cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), JunitRunnerArtifacts.required(cp));

        try (var worker = JvmWorker.start(Sandbox.select("none"), project, runner)) {
            var tests = worker.discoverTests();
            var wrong = worker.validate(calcWith("a - b", "a * b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);
            var right = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);
            var coverage = worker.coverage(List.of(ADDS), TIMEOUT);

            assertThat(tests).containsExactlyInAnyOrder(ADDS, NEGATES);
            assertThat(wrong).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
                assertThat(f.testId()).isEqualTo(ADDS);
                assertThat(f.message()).contains("expected:<5> but was:<6>");
            });
            assertThat(right).isInstanceOfSatisfying(Verdict.Plausible.class,
                    p -> assertThat(p.testsRun()).isEqualTo(2));
            assertThat(coverage.get(0).passed()).isFalse();
            assertThat(coverage.get(0).lines().get(DemoProject.CALC)).contains(7, 8);
        }
    }
}

package dev.aap.repair.jvm;

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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JvmWorkerBwrapTest {

    @TempDir
    Path dir;

    @Test
    void validatesAndRecoversFromHangInsideBubblewrap() {
        assumeTrue(Sandbox.bwrapProblem() == null, "bubblewrap is not usable here");
        var cp = DemoProject.jupiterClasspath();
        var project = DemoProject.create(dir, DemoProject.JUPITER_TEST, cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), JunitRunnerArtifacts.required(cp));
        var endless = calcWith("return a - b;", "while (Boolean.parseBoolean(\"true\")) { b++; }\n        return a;");

        try (var worker = JvmWorker.start(Sandbox.select("bwrap"), project, runner)) {
            var wrong = worker.validate(calcWith("a - b", "a * b"), List.of(ADDS), List.of(), Duration.ofSeconds(10));
            var hung = worker.validate(endless, List.of(ADDS), List.of(), Duration.ofSeconds(1));
            var right = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(NEGATES),
                    Duration.ofSeconds(10));
            long workerJvms = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/java"))
                    .filter(p -> p.info().commandLine().orElse("").contains(WorkerMain.class.getName()))
                    .count();

            assertThat(wrong).isInstanceOf(Verdict.TestFailed.class);
            assertThat(hung).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> assertThat(f.timedOut()).isTrue());
            assertThat(workerJvms).as("the hung worker is gone, only its replacement runs").isEqualTo(1);
            assertThat(right).isInstanceOf(Verdict.Plausible.class);
        }
    }
}

package dev.aap.repair.jvm;

import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.aap.repair.jvm.DemoProject.ADDS;
import static dev.aap.repair.jvm.DemoProject.NEGATES;
import static dev.aap.repair.jvm.DemoProject.calcWith;
import static org.assertj.core.api.Assertions.assertThat;

class JvmWorkerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static JvmWorker worker;

    @BeforeAll
    static void startWorker() {
        var cp = DemoProject.jupiterClasspath();
        var project = DemoProject.create(dir, DemoProject.JUPITER_TEST, cp);
        var runner = JunitRunnerArtifacts.locate(DemoProject.m2(), JunitRunnerArtifacts.required(cp));
        worker = JvmWorker.start(Sandbox.select("none"), project, runner);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void discoversEveryTestMethod() {
        assertThat(worker.discoverTests())
                .containsExactlyInAnyOrder(ADDS, NEGATES, DemoProject.DIVIDES, DemoProject.POOL, DemoProject.DISABLED);
    }

    @Test
    void acceptsCorrectCandidateAsPlausible() {
        Verdict v = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);

        assertThat(v).isInstanceOfSatisfying(Verdict.Plausible.class, p -> assertThat(p.testsRun()).isEqualTo(2));
    }

    @Test
    void reportsCompileErrorWithFileAndLine() {
        Verdict v = worker.validate(calcWith("a - b", "a + "), List.of(ADDS), List.of(), TIMEOUT);

        assertThat(v).isInstanceOfSatisfying(Verdict.CompileError.class,
                e -> assertThat(e.message()).startsWith(DemoProject.CALC + ":8: error:"));
    }

    @Test
    void reportsFailedAssertionWithExpectedAndActual() {
        Verdict v = worker.validate(calcWith("a - b", "a * b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);

        assertThat(v).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
            assertThat(f.testId()).isEqualTo(ADDS);
            assertThat(f.message()).contains("expected: <5> but was: <6>");
            assertThat(f.timedOut()).isFalse();
        });
    }

    @Test
    void stopsAtFirstFailureOfTheRestOfTheTests() {
        var broken = calcWith("return -a;", "return a;");

        Verdict v = worker.validate(broken, List.of(), List.of(NEGATES, ADDS), TIMEOUT);

        assertThat(v).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
            assertThat(f.testId()).isEqualTo(NEGATES);
            assertThat(f.message()).contains("expected: <-4> but was: <4>");
        });
    }

    @Test
    void startsEachCandidateWithFreshStaticState() {
        var fixed = calcWith("a - b", "a + b");

        var verdicts = List.of(worker.validate(fixed, List.of(ADDS), List.of(), TIMEOUT),
                worker.validate(fixed, List.of(ADDS), List.of(), TIMEOUT),
                worker.validate(fixed, List.of(ADDS), List.of(), TIMEOUT));

        assertThat(verdicts).allSatisfy(v -> assertThat(v).isInstanceOf(Verdict.Plausible.class));
    }

    @Test
    void killsAndReplacesWorkerWhenCandidateLoopsForever() {
        var endless = calcWith("return a - b;", "while (Boolean.parseBoolean(\"true\")) { b++; }\n        return a;");
        long started = System.nanoTime();

        Verdict hung = worker.validate(endless, List.of(ADDS), List.of(), Duration.ofSeconds(1));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Verdict next = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(), TIMEOUT);

        assertThat(hung).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
            assertThat(f.timedOut()).isTrue();
            assertThat(f.testId()).isEqualTo(ADDS);
        });
        assertThat(tookMillis).isLessThan(3_000);
        assertThat(next).isInstanceOf(Verdict.Plausible.class);
    }

    @Test
    void replacesWorkerWhenATimedOutTestLeavesItsThreadSpinning() {
        var endlessNegate = calcWith("return -a;", "while (Boolean.parseBoolean(\"true\")) { a++; }\n        return a;");
        long before = worker.workerPid();

        Verdict spun = worker.validate(endlessNegate, List.of(NEGATES), List.of(), TIMEOUT);
        long after = worker.workerPid();
        Verdict next = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(NEGATES), TIMEOUT);

        assertThat(spun).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
            assertThat(f.testId()).isEqualTo(NEGATES);
            assertThat(f.message()).contains("timed out");
            assertThat(f.timedOut()).isTrue();
        });
        assertThat(after).isNotEqualTo(before);
        assertThat(next).isInstanceOf(Verdict.Plausible.class);
    }

    @Test
    void keepsWorkerWhenATestOnlyLeavesIdleThreadsBehind() {
        var fixed = calcWith("a - b", "a + b");
        long before = worker.workerPid();

        Verdict first = worker.validate(fixed, List.of(DemoProject.POOL), List.of(), TIMEOUT);
        Verdict second = worker.validate(fixed, List.of(DemoProject.POOL), List.of(), TIMEOUT);

        assertThat(first).isInstanceOf(Verdict.Plausible.class);
        assertThat(second).isInstanceOf(Verdict.Plausible.class);
        assertThat(worker.workerPid()).isEqualTo(before);
    }

    @Test
    void reportsCrashWhenATestExitsTheJvmAndRecovers() {
        var exiting = calcWith("return -a;", "System.exit(3);\n        return a;");

        Verdict crashed = worker.validate(exiting, List.of(NEGATES), List.of(), TIMEOUT);
        Verdict next = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(), TIMEOUT);

        assertThat(crashed).isInstanceOfSatisfying(Verdict.Crashed.class,
                c -> assertThat(c.message()).contains("exited with code 3"));
        assertThat(next).isInstanceOf(Verdict.Plausible.class);
    }

    @Test
    void reportsCrashWhenATestWritesGarbageIntoTheProtocol() {
        var garbage = calcWith("return -a;", """
                try (var out = new java.io.FileOutputStream(java.io.FileDescriptor.out)) {
                            out.write("not json\\n".getBytes());
                        } catch (java.io.IOException e) {
                            throw new RuntimeException(e);
                        }
                        return -a;""");

        Verdict crashed = worker.validate(garbage, List.of(NEGATES), List.of(), TIMEOUT);
        Verdict next = worker.validate(calcWith("a - b", "a + b"), List.of(ADDS), List.of(), TIMEOUT);

        assertThat(crashed).isInstanceOfSatisfying(Verdict.Crashed.class,
                c -> assertThat(c.message()).contains("not a reply"));
        assertThat(next).isInstanceOf(Verdict.Plausible.class);
    }

    @Test
    void coverageSeparatesLinesOfFailingAndPassingTests() {
        List<TestCoverage> coverage = worker.coverage(List.of(ADDS, NEGATES), TIMEOUT);

        assertThat(coverage).hasSize(2);
        TestCoverage adds = coverage.get(0);
        TestCoverage negates = coverage.get(1);
        assertThat(adds.testId()).isEqualTo(ADDS);
        assertThat(adds.passed()).isFalse();
        assertThat(adds.lines()).containsOnlyKeys(DemoProject.CALC);
        assertThat(adds.lines().get(DemoProject.CALC)).contains(7, 8).doesNotContain(12);
        assertThat(negates.passed()).isTrue();
        assertThat(negates.lines().get(DemoProject.CALC)).contains(12).doesNotContain(7, 8);
    }

    @Test
    void coverageIncludesTheLineThatThrewThoughNoProbeAfterItRan() {
        TestCoverage divides = worker.coverage(List.of(DemoProject.DIVIDES), TIMEOUT).get(0);

        assertThat(divides.passed()).isFalse();
        assertThat(divides.lines().get(DemoProject.CALC)).contains(20).doesNotContain(21);
    }

    @Test
    void coverageCountsADisabledTestAsPassingWithNoLines() {
        TestCoverage disabled = worker.coverage(List.of(DemoProject.DISABLED), TIMEOUT).get(0);

        assertThat(disabled.passed()).isTrue();
        assertThat(disabled.lines()).isEmpty();
    }

    @Test
    void stopsAfterTheFirstFailingTestAmongTheFirstOnes() {
        var endlessNegate = calcWith("return -a;", "while (Boolean.parseBoolean(\"true\")) { a++; }\n        return a;");

        Verdict v = worker.validate(endlessNegate, List.of(ADDS, NEGATES), List.of(), TIMEOUT);

        assertThat(v).isInstanceOfSatisfying(Verdict.TestFailed.class, f -> {
            assertThat(f.testId()).isEqualTo(ADDS);
            assertThat(f.timedOut()).isFalse();
        });
    }
}

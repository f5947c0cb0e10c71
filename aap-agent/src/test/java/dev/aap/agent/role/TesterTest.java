package dev.aap.agent.role;

import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestReport;
import dev.aap.core.build.TestRun;
import dev.aap.core.sandbox.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TesterTest {

    static final String WS = "/tmp/aap-ws-1234/project";
    private final Tester tester = new Tester(WS, Set.of("Pager.java", "PagerTest.java", "cart.py", "test_cart.py"),
            3000);

    private static TestRun run(int exit, String stdout, String compileError, TestCase... cases) {
        return new TestRun("mvn test", new ExecResult(exit, stdout, "", false, false, Duration.ofSeconds(3)),
                new TestReport(List.of(cases)), compileError);
    }

    @Test
    void reportsACompileErrorWithoutTheWorkspacePath() {
        String summary = tester.summarize(run(1, "", WS + "/src/main/java/demo/Pager.java:[12,30] ';' expected"));

        assertThat(summary).isEqualTo("COMPILATION FAILED:\nsrc/main/java/demo/Pager.java:[12,30] ';' expected");
    }

    @Test
    void saysAllPassWhenTheRunIsGreen() {
        String summary = tester.summarize(run(0, "BUILD SUCCESS", null,
                new TestCase("demo.PagerTest#first", TestCase.Outcome.PASSED, ""),
                new TestCase("demo.PagerTest#skipped", TestCase.Outcome.SKIPPED, ""),
                new TestCase("demo.PagerTest#last", TestCase.Outcome.PASSED, "")));

        assertThat(summary).isEqualTo("PASSED: all 2 tests pass.");
    }

    @Test
    void listsFailingTestsWithTheirMessagesAndKeepsOnlyProjectFrames() {
        String out = """
                [INFO] Running demo.PagerTest
                [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.052 s <<< FAILURE!
                org.opentest4j.AssertionFailedError: expected: <true> but was: <false>
                \tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)
                \tat demo.Pager.hasNext(Pager.java:12)
                \tat demo.PagerTest.lastPage(PagerTest.java:30)
                \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
                \tat demo.Pager.hasNext(Pager.java:12)
                """;

        String summary = tester.summarize(run(1, out, null,
                new TestCase("demo.PagerTest#firstPage", TestCase.Outcome.PASSED, ""),
                new TestCase("demo.PagerTest#lastPage", TestCase.Outcome.FAILED, "expected: <true> but was: <false>"),
                new TestCase("demo.PagerTest#empty", TestCase.Outcome.ERROR, "java.lang.ArithmeticException: / by zero")));

        assertThat(summary).isEqualTo("""
                FAILED: 2 of 3 tests fail (exit code 1).
                - demo.PagerTest#lastPage: expected: <true> but was: <false>
                - demo.PagerTest#empty: java.lang.ArithmeticException: / by zero
                Where (frames and lines in this repository):
                  at demo.Pager.hasNext (Pager.java:12)
                  at demo.PagerTest.lastPage (PagerTest.java:30)""");
    }

    @Test
    void keepsPytestErrorLinesAndProjectLocations() {
        String out = """
                ============================= test session starts ==============================
                tests/test_cart.py F.                                                     [100%]
                    def test_total():
                >       assert Cart([1, 2]).total() == 3
                E       assert 2 == 3
                E        +  where 2 = <bound method Cart.total>()

                tests/test_cart.py:7: AssertionError
                /usr/lib/python3/site-packages/_pytest/python.py:195: in pytest_pyfunc_call
                ========================= 1 failed, 1 passed in 0.12s =========================
                """;

        String summary = tester.summarize(run(1, out, null,
                new TestCase("tests.test_cart::test_total", TestCase.Outcome.FAILED, "assert 2 == 3"),
                new TestCase("tests.test_cart::test_empty", TestCase.Outcome.PASSED, "")));

        assertThat(summary).contains("- tests.test_cart::test_total: assert 2 == 3")
                .contains("  E assert 2 == 3\n")
                .contains("  E +  where 2 = <bound method Cart.total>()")
                .contains("  tests/test_cart.py:7: AssertionError")
                .doesNotContain("_pytest/python.py");
    }

    @Test
    void removesTheWorkspacePathAndTimingsSoTheSameCodeGivesTheSameText() {
        TestCase failing = new TestCase("demo.PagerTest#slow", TestCase.Outcome.FAILED,
                "timed out after 2.5 s reading " + WS + "/data/pages.txt in " + WS);

        String a = tester.summarize(run(1, "", null, failing));
        String b = new Tester(WS + "/", Set.of(), 3000).summarize(run(1, "", null, failing));

        assertThat(a).contains("timed out after <t> reading data/pages.txt in .").doesNotContain(WS).doesNotContain("2.5");
        assertThat(b).isEqualTo(a);
    }

    @Test
    void showsTheOutputTailWhenNoReportWasWritten() {
        String summary = tester.summarize(run(137, "line 1\nline 2\nKilled after 12 ms in " + WS + "\n", null));

        assertThat(summary).contains("FAILED: 0 of 0 tests fail (exit code 137).")
                .contains("No test report was written; last lines of the output:\nline 1\nline 2\nKilled after <t> in .");
    }

    @Test
    void saysWhenTheRunWasKilledAtItsTimeLimit() {
        var timedOut = new TestRun("pytest", new ExecResult(-1, "", "", true, false, Duration.ofMinutes(5)),
                new TestReport(List.of()), null);

        assertThat(tester.summarize(timedOut)).startsWith("The test run was killed at its time limit");
    }

    @Test
    void cutsTheSummaryAtItsBudget() {
        TestCase[] many = IntStream.range(0, 20).mapToObj(i -> new TestCase("demo.PagerTest#case" + i,
                TestCase.Outcome.FAILED, "expected: <" + i + "> but was: <" + (i + 1) + ">")).toArray(TestCase[]::new);

        String summary = new Tester(WS, Set.of(), 200).summarize(run(1, "", null, many));

        assertThat(summary).startsWith("FAILED: 20 of 20 tests fail").endsWith("\n[summary cut at 200 characters]");
        assertThat(summary.length()).isEqualTo(200 + "\n[summary cut at 200 characters]".length());
        assertThat(tester.summarize(run(1, "", null, many))).contains("- ... and 12 more").doesNotContain("cut at");
    }
}

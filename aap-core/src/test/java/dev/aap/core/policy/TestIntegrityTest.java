package dev.aap.core.policy;

import dev.aap.core.EnvironmentException;
import dev.aap.core.policy.TestIntegrity.Finding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestIntegrityTest {

    private static final String JAVA_FILE = "src/test/java/demo/CalcTest.java";
    private static final String PY_FILE = "tests/test_calc.py";

    private static final String JAVA = """
            package demo;

            import org.junit.jupiter.api.Test;
            import static org.junit.jupiter.api.Assertions.*;
            import static org.assertj.core.api.Assertions.assertThat;

            class CalcTest {

                @Test
                void addsTwoNumbers() {
                    Calc calc = new Calc();
                    assertEquals(3, calc.add(1, 2));
                    assertThat(calc.add(2, 2)).isEqualTo(4);
                }

                @Test
                void rejectsDivisionByZero() {
                    assertThrows(ArithmeticException.class, () -> new Calc().div(1, 0));
                }
            }
            """;

    private static final String PY = """
            import pytest
            from calc import add, div


            def test_adds_two_numbers():
                result = add(1, 2)
                assert result == 3
                assert add(2, 2) == 4


            class TestDivision:
                def test_rejects_zero(self):
                    with pytest.raises(ZeroDivisionError):
                        div(1, 0)

                def test_halves(self):
                    assert div(4, 2) == 2
            """;

    private static List<Finding> java(String after) {
        return TestIntegrity.check(JAVA_FILE, JAVA, after);
    }

    private static List<Finding> python(String after) {
        return TestIntegrity.check(PY_FILE, PY, after);
    }

    private static Finding only(List<Finding> findings, String rule) {
        assertThat(findings).extracting(Finding::rule).containsExactly(rule);
        return findings.get(0);
    }

    @Nested
    class RemovedTests {

        @Test
        void flagsADeletedJavaTestAtItsBaseLine() {
            String after = JAVA.replace("""
                        @Test
                        void rejectsDivisionByZero() {
                            assertThrows(ArithmeticException.class, () -> new Calc().div(1, 0));
                        }
                    """, "");
            Finding f = only(java(after), TestIntegrity.TEST_REMOVED);
            assertThat(f.line()).isEqualTo(17);
            assertThat(f.render()).startsWith(JAVA_FILE + ":17: test `CalcTest.rejectsDivisionByZero` was removed");
        }

        @Test
        void flagsATestWhoseAnnotationWasRemoved() {
            String after = JAVA.replace("    @Test\n    void rejects", "    void rejects");
            Finding f = only(java(after), TestIntegrity.TEST_REMOVED);
            assertThat(f.line()).isEqualTo(16);
            assertThat(f.reason()).contains("`CalcTest.rejectsDivisionByZero` is no longer a test");
        }

        @Test
        void flagsADeletedPythonTestInAClassAndAtModuleLevel() {
            String after = PY.replace("""
                        def test_halves(self):
                            assert div(4, 2) == 2
                    """, "").replace("""
                    def test_adds_two_numbers():
                        result = add(1, 2)
                        assert result == 3
                        assert add(2, 2) == 4
                    """, "");
            List<Finding> findings = python(after);
            assertThat(findings).extracting(Finding::rule).containsOnly(TestIntegrity.TEST_REMOVED);
            assertThat(findings).extracting(Finding::render).containsExactly(
                    PY_FILE + ":5: test `test_adds_two_numbers` was removed (it was at line 5 before this change); "
                            + "tests may not be deleted: restore it and change the code under test instead",
                    PY_FILE + ":16: test `TestDivision.test_halves` was removed (it was at line 16 before this "
                            + "change); tests may not be deleted: restore it and change the code under test instead");
        }

        @Test
        void aPythonTestShadowedByALaterDefinitionIsWeakened() {
            String after = PY + """


                    def test_adds_two_numbers():
                        pass
                    """;
            assertThat(python(after)).extracting(Finding::rule)
                    .containsOnly(TestIntegrity.ASSERTION_REMOVED).hasSize(2);
        }

        @Test
        void deletingTheFileRemovesEveryTest() {
            assertThat(TestIntegrity.check(JAVA_FILE, JAVA, null)).extracting(Finding::line).containsExactly(10, 17);
            assertThat(TestIntegrity.check(PY_FILE, PY, null)).hasSize(3)
                    .allMatch(f -> f.reason().contains("was deleted with its file"));
        }
    }

    @Nested
    class RemovedAssertions {

        @Test
        void flagsAJavaAssertionRemovedAtTheTestLine() {
            Finding f = only(java(JAVA.replace("        assertEquals(3, calc.add(1, 2));\n", "")),
                    TestIntegrity.ASSERTION_REMOVED);
            assertThat(f.line()).isEqualTo(10);
            assertThat(f.reason()).contains("`CalcTest.addsTwoNumbers` lost the assertion `assertEquals(3, calc.add(1, "
                    + "2))` (line 12 before this change)");
        }

        @Test
        void flagsOneLinkDroppedFromAnAssertjChain() {
            String before = JAVA.replace(".isEqualTo(4);", ".isPositive().isEqualTo(4);");
            String after = JAVA.replace(".isEqualTo(4);", ".isPositive();");
            Finding f = only(TestIntegrity.check(JAVA_FILE, before, after), TestIntegrity.ASSERTION_REMOVED);
            assertThat(f.reason()).contains("assertThat(calc.add(2, 2)).isEqualTo(4)");
        }

        @Test
        void flagsAnEmptiedJavaTest() {
            String after = JAVA.replace("assertThrows(ArithmeticException.class, () -> new Calc().div(1, 0));", "");
            Finding f = only(java(after), TestIntegrity.ASSERTION_REMOVED);
            assertThat(f.line()).isEqualTo(17);
        }

        @Test
        void flagsAPythonAssertRemoved() {
            Finding f = only(python(PY.replace("    assert add(2, 2) == 4\n", "")), TestIntegrity.ASSERTION_REMOVED);
            assertThat(f.render()).startsWith(PY_FILE + ":5: test `test_adds_two_numbers` lost the assertion "
                    + "`assert add(2, 2) == 4` (line 8 before this change)");
        }

        @Test
        void flagsAPytestRaisesBlockReplacedByAPlainCall() {
            String after = PY.replace("""
                            with pytest.raises(ZeroDivisionError):
                                div(1, 0)
                    """, """
                            div(1, 1)
                    """);
            Finding f = only(python(after), TestIntegrity.ASSERTION_REMOVED);
            assertThat(f.reason()).contains("pytest.raises(ZeroDivisionError)");
        }
    }

    @Nested
    class ChangedExpectations {

        @Test
        void flagsAJunitExpectedValueChangeAtTheAssertion() {
            Finding f = only(java(JAVA.replace("assertEquals(3, calc", "assertEquals(4, calc")),
                    TestIntegrity.EXPECTED_CHANGED);
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.reason()).contains("from `3` to `4`");
        }

        @Test
        void flagsAnAssertjExpectedValueChange() {
            Finding f = only(java(JAVA.replace("isEqualTo(4)", "isEqualTo(5)")), TestIntegrity.EXPECTED_CHANGED);
            assertThat(f.line()).isEqualTo(13);
        }

        @Test
        void flagsAnExpectedValueChangedThroughALocal() {
            String before = JAVA.replace("assertEquals(3, calc.add(1, 2));",
                    "int expected = 3;\n        assertEquals(expected, calc.add(1, 2));");
            String after = before.replace("int expected = 3;", "int expected = 7;");
            assertThat(TestIntegrity.check(JAVA_FILE, before, after)).extracting(Finding::rule)
                    .containsExactly(TestIntegrity.EXPECTED_CHANGED);
        }

        @Test
        void flagsAHamcrestExpectedValueChange() {
            String before = JAVA.replace("assertEquals(3, calc.add(1, 2));",
                    "org.hamcrest.MatcherAssert.assertThat(calc.add(1, 2), is(3));");
            String after = before.replace("is(3)", "is(30)");
            assertThat(TestIntegrity.check(JAVA_FILE, before, after)).extracting(Finding::rule)
                    .containsExactly(TestIntegrity.EXPECTED_CHANGED);
        }

        @Test
        void flagsAPythonComparisonWithAnotherValue() {
            Finding f = only(python(PY.replace("assert add(2, 2) == 4", "assert add(2, 2) == 5")),
                    TestIntegrity.EXPECTED_CHANGED);
            assertThat(f.line()).isEqualTo(8);
            assertThat(f.reason()).contains("`assert add(2, 2) == 4` from `4` to `5`");
        }

        @Test
        void flagsAWiderPytestApproxTolerance() {
            String before = PY.replace("assert div(4, 2) == 2", "assert div(1, 3) == pytest.approx(0.333, abs=1e-3)");
            Finding f = only(TestIntegrity.check(PY_FILE, before, before.replace("abs=1e-3", "abs=0.5")),
                    TestIntegrity.EXPECTED_CHANGED);
            assertThat(f.reason()).contains("to `pytest.approx(0.333, abs=0.5)`");
        }

        @Test
        void flagsAMockitoVerificationLoosenedOrRemoved() {
            String before = JAVA.replace("assertThat(calc.add(2, 2)).isEqualTo(4);",
                    "verify(log, times(2)).record(\"add\");");
            only(TestIntegrity.check(JAVA_FILE, before, before.replace("times(2)", "atLeastOnce()")),
                    TestIntegrity.EXPECTED_CHANGED);
            only(TestIntegrity.check(JAVA_FILE, before, before.replace("verify(log, times(2)).record(\"add\");", "")),
                    TestIntegrity.ASSERTION_REMOVED);
        }

        @Test
        void flagsAUnittestExpectedValueChange() {
            String before = """
                    import unittest

                    class CalcTest(unittest.TestCase):
                        def test_add(self):
                            self.assertEqual(add(1, 2), 3)
                    """;
            String after = before.replace("3)", "4)");
            Finding f = only(TestIntegrity.check("test_calc.py", before, after), TestIntegrity.EXPECTED_CHANGED);
            assertThat(f.line()).isEqualTo(5);
        }
        @Test
        void flagsAChangedOrDroppedParameterRow() {
            String before = JAVA.replace("    @Test\n    void rejects", """
                        @ParameterizedTest
                        @CsvSource({"1, 2, 3", "2, 2, 4"})
                        void addsRows(int a, int b, int sum) {
                            assertEquals(sum, new Calc().add(a, b));
                        }

                        @Test
                        void rejects""".indent(4).stripTrailing());
            Finding changed = only(TestIntegrity.check(JAVA_FILE, before, before.replace("\"2, 2, 4\"", "\"2, 2, 5\"")),
                    TestIntegrity.EXPECTED_CHANGED);
            assertThat(changed.line()).isEqualTo(17);
            Finding dropped = only(TestIntegrity.check(JAVA_FILE, before, before.replace(", \"2, 2, 4\"", "")),
                    TestIntegrity.ASSERTION_REMOVED);
            assertThat(dropped.reason()).contains("lost the parameter row `@CsvSource row \"2, 2, 4\"`");
            assertThat(TestIntegrity.check(JAVA_FILE, before, before.replace("\"2, 2, 4\"", "\"2, 2, 4\", \"0, 0, 0\"")))
                    .isEmpty();

            String py = """
                    import pytest

                    @pytest.mark.parametrize("a,b,total", [
                        (1, 2, 3),
                        (2, 2, 4),
                    ])
                    def test_adds(a, b, total):
                        assert add(a, b) == total
                    """;
            Finding row = only(TestIntegrity.check(PY_FILE, py, py.replace("(2, 2, 4)", "(2, 2, 5)")),
                    TestIntegrity.EXPECTED_CHANGED);
            assertThat(row.line()).isEqualTo(5);
            only(TestIntegrity.check(PY_FILE, py, py.replace("    (2, 2, 4),\n", "")), TestIntegrity.ASSERTION_REMOVED);
        }
    }

    @Nested
    class WeakerAssertions {

        @Test
        void flagsAssertEqualsReplacedByAssertNotNull() {
            Finding f = only(java(JAVA.replace("assertEquals(3, calc.add(1, 2));", "assertNotNull(calc.add(1, 2));")),
                    TestIntegrity.ASSERTION_WEAKENED);
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.reason()).contains("replaces `assertEquals(3, calc.add(1, 2))` with the weaker "
                    + "`assertNotNull(calc.add(1, 2))`");
        }

        @Test
        void flagsIsEqualToReplacedByIsNotNull() {
            only(java(JAVA.replace("isEqualTo(4)", "isNotNull()")), TestIntegrity.ASSERTION_WEAKENED);
        }

        @Test
        void flagsAnExpectedExceptionBroadenedToException() {
            Finding f = only(java(JAVA.replace("assertThrows(ArithmeticException.class", "assertThrows(Exception.class")),
                    TestIntegrity.ASSERTION_WEAKENED);
            assertThat(f.line()).isEqualTo(18);
            assertThat(f.reason()).contains("now accepts any `Exception.class`");
        }

        @Test
        void flagsAHamcrestMatcherLoosenedToNotNull() {
            String before = JAVA.replace("assertEquals(3, calc.add(1, 2));",
                    "org.hamcrest.MatcherAssert.assertThat(calc.add(1, 2), equalTo(3));");
            String after = before.replace("equalTo(3)", "notNullValue()");
            only(TestIntegrity.check(JAVA_FILE, before, after), TestIntegrity.ASSERTION_WEAKENED);
        }

        @Test
        void flagsPythonEqualityLoosenedToIsNotNone() {
            Finding f = only(python(PY.replace("assert result == 3", "assert result is not None")),
                    TestIntegrity.ASSERTION_WEAKENED);
            assertThat(f.line()).isEqualTo(7);
        }

        @Test
        void flagsPythonEqualityLoosenedToABoundOrToTruthiness() {
            only(python(PY.replace("assert add(2, 2) == 4", "assert add(2, 2) >= 4")), TestIntegrity.ASSERTION_WEAKENED);
            only(python(PY.replace("assert add(2, 2) == 4", "assert add(2, 2)")), TestIntegrity.ASSERTION_WEAKENED);
            only(python(PY.replace("assert add(2, 2) == 4", "assert True")), TestIntegrity.ASSERTION_WEAKENED);
        }

        @Test
        void flagsPytestRaisesBroadenedToException() {
            Finding f = only(python(PY.replace("pytest.raises(ZeroDivisionError)", "pytest.raises(Exception)")),
                    TestIntegrity.ASSERTION_WEAKENED);
            assertThat(f.line()).isEqualTo(13);
        }
    }

    @Nested
    class AddedSkips {

        @Test
        void flagsDisabledOnAJavaTest() {
            String after = JAVA.replace("    void rejects",
                    "    @org.junit.jupiter.api.Disabled(\"flaky\")\n    void rejects");
            Finding f = only(java(after), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(17);
            assertThat(f.reason()).contains("`@org.junit.jupiter.api.Disabled(\"flaky\")` is new and can skip test "
                    + "`CalcTest.rejectsDivisionByZero`");
        }

        @Test
        void aClassLevelSkipIsOneFindingNamingEveryTest() {
            Finding f = only(java(JAVA.replace("class CalcTest {", "@EnabledIfEnvironmentVariable(named = \"CI\", "
                    + "matches = \"never\")\nclass CalcTest {")), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(7);
            assertThat(f.reason()).contains("tests `CalcTest.addsTwoNumbers`, `CalcTest.rejectsDivisionByZero`");
        }

        @Test
        void changingTheReasonOfAnExistingDisableIsNoNewSkip() {
            String before = JAVA.replace("void rejects", "@Disabled(\"one\")\n    void rejects");
            String after = before.replace("\"one\"", "\"two\"");
            assertThat(TestIntegrity.check(JAVA_FILE, before, after)).isEmpty();
        }

        @Test
        void flagsAnAddedAssumption() {
            String after = JAVA.replace("Calc calc = new Calc();",
                    "Calc calc = new Calc();\n        org.junit.jupiter.api.Assumptions.assumeTrue(false);");
            Finding f = only(java(after), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(12);
        }

        @Test
        void flagsAnEarlyReturnBeforeTheAssertions() {
            String after = JAVA.replace("Calc calc = new Calc();", "Calc calc = new Calc();\n        if (calc != null) return;");
            Finding f = only(java(after), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(12);
            assertThat(f.reason()).contains("now returns at line 12 before its assertions run");
        }

        @Test
        void flagsAPytestSkipDecorator() {
            String after = PY.replace("def test_adds", "@pytest.mark.skip(reason=\"later\")\ndef test_adds");
            Finding f = only(python(after), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(5);
        }

        @Test
        void flagsAModuleWidePytestmarkAndUnittestSkip() {
            String after = PY.replace("from calc import add, div\n",
                    "from calc import add, div\npytestmark = pytest.mark.skipif(True, reason=\"x\")\n");
            Finding f = only(python(after), TestIntegrity.SKIP_ADDED);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).contains("tests `test_adds_two_numbers`, `TestDivision.test_rejects_zero`, "
                    + "`TestDivision.test_halves`");
            only(python(PY.replace("class TestDivision:", "@unittest.skip(\"x\")\nclass TestDivision:")),
                    TestIntegrity.SKIP_ADDED);
        }

        @Test
        void flagsAPytestSkipCallAndAnEarlyReturn() {
            Finding skip = only(python(PY.replace("    result = add(1, 2)\n", "    pytest.skip(\"later\")\n    result = add(1, 2)\n")),
                    TestIntegrity.SKIP_ADDED);
            assertThat(skip.line()).isEqualTo(6);
            Finding early = only(python(PY.replace("    result = add(1, 2)\n", "    result = add(1, 2)\n    return\n")),
                    TestIntegrity.SKIP_ADDED);
            assertThat(early.line()).isEqualTo(7);
        }
    }

    @Nested
    class RaisedTimeouts {

        private static final String TIMED = JAVA.replace("    void rejects", "    @Timeout(1)\n    void rejects");

        @Test
        void flagsAJunit5TimeoutRaisedOrRemoved() {
            Finding raised = only(TestIntegrity.check(JAVA_FILE, TIMED, TIMED.replace("@Timeout(1)", "@Timeout(10)")),
                    TestIntegrity.TIMEOUT_RAISED);
            assertThat(raised.line()).isEqualTo(17);
            assertThat(raised.reason()).contains("raised from `@Timeout(1)` to `@Timeout(10)`");
            only(TestIntegrity.check(JAVA_FILE, TIMED, TIMED.replace("@Timeout(1)\n", "")),
                    TestIntegrity.TIMEOUT_RAISED);
            assertThat(TestIntegrity.check(JAVA_FILE, TIMED, TIMED.replace("@Timeout(1)",
                    "@Timeout(value = 500, unit = TimeUnit.MILLISECONDS)"))).isEmpty();
        }

        @Test
        void flagsAJunit4TimeoutRaised() {
            String before = TIMED.replace("@Test\n    @Timeout(1)", "@Test(timeout = 100)");
            only(TestIntegrity.check(JAVA_FILE, before, before.replace("100", "1_000")), TestIntegrity.TIMEOUT_RAISED);
        }

        @Test
        void flagsAnAssertTimeoutRaised() {
            String before = JAVA.replace("assertThrows(ArithmeticException.class, () -> new Calc().div(1, 0));",
                    "assertTimeout(Duration.ofMillis(100), () -> new Calc().div(1, 1));");
            Finding f = only(TestIntegrity.check(JAVA_FILE, before, before.replace("ofMillis(100)", "ofSeconds(5)")),
                    TestIntegrity.TIMEOUT_RAISED);
            assertThat(f.line()).isEqualTo(18);
            assertThat(TestIntegrity.check(JAVA_FILE, before, before.replace("ofMillis(100)", "ofMillis(50)")))
                    .isEmpty();
        }

        @Test
        void flagsAPytestTimeoutRaisedOrRemoved() {
            String before = PY.replace("    def test_halves", "    @pytest.mark.timeout(1)\n    def test_halves");
            Finding f = only(TestIntegrity.check(PY_FILE, before, before.replace("timeout(1)", "timeout(30)")),
                    TestIntegrity.TIMEOUT_RAISED);
            assertThat(f.line()).isEqualTo(16);
            only(TestIntegrity.check(PY_FILE, before, PY), TestIntegrity.TIMEOUT_RAISED);
        }
    }

    @Nested
    class AllowedChanges {

        @Test
        void addingTestsAndAssertionsIsFine() {
            String java = JAVA.replace("assertEquals(3, calc.add(1, 2));",
                    "assertEquals(3, calc.add(1, 2));\n        assertEquals(0, calc.add(0, 0));").replace("    @Test\n    void rejects", """
                        @Test
                        void addsNegatives() {
                            assertEquals(-2, new Calc().add(-1, -1));
                        }

                        @Test
                        void rejects""".indent(4).stripTrailing());
            assertThat(java(java)).isEmpty();
            String py = PY + """

                    def test_adds_zero():
                        assert add(0, 0) == 0
                    """;
            assertThat(python(py.replace("assert result == 3", "assert result == 3\n    assert result > 0"))).isEmpty();
        }

        @Test
        void reformattingCommentsAndRenamingALocalAreFine() {
            String java = JAVA.replace("Calc calc = new Calc();", "// the thing under test\n        Calc c =\n            new Calc();")
                    .replace("calc.add(1, 2)", "c.add( 1,2 )").replace("calc.add(2, 2)", "c\n            .add(2, 2)");
            assertThat(java(java)).isEmpty();
            String py = PY.replace("result = add(1, 2)\n    assert result == 3", "total = add(1,  2)  # sum\n    assert (total == 3)");
            assertThat(python(py)).isEmpty();
        }

        @Test
        void aNewLocalOrARenamedLambdaParameterChangesNoCheck() {
            String before = JAVA.replace("assertThat(calc.add(2, 2)).isEqualTo(4);",
                    "assertThat(List.of(2)).allSatisfy(n -> assertThat(calc.add(n, 2)).isEqualTo(4));");
            String after = before.replace("Calc calc = new Calc();", "int unused = 0;\n        Calc calc = new Calc();")
                    .replace("n -> assertThat(calc.add(n, 2))", "each -> assertThat(calc.add(each, 2))");
            assertThat(TestIntegrity.check(JAVA_FILE, before, after)).isEmpty();
            String py = PY.replace("    result = add(1, 2)\n", "    base = 0\n    result = add(1, 2)\n")
                    .replace("assert add(2, 2) == 4", "assert all((lambda v: add(v, 2) == 4)(n) for n in [2])");
            assertThat(TestIntegrity.check(PY_FILE, py, py.replace("    base = 0\n", "")
                    .replace("lambda v: add(v, 2)", "lambda w: add(w, 2)"))).isEmpty();
        }

        @Test
        void movingTestsAndChangingHelpersAndSetupIsFine() {
            String java = """
                    package demo;

                    import org.junit.jupiter.api.Test;
                    import static org.junit.jupiter.api.Assertions.*;
                    import static org.assertj.core.api.Assertions.assertThat;

                    class CalcTest {

                        @Test
                        void rejectsDivisionByZero() {
                            assertThrows(ArithmeticException.class, () -> calc().div(1, 0));
                        }

                        @Test
                        void addsTwoNumbers() {
                            Calc calc = calc();
                            assertEquals(3, calc.add(1, 2));
                            assertThat(calc.add(2, 2)).isEqualTo(4);
                        }

                        private static Calc calc() {
                            return new Calc(Mode.EXACT);
                        }
                    }
                    """;
            assertThat(java(java)).isEmpty();
            String py = """
                    import pytest
                    from calc import add, div


                    class TestDivision:
                        def test_halves(self):
                            assert div(4, 2) == 2

                        def test_rejects_zero(self):
                            with pytest.raises(ZeroDivisionError):
                                div(1, 0)


                    def test_adds_two_numbers():
                        result = add(1, 2)
                        assert result == 3
                        assert add(2, 2) == 4
                    """;
            assertThat(python(py)).isEmpty();
        }

        @Test
        void renamingAFunctionUnderTestIsFine() {
            assertThat(java(JAVA.replace("calc.add(", "calc.plus("))).isEmpty();
            assertThat(python(PY.replace("add(", "plus("))).isEmpty();
        }

        @Test
        void newNonTestAndUnparsableFilesGiveNoFinding() {
            assertThat(TestIntegrity.check(JAVA_FILE, null, JAVA)).isEmpty();
            assertThat(TestIntegrity.check(PY_FILE, null, PY)).isEmpty();
            assertThat(TestIntegrity.check("src/main/java/demo/Calc.java", JAVA, "")).isEmpty();
            assertThat(java(JAVA.replace("class CalcTest {", "class CalcTest {{"))).isEmpty();
            assertThat(python(PY.replace("def test_halves(self):", "def test_halves(self)"))).isEmpty();
        }
    }

    @Test
    void recognisesTestFiles() {
        assertThat(TestIntegrity.isTestFile("src/test/java/demo/Helpers.java")).isTrue();
        assertThat(TestIntegrity.isTestFile("module/src/test/java/demo/Helpers.java")).isTrue();
        assertThat(TestIntegrity.isTestFile("src/main/java/demo/CalcTest.java")).isTrue();
        assertThat(TestIntegrity.isTestFile("app/CalcTests.java")).isTrue();
        assertThat(TestIntegrity.isTestFile("app/CalcIT.java")).isTrue();
        assertThat(TestIntegrity.isTestFile("src/main/java/demo/Calc.java")).isFalse();
        assertThat(TestIntegrity.isTestFile("test_calc.py")).isTrue();
        assertThat(TestIntegrity.isTestFile("pkg/calc_test.py")).isTrue();
        assertThat(TestIntegrity.isTestFile("conftest.py")).isTrue();
        assertThat(TestIntegrity.isTestFile("tests/helpers.py")).isTrue();
        assertThat(TestIntegrity.isTestFile("pkg/test/util.py")).isTrue();
        assertThat(TestIntegrity.isTestFile("pkg/calc.py")).isFalse();
        assertThat(TestIntegrity.isTestFile("pkg/testing/calc.py")).isFalse();
        assertThat(TestIntegrity.isTestFile("tests/data.json")).isFalse();
    }

    @Test
    void aMissingPythonIsAnEnvironmentProblemThatSaysWhatToInstall() {
        assertThatThrownBy(() -> PythonTests.summarize("/nonexistent/python3", PY, PY))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("install python3");
    }
}

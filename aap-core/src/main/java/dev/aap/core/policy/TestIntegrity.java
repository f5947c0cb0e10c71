package dev.aap.core.policy;

import dev.aap.core.EnvironmentException;
import dev.aap.core.build.PythonLocator;

import java.util.List;
import java.util.Optional;

/**
 * Decides on the syntax tree whether a change to an existing test file weakens its tests (a test or an assertion
 * removed, an expectation changed, a weaker assertion, a skip or an early return added, a time limit raised), so
 * that a patch cannot make a failing test pass by editing the test.
 *
 * <p>Java files are read with JavaParser, Python files with Python's own {@code ast} in a child process that only
 * parses them. Text that does not parse (before or after the change) gives no finding: the guard cannot compare
 * it, and a broken edit is refused by the syntax check and fails the build anyway. Adding tests, assertions or
 * whole test files, changing setup and helper code, reformatting, renaming a local consistently and moving a test
 * within the file are no weakening.
 */
public final class TestIntegrity {

    /** A test or its test annotation is gone. */
    public static final String TEST_REMOVED = "test-removed";
    /** A test has fewer assertions than before. */
    public static final String ASSERTION_REMOVED = "assertion-removed";
    /** The same assertion now expects another value. */
    public static final String EXPECTED_CHANGED = "expected-changed";
    /** An exact assertion was replaced by a weaker one, or an expected exception by a broad one. */
    public static final String ASSERTION_WEAKENED = "assertion-weakened";
    /** A skip, assumption or early return was added. */
    public static final String SKIP_ADDED = "skip-added";
    /** A time limit was raised or removed. */
    public static final String TIMEOUT_RAISED = "timeout-raised";

    private TestIntegrity() {
    }

    /**
     * One way a change weakens a test.
     *
     * @param file   the project-relative path that was checked
     * @param line   where it shows in the changed file; for a test removed, its line in the base version
     * @param rule   one of the rule constants of {@link TestIntegrity}
     * @param reason what was weakened and what to do instead, for a human reviewer and for the model alike
     */
    public record Finding(String file, int line, String rule, String reason) {

        public Finding {
            if (file == null || rule == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a finding needs a file, a rule and a reason");
            }
        }

        /** {@code file:line: reason}, the form compilers use, which editors and models both read. */
        public String render() {
            return file + ":" + line + ": " + reason;
        }
    }

    /**
     * Is this project-relative path a test file? Java: under {@code src/test/} (any module) or named
     * {@code *Test.java}, {@code *Tests.java}, {@code *IT.java}; Python: {@code test_*.py}, {@code *_test.py},
     * {@code conftest.py}, or any {@code .py} under a {@code tests/} or {@code test/} directory.
     */
    public static boolean isTestFile(String relPath) {
        return dev.aap.core.build.TestFiles.isTestFile(relPath); // one definition for the guard and the task kinds
    }

    /**
     * Findings for one file changed from {@code before} (the base commit's text) to {@code after}; empty when no
     * test is weakened, when the file is new ({@code before == null}), not a test file by {@link #isTestFile}, or
     * does not parse. A deleted file ({@code after == null}) removes every test it had.
     *
     * @throws EnvironmentException for a Python file when no Python 3.9+ interpreter is found
     */
    public static List<Finding> check(String relPath, String before, String after) {
        if (before == null || before.equals(after) || !isTestFile(relPath)) {
            return List.of();
        }
        Optional<TestSummary> was;
        Optional<TestSummary> now;
        if (relPath.endsWith(".java")) {
            was = JavaTests.summarize(before);
            now = was.isPresent() ? JavaTests.summarize(after) : Optional.empty();
        } else {
            PythonTests.Pair pair = PythonTests.summarize(python(), before, after);
            was = pair.before();
            now = pair.after();
        }
        if (was.isEmpty() || now.isEmpty()) {
            return List.of();
        }
        return Weakening.compare(relPath, was.get(), now.get(), after == null);
    }

    private static String python() {
        try {
            return PythonLocator.find();
        } catch (EnvironmentException e) {
            throw new EnvironmentException("the test-integrity check of Python tests needs python3 (3.9 or newer): "
                    + e.getMessage(), e);
        }
    }
}

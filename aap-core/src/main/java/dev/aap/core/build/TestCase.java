package dev.aap.core.build;

import java.util.Objects;

/**
 * One test's result from a JUnit-XML report.
 *
 * @param id      {@code pkg.Class#method} (JUnit) or {@code module.path::name} (pytest)
 * @param outcome what happened
 * @param message failure message or empty
 */
public record TestCase(String id, Outcome outcome, String message) {

    /** How a test ended. */
    public enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

    public TestCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.ERROR;
    }
}

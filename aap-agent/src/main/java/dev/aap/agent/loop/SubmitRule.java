package dev.aap.agent.loop;

import dev.aap.agent.tool.Observation;
import dev.aap.agent.tool.ToolBox;

import java.util.List;
import java.util.function.Function;

/**
 * When a submit ends the loop. Accepted: the workspace is exactly what the last full green test run saw, or the
 * tests pass when run now. Refused once: nothing changed yet, or the tests fail (the failure is the answer); a
 * second submit without an edit in between ends the loop as a give-up.
 */
final class SubmitRule {

    /** What a submit led to; {@code stop} is null when the loop goes on. */
    record Decision(String text, Stop stop, boolean green, long testMillis) {
    }

    private final Function<List<String>, ToolBox.TestSummary> tests;
    private String greenState;
    private boolean refused;

    SubmitRule(Function<List<String>, ToolBox.TestSummary> tests) {
        this.tests = tests;
    }

    void tested(boolean green, String state) {
        if (green) {
            greenState = state;
        }
    }

    /** Whether the last full test run that met the success criterion saw exactly {@code state}. */
    boolean greenNow(String state) {
        return !state.isEmpty() && state.equals(greenState);
    }

    void edited() {
        refused = false;
    }

    Decision submit(String state) {
        if (state.isEmpty() && !refused) {
            refused = true;
            return new Decision("Nothing has been changed yet: make the fix with propose_edit, run the tests, then"
                    + " submit. Call submit again to give up without a change.", null, false, 0);
        }
        if (state.isEmpty() || state.equals(greenState) || refused) {
            boolean green = !state.isEmpty() && state.equals(greenState);
            return new Decision("Submitted.", new Stop(Stop.Kind.SUBMITTED, green ? "submitted with all tests"
                    + " passing" : "gave up: submitted without a passing change"), green, 0);
        }
        long t0 = System.nanoTime();
        ToolBox.TestSummary check = tests.apply(List.of());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (check.passed()) {
            greenState = state;
            return new Decision("Submitted: all tests pass.", new Stop(Stop.Kind.SUBMITTED,
                    "submitted with all tests passing"), true, ms);
        }
        refused = true;
        return new Decision("Not accepted yet: the tests do not pass with this change.\n"
                + Observation.untrusted("tests", check.text())
                + "\nFix it and run_tests again, or call submit again to give up.", null, false, ms);
    }
}

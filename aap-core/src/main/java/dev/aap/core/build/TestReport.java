package dev.aap.core.build;

import java.util.List;

/** Parsed results of one test run. */
public record TestReport(List<TestCase> cases) {

    public TestReport {
        cases = List.copyOf(cases);
    }

    public List<TestCase> failing() {
        return cases.stream().filter(TestCase::failed).toList();
    }

    public int total() {
        return cases.size();
    }

    public int executed() {
        return (int) cases.stream().filter(c -> c.outcome() != TestCase.Outcome.SKIPPED).count();
    }
}

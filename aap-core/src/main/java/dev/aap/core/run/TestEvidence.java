package dev.aap.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What the tests showed about the delivered change, from real runs on the base commit and on the branch.
 *
 * @param targets             the tests the task was about (repair: failing targets; tdd: tests that did not compile)
 * @param newTests            tests the change adds (issue mode: they must reproduce the issue)
 * @param failToPass          tests that failed on the base commit and pass on the branch
 * @param passToPass          tests that passed on the base commit and still pass
 * @param preexistingFailures tests that failed on the base commit, were not targets, and may still fail
 * @param results             each target or new test: its result on the base commit and on the branch
 * @param branchRuns          how many runs in a row the targets or new tests passed on the branch
 */
public record TestEvidence(List<String> targets, @JsonProperty("new") List<String> newTests, List<String> failToPass,
                           List<String> passToPass, List<String> preexistingFailures, List<Result> results,
                           int branchRuns) {

    public TestEvidence {
        targets = List.copyOf(targets);
        newTests = List.copyOf(newTests);
        failToPass = List.copyOf(failToPass);
        passToPass = List.copyOf(passToPass);
        preexistingFailures = List.copyOf(preexistingFailures);
        results = List.copyOf(results);
    }

    /**
     * One test's results.
     *
     * @param test        test id
     * @param base        on the base commit: passed, failed, error, skipped, missing or "does not compile"
     * @param baseMessage the first line of its failure on the base commit, or empty
     * @param branch      on the branch, as {@code base}
     */
    public record Result(String test, String base, String baseMessage, String branch) {
    }
}

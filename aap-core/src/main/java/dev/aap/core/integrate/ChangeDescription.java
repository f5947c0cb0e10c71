package dev.aap.core.integrate;

import dev.aap.core.patch.Patch;
import dev.aap.core.run.TaskKind;
import dev.aap.core.run.TestEvidence;

import java.util.List;
import java.util.Locale;

/**
 * Everything the integrator needs to name and explain a verified change.
 *
 * @param runId        the run id
 * @param issue        the user's issue text (may be empty)
 * @param summary      one line: what the change does, e.g. "replace '<' with '<=' in Pascal.java:14"
 * @param patch        the verified patch
 * @param testCommand  the command that proved it
 * @param testsRun     tests that passed with the patch
 * @param fixedTests   tests that failed before and pass now
 * @param alternatives other plausible patches found, one line each
 * @param strategy     the brain that produced it
 * @param narrative    the strategy's own commit message, PR sections and critic review (may be empty)
 * @param kind         what the task was: repair, issue or tdd
 * @param evidence     the test runs on the base commit and the branch (null for a change with no report)
 * @param allowedTestEdits changes to existing tests the guard would block, allowed by the user
 * @param attempts     the strategy's independent attempts, one line each (empty with a single attempt)
 */
public record ChangeDescription(String runId, String issue, String summary, Patch patch, String testCommand,
                                int testsRun, List<String> fixedTests, List<String> alternatives, String strategy,
                                Narrative narrative, TaskKind kind, TestEvidence evidence,
                                List<String> allowedTestEdits, List<String> attempts) {

    public ChangeDescription {
        fixedTests = List.copyOf(fixedTests);
        alternatives = List.copyOf(alternatives);
        narrative = narrative == null ? Narrative.none() : narrative;
        kind = kind == null ? TaskKind.REPAIR : kind;
        allowedTestEdits = allowedTestEdits == null ? List.of() : List.copyOf(allowedTestEdits);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** {@code aap/<run-id>-<slug>}, the slug taken from the issue text or the summary. */
    public String branchName() {
        String base = issue.isBlank() ? summary : issue.lines().findFirst().orElse(summary);
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return "aap/" + runId + (slug.isEmpty() ? "" : "-" + slug);
    }

    /** A Conventional Commit: {@code fix(scope): summary}, a body, and a trailer naming the run. */
    public String commitMessage() {
        if (narrative.commitMessage() != null && !narrative.commitMessage().isBlank()) {
            return narrative.commitMessage().strip() + "\n\nGenerated-by: aap " + strategy + " run " + runId + "\n";
        }
        String scope = patch.files().isEmpty() ? "" : scopeOf(patch.files().get(0));
        String type = kind == TaskKind.REPAIR ? "fix" : kind == TaskKind.TDD ? "feat" : "fix";
        String subject = type + (scope.isEmpty() ? "" : "(" + scope + ")") + ": " + summary;
        if (subject.length() > 100) {
            subject = subject.substring(0, 97) + "...";
        }
        var body = new StringBuilder(subject).append("\n\n");
        if (evidence != null && !evidence.newTests().isEmpty()) {
            body.append("Adds ").append(evidence.newTests().size()).append(" test(s) that fail on the base commit and"
                    + " pass with this change.\n");
        } else if (!fixedTests.isEmpty()) {
            body.append("Makes these failing tests pass: ").append(String.join(", ", fixedTests.stream().limit(5)
                    .toList())).append(fixedTests.size() > 5 ? ", ..." : "").append(".\n");
        }
        body.append("Verified with `").append(testCommand).append("` (").append(testsRun).append(" tests).\n\n");
        body.append("Generated-by: aap ").append(strategy).append(" run ").append(runId).append('\n');
        return body.toString();
    }

    private static String scopeOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    }
}

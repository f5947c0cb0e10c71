package dev.aap.core.integrate;

import dev.aap.core.run.TestEvidence;

/** Writes the pull-request body with the fixed sections of DESIGN.md. */
public final class PullRequestBody {

    private PullRequestBody() {
    }

    /** The Tests section: a table of the runs on the base commit and the branch, then what else was seen. */
    private static void tests(StringBuilder b, ChangeDescription c) {
        TestEvidence e = c.evidence();
        b.append("`").append(c.testCommand()).append("` in the sandbox with this change: ").append(c.testsRun())
                .append(" tests ran. ");
        b.append(switch (c.kind()) {
            case REPAIR -> "Task kind **repair**: the targets failed on the base commit and pass now.";
            case ISSUE -> "Task kind **issue**: the new tests reproduce the issue (they fail on the base commit) and"
                    + " pass with the change.";
            case TDD -> "Task kind **tdd**: the tests used code that did not exist yet; they compile and pass now.";
        }).append("\n\n");
        if (e == null) {
            return;
        }
        if (!e.results().isEmpty()) {
            b.append("| test | base commit | this branch |\n|---|---|---|\n");
            for (TestEvidence.Result r : e.results().stream().limit(30).toList()) {
                b.append("| `").append(cell(r.test())).append("` | ").append(r.base())
                        .append(r.baseMessage().isBlank() ? "" : ": " + cell(clip(r.baseMessage())))
                        .append(" | ").append(r.branch())
                        .append(e.branchRuns() > 1 ? " (" + e.branchRuns() + " runs in a row)" : "").append(" |\n");
            }
            if (e.results().size() > 30) {
                b.append("\n(").append(e.results().size() - 30).append(" more in run.json)\n");
            }
            b.append('\n');
        }
        b.append(e.passToPass().size()).append(" test(s) that passed on the base commit still pass.\n");
        if (!e.preexistingFailures().isEmpty()) {
            b.append("\nPre-existing failures (they fail on the base commit too and were not targets):\n");
            e.preexistingFailures().stream().limit(20).forEach(t -> b.append("- `").append(t).append("`\n"));
        }
        b.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    public static String render(ChangeDescription c, String branch, String policySummary) {
        return render(c, branch, policySummary, null);
    }

    public static String render(ChangeDescription c, String branch, String policySummary, String risk) {
        return render(c, branch, policySummary, risk, null);
    }

    /**
     * {@code risk}: the risk score's line ("low (10/100): ..."), or null; {@code diffCoverage}: "85% (17/20 changed
     * lines)" or "n/a (why)", or null.
     */
    public static String render(ChangeDescription c, String branch, String policySummary, String risk,
                                String diffCoverage) {
        var b = new StringBuilder();
        b.append("# ").append(c.summary()).append("\n\n");
        var model = c.narrative().sections();
        b.append("## Purpose\n");
        if (model.containsKey("Purpose")) {
            b.append(model.get("Purpose").strip()).append("\n\n");
        } else if (!c.issue().isBlank()) {
            b.append(c.issue().strip()).append("\n\n");
        }
        if (!c.fixedTests().isEmpty()) {
            b.append("Fixes the failing test").append(c.fixedTests().size() > 1 ? "s" : "").append(":\n");
            c.fixedTests().stream().limit(20).forEach(t -> b.append("- `").append(t).append("`\n"));
        }
        b.append('\n');
        b.append("## Changes\n");
        if (model.containsKey("Changes")) {
            b.append(model.get("Changes").strip()).append("\n\n");
        }
        b.append(c.summary()).append(" (").append(c.patch().files().size()).append(" file(s), +")
                .append(c.patch().added()).append(" -").append(c.patch().removed()).append(").\n\n");
        b.append("```diff\n").append(c.patch().diff().strip()).append("\n```\n\n");
        b.append("## Tests\n");
        tests(b, c);
        b.append("## Impact on performance and security\n");
        b.append("A ").append(c.patch().changedLines()).append("-line change found by the `").append(c.strategy())
                .append("` strategy; ")
                .append(c.patch().newFiles().isEmpty() ? "no new files" : c.patch().newFiles().size() + " new file(s)")
                .append(". Guardrails: ").append(policySummary)
                .append(".\n");
        if (risk != null) {
            b.append("Risk: ").append(risk).append(". The findings are in `checks/review.sarif`.\n");
        }
        if (diffCoverage != null) {
            b.append("Diff coverage: ").append(diffCoverage).append(".\n");
        }
        if (model.containsKey("Impact on performance and security")) {
            b.append(model.get("Impact on performance and security").strip()).append('\n');
        }
        if (c.narrative().criticVerdict() != null) {
            b.append("Critic (model review of the diff): **").append(c.narrative().criticVerdict()).append("**\n");
            c.narrative().criticNotes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        b.append('\n');
        b.append("## Rollback\n");
        b.append("Revert the commit on `").append(branch).append("` (`git revert <commit>`), or delete the branch.\n\n");
        b.append("## Open items\n");
        b.append("- The change is plausible (every test passes) but the tests may not pin the intended behaviour:"
                + " review the logic, not only the green run.\n");
        if (!c.attempts().isEmpty()) {
            b.append("- Found after ").append(c.attempts().size()).append(" independent attempts:\n");
            c.attempts().forEach(a -> b.append("  - attempt ").append(a).append('\n'));
        }
        if (!c.allowedTestEdits().isEmpty()) {
            b.append("- Existing tests were changed in ways the test integrity guard blocks; the user allowed it"
                    + " (--allow-test-edits):\n");
            c.allowedTestEdits().forEach(r -> b.append("  - ").append(r).append('\n'));
        }
        if (model.containsKey("Open items")) {
            b.append(model.get("Open items").strip()).append('\n');
        }
        if (!c.alternatives().isEmpty()) {
            b.append("- Other plausible changes found:\n");
            c.alternatives().forEach(a -> b.append("  - ").append(a).append('\n'));
        }
        b.append("\n_Run `").append(c.runId()).append("`._\n");
        return b.toString();
    }
}

package dev.aap.core.integrate;

/** Writes the pull-request body with the fixed sections of DESIGN.md. */
public final class PullRequestBody {

    private PullRequestBody() {
    }

    public static String render(ChangeDescription c, String branch, String policySummary) {
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
        b.append("`").append(c.testCommand()).append("` passes in the sandbox with this change (")
                .append(c.testsRun()).append(" tests); it failed before it.\n\n");
        b.append("## Impact on performance and security\n");
        b.append("A ").append(c.patch().changedLines()).append("-line change found by the `").append(c.strategy())
                .append("` strategy; no new dependencies, no new files. Guardrails: ").append(policySummary)
                .append(".\n");
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

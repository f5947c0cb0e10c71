package dev.aap.core.gates;

import dev.aap.core.policy.Finding;

import java.util.List;
import java.util.Objects;

/**
 * What the quality gates found on a patch, and which gates were there to find it.
 *
 * @param ran      the gates that ran, with their runs on base and branch
 * @param skipped  the gates that did not run, each with why
 * @param notes    configured checks the build enforces itself (compiler warnings as errors)
 * @param findings new findings ({@code lint:<tool>:<rule>}) and {@code gate-error} warnings
 */
public record GateReport(List<Ran> ran, List<Skipped> skipped, List<String> notes, List<Finding> findings) {

    public GateReport {
        ran = List.copyOf(ran);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    /**
     * A gate that ran.
     *
     * @param tool        its name ({@code flake8})
     * @param command     the branch command
     * @param exitCode    the branch run's exit code
     * @param millis      time for both runs
     * @param branchCount findings on the branch
     * @param newCount    of those, findings the base did not have
     * @param log         the commands and raw outputs of both runs, for {@code checks/lint-<tool>.log}
     */
    public record Ran(String tool, String command, int exitCode, long millis, int branchCount, int newCount,
                      String log) {
    }

    /**
     * A gate that did not run.
     *
     * @param tool   its name
     * @param reason why: not configured, not installed, switched off, nothing it reads changed
     */
    public record Skipped(String tool, String reason) {

        public Skipped {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** One line for pr.md and events: what ran, what was skipped and why. */
    public String summary() {
        var b = new StringBuilder();
        b.append(ran.isEmpty() ? "no quality gate ran" : "ran " + String.join(", ", ran.stream().map(Ran::tool)
                .toList()));
        skipped.forEach(s -> b.append("; ").append(s.tool()).append(" skipped (").append(s.reason()).append(')'));
        notes.forEach(n -> b.append("; ").append(n));
        return b.toString();
    }
}

package dev.aap.core.build;

import dev.aap.core.sandbox.ExecResult;

/**
 * One run of a project's test command.
 *
 * @param command      the command as shown to users
 * @param exec         what the process did
 * @param report       parsed test results (may be empty when the tool wrote none)
 * @param compileError the compiler's message when the code or tests did not compile, else null
 */
public record TestRun(String command, ExecResult exec, TestReport report, String compileError) {

    public boolean passed() {
        return exec.succeeded() && compileError == null && report.failing().isEmpty();
    }

    /** Whether the run compiled but reported none of {@code ids} (a selection that missed the project's layout). */
    public boolean reportsNoneOf(java.util.List<String> ids) {
        var seen = new java.util.HashSet<String>();
        report.cases().forEach(c -> seen.add(c.id()));
        return compileError == null && ids.stream().noneMatch(seen::contains);
    }
}

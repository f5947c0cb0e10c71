package dev.aap.core.gates;

import dev.aap.core.sandbox.ExecResult;

import java.util.List;

/**
 * One run of one tool on one tree (the base checkout or the branch).
 *
 * @param command the command as shown in logs
 * @param exec    what the process did
 * @param issues  what it reported (empty when it failed)
 * @param problem why the run cannot be trusted (crash, timeout, no report), or null
 */
record ToolRun(String command, ExecResult exec, List<Issue> issues, String problem) {

    ToolRun {
        issues = List.copyOf(issues);
    }

    static ToolRun failed(String command, ExecResult exec, String problem) {
        return new ToolRun(command, exec, List.of(), problem);
    }

    /** The last non-blank line of the output: where a traceback or a Maven error says what went wrong. */
    static String lastLine(ExecResult r) {
        List<String> lines = r.combinedOutput().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "exit " + r.exitCode() + " without output" : lines.get(lines.size() - 1);
    }

    static String duration(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}

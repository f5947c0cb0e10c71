package dev.aap.agent.role;

import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a test run into the short failure summary the Coder acts on: compiler errors with file and line, each
 * failing test with its assertion message, and the stack frames that point into the repository, within a
 * character budget. Deterministic on purpose: a model adds cost here and nothing the report does not say. Absolute
 * workspace paths and timings are removed so that the same code gives the same text (replays depend on it).
 */
public final class Tester {

    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at ([\\w$.]+)\\(([\\w$]+\\.java):(\\d+)\\)");
    private static final Pattern PY_FRAME = Pattern.compile("^([\\w./-]+\\.py):(\\d+): (.*)$");
    private static final Pattern PY_E_LINE = Pattern.compile("^E\\s{1,4}(.*)$");
    private static final Pattern TIMING = Pattern.compile("\\b\\d+(\\.\\d+)?\\s?(s|ms|sec|seconds)\\b");

    private final String workspaceRoot;
    private final Set<String> projectFiles;
    private final int budget;

    /**
     * @param workspaceRoot absolute path of the project directory, cut from messages
     * @param projectFiles  simple file names of the project's sources (frames into other files are dropped)
     * @param budget        most characters of a summary
     */
    public Tester(String workspaceRoot, Set<String> projectFiles, int budget) {
        this.workspaceRoot = workspaceRoot.endsWith("/") ? workspaceRoot : workspaceRoot + "/";
        this.projectFiles = Set.copyOf(projectFiles);
        this.budget = budget;
    }

    public String summarize(TestRun run) {
        var b = new StringBuilder();
        if (run.exec().timedOut()) {
            b.append("The test run was killed at its time limit (an endless loop or a very slow test?).\n");
        }
        if (run.compileError() != null) {
            b.append("COMPILATION FAILED:\n").append(clean(run.compileError())).append('\n');
            return cut(b.toString());
        }
        List<TestCase> failing = run.report().failing();
        if (run.passed()) {
            return "PASSED: all " + run.report().executed() + " tests pass.";
        }
        b.append("FAILED: ").append(failing.size()).append(" of ").append(run.report().executed())
                .append(" tests fail").append(run.exec().exitCode() != 0 ? " (exit code " + run.exec().exitCode()
                        + ")" : "").append(".\n");
        for (TestCase t : failing.stream().limit(8).toList()) {
            b.append("- ").append(t.id()).append(": ").append(firstLines(clean(t.message()), 4)).append('\n');
        }
        if (failing.size() > 8) {
            b.append("- ... and ").append(failing.size() - 8).append(" more\n");
        }
        List<String> frames = frames(run.exec().combinedOutput());
        if (!frames.isEmpty()) {
            b.append("Where (frames and lines in this repository):\n");
            frames.stream().limit(15).forEach(f -> b.append("  ").append(f).append('\n'));
        }
        if (failing.isEmpty()) {
            b.append("No test report was written; last lines of the output:\n")
                    .append(lastLines(clean(run.exec().combinedOutput()), 25)).append('\n');
        }
        return cut(b.toString());
    }

    private List<String> frames(String output) {
        var out = new LinkedHashSet<String>();
        for (String raw : clean(output).lines().toList()) {
            Matcher j = JAVA_FRAME.matcher(raw);
            if (j.find() && projectFiles.contains(j.group(2))) {
                out.add("at " + j.group(1) + " (" + j.group(2) + ":" + j.group(3) + ")");
                continue;
            }
            Matcher p = PY_FRAME.matcher(raw.strip());
            if (p.matches()) {
                String name = p.group(1).substring(p.group(1).lastIndexOf('/') + 1);
                if (projectFiles.contains(name)) {
                    out.add(p.group(1) + ":" + p.group(2) + ": " + p.group(3));
                }
                continue;
            }
            Matcher e = PY_E_LINE.matcher(raw);
            if (e.matches() && !e.group(1).isBlank()) {
                out.add("E " + e.group(1).strip());
            }
        }
        return new ArrayList<>(out);
    }

    private String clean(String s) {
        if (s == null) {
            return "";
        }
        return TIMING.matcher(s.replace(workspaceRoot, "").replace(workspaceRoot.substring(0,
                workspaceRoot.length() - 1), ".")).replaceAll("<t>");
    }

    private String cut(String s) {
        return s.length() <= budget ? s.strip() : s.substring(0, budget) + "\n[summary cut at " + budget + " characters]";
    }

    private static String firstLines(String s, int n) {
        List<String> lines = s.strip().lines().toList();
        String head = String.join("\n    ", lines.subList(0, Math.min(n, lines.size())));
        return lines.size() > n ? head + " ..." : head;
    }

    private static String lastLines(String s, int n) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}

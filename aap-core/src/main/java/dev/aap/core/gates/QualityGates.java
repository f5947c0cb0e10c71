package dev.aap.core.gates;

import dev.aap.core.policy.Finding;
import dev.aap.core.sandbox.Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The project's own linters and type checkers as review gates: each gate the repository configures and the sandbox
 * has runs on the branch and, when the branch has findings, on the base commit; only findings the base does not have
 * count. A gate that cannot run is a warning, never a crash.
 */
public final class QualityGates {

    private QualityGates() {
    }

    /**
     * Runs the gates on a patch already applied in {@code projectDir} (a git work tree at the branch state).
     *
     * @param sandbox      where the tools run
     * @param projectDir   the project directory in the workspace, with the patch applied
     * @param baseCommit   the commit the patch is against
     * @param changedFiles the files the patch changes, relative to {@code projectDir}
     * @param config       the {@code gates:} section of the policy
     */
    public static GateReport newFindings(Sandbox sandbox, Path projectDir, String baseCommit, List<String> changedFiles,
                                         GatesConfig config) {
        Objects.requireNonNull(baseCommit, "baseCommit");
        Detection detection = Detection.of(projectDir);
        List<String> present = changedFiles.stream().filter(f -> Files.isRegularFile(projectDir.resolve(f))).toList();
        var ran = new ArrayList<GateReport.Ran>();
        var skipped = new ArrayList<GateReport.Skipped>();
        var findings = new ArrayList<Finding>();
        try (var base = new LazyBase(projectDir, baseCommit); var cache = new Scratch()) {
            for (Tool tool : Tool.values()) {
                List<String> files = present.stream().filter(tool::reads).toList();
                if (!detection.tools().contains(tool)) {
                    if (!files.isEmpty()) {
                        skipped.add(new GateReport.Skipped(tool.label(), "not configured by the repository"));
                    }
                    continue;
                }
                String reason = why(tool, config, files);
                java.util.Optional<List<String>> launcher = java.util.Optional.empty();
                if (reason == null && tool.python()) {
                    launcher = PythonTools.launcher(tool, sandbox, projectDir);
                    if (launcher.isEmpty()) {
                        reason = "not installed in the sandbox (tried " + String.join(", ", PythonTools.candidates(tool)
                                .stream().map(c -> String.join(" ", c)).toList()) + ")";
                    }
                }
                if (reason != null) {
                    skipped.add(new GateReport.Skipped(tool.label(), reason));
                    continue;
                }
                List<String> argv = launcher.orElse(List.of());
                Runner runOn = (dir, onBase) -> tool.python()
                        ? PythonTools.run(tool, argv, sandbox, dir, existing(dir, files), config.timeout(),
                        cache.dir())
                        : MavenGates.run(tool, sandbox, dir, files, config.timeout(), onBase);
                ran.add(gate(tool, runOn, projectDir, base, config, findings));
            }
        }
        return new GateReport(ran, skipped, detection.notes(), findings);
    }

    /** Why a configured gate does not run, or null when it does. */
    private static String why(Tool tool, GatesConfig config, List<String> files) {
        if (!config.enabled(tool.label())) {
            return "off in .aap/policy.yaml";
        }
        if (files.isEmpty()) {
            return "the patch changes no file it checks";
        }
        return null;
    }

    private static GateReport.Ran gate(Tool tool, Runner runOn, Path projectDir, LazyBase base,
                                       GatesConfig config, List<Finding> findings) {
        long t0 = System.nanoTime();
        // a Maven plugin may not be in ~/.m2 yet: the networked base run resolves it before the offline branch run
        ToolRun before = tool.python() ? null : runOn.run(base.projectDir(), true);
        ToolRun branch = runOn.run(projectDir, false);
        if (before == null && branch.problem() == null && !branch.issues().isEmpty()) {
            before = runOn.run(base.projectDir(), true);
        }
        var log = new StringBuilder(section("branch", branch));
        List<Issue> added = List.of();
        String problem = branch.problem();
        if (before != null) {
            log.append('\n').append(section("base " + base.commit(), before));
            if (problem == null && before.problem() != null) {
                problem = "on the base commit: " + before.problem();
            }
        }
        if (problem == null) {
            added = NewIssues.of(before == null ? List.of() : before.issues(), branch.issues());
        }
        if (problem != null) {
            findings.add(new Finding("gate-error", Finding.Severity.WARN, "", 0, "lint:" + tool.label()
                    + " could not run: " + problem.lines().findFirst().orElse("")));
        }
        for (Issue i : added) {
            findings.add(new Finding("lint:" + tool.label() + ":" + i.rule(), config.severityOf(tool.label()), i.path(),
                    i.line(), tool.label() + " " + i.rule() + " at " + i.path() + ":" + i.line() + ": " + i.message()));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new GateReport.Ran(tool.label(), branch.command(), branch.exec().exitCode(), millis,
                branch.issues().size(), added.size(), log.toString());
    }

    private static List<String> existing(Path dir, List<String> files) {
        return files.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).toList();
    }

    private static String section(String label, ToolRun run) {
        return "== " + label + "\n$ " + run.command() + "\nexit " + run.exec().exitCode()
                + (run.exec().timedOut() ? " (timed out)" : "") + " after " + run.exec().elapsed().toMillis() + " ms; "
                + run.issues().size() + " finding(s)" + (run.problem() == null ? "" : "; " + run.problem()) + "\n"
                + run.exec().combinedOutput() + (run.exec().combinedOutput().endsWith("\n") ? "" : "\n");
    }

    /** One gate on one tree; {@code onBase} tells the base checkout from the workspace. */
    @FunctionalInterface
    private interface Runner {
        ToolRun run(Path dir, boolean onBase);
    }

    /** A directory for tool caches, outside both trees, removed afterwards. */
    private static final class Scratch implements AutoCloseable {

        private Path dir;

        Path dir() {
            if (dir == null) {
                try {
                    dir = Files.createTempDirectory("aap-gates-cache");
                } catch (java.io.IOException e) {
                    throw new dev.aap.core.EnvironmentException("cannot create a cache directory for the gates: "
                            + e.getMessage(), e);
                }
            }
            return dir;
        }

        @Override
        public void close() {
            if (dir != null) {
                dev.aap.core.workspace.Workspace.deleteTree(dir);
            }
        }
    }

    /** The base checkout, made only when some gate has findings on the branch to compare. */
    private static final class LazyBase implements AutoCloseable {

        private final Path projectDir;
        private final String commit;
        private BaseCheckout checkout;

        LazyBase(Path projectDir, String commit) {
            this.projectDir = projectDir;
            this.commit = commit;
        }

        String commit() {
            return commit.length() > 12 ? commit.substring(0, 12) : commit;
        }

        Path projectDir() {
            if (checkout == null) {
                checkout = BaseCheckout.create(projectDir, commit);
            }
            return checkout.projectDir();
        }

        @Override
        public void close() {
            if (checkout != null) {
                checkout.close();
            }
        }
    }
}

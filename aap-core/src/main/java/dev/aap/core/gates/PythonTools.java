package dev.aap.core.gates;

import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds and runs ruff, flake8 and mypy inside the sandbox, in whichever Python there has them. */
final class PythonTools {

    /** Probes are cheap but not free; a tool's presence does not change while aap runs. */
    private static final Map<String, Boolean> PROBED = new ConcurrentHashMap<>();
    private static final Duration PROBE_TIME = Duration.ofSeconds(30);

    private PythonTools() {
    }

    /** The argv prefix that starts {@code tool} in the sandbox, or empty when no candidate answers --version. */
    static Optional<List<String>> launcher(Tool tool, Sandbox sandbox, Path workdir) {
        for (List<String> candidate : candidates(tool)) {
            String key = sandbox.name() + ' ' + String.join(" ", candidate);
            boolean works = PROBED.computeIfAbsent(key, k -> {
                var argv = new ArrayList<>(candidate);
                argv.add("--version");
                return sandbox.exec(spec(argv, workdir, PROBE_TIME)).succeeded();
            });
            if (works) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The interpreters that may hold the tool (the project's first), then the tool's own executable. */
    static List<List<String>> candidates(Tool tool) {
        var pythons = new LinkedHashSet<String>();
        String env = System.getenv("AAP_PYTHON");
        if (env != null && !env.isBlank()) {
            pythons.add(env);
        }
        pythons.add("python3");
        pythons.add("/usr/bin/python3");
        var out = new ArrayList<List<String>>();
        pythons.forEach(py -> out.add(List.of(py, "-m", tool.label())));
        out.add(List.of(tool.label()));
        return out;
    }

    /** {@code cache}: a writable directory mypy's base and branch runs share (typeshed is parsed once). */
    static ToolRun run(Tool tool, List<String> launcher, Sandbox sandbox, Path workdir, List<String> files,
                       Duration timeout, Path cache) {
        var argv = new ArrayList<>(launcher);
        argv.addAll(switch (tool) {
            case FLAKE8 -> List.of("--exit-zero", "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s");
            case RUFF -> List.of("check", "--output-format", "json", "--no-cache", "--exit-zero", "--force-exclude");
            case MYPY -> List.of("--show-error-codes", "--no-color-output", "--no-error-summary",
                    "--cache-dir=" + cache.toAbsolutePath());
            case CHECKSTYLE, PMD, SPOTBUGS -> throw new IllegalArgumentException(tool + " is not a Python tool");
        });
        argv.add("--");
        argv.addAll(files);
        String command = String.join(" ", argv);
        if (files.isEmpty()) {
            // none of the files exists on this tree (all new): without arguments the tool would check everything
            return new ToolRun(command, new ExecResult(0, "", "", false, false, Duration.ZERO), List.of(), null);
        }
        ExecResult r = sandbox.exec(spec(argv, workdir, timeout).withWritable(List.of(cache)));
        if (r.timedOut()) {
            return ToolRun.failed(command, r, tool.label() + " timed out after " + ToolRun.duration(timeout));
        }
        if (tool == Tool.MYPY) {
            // mypy: 0 clean, 1 errors, 2 a blocking error (a syntax error is still reported as a line)
            List<Issue> issues = LintOutput.mypy(r.stdout(), workdir);
            boolean crashed = r.exitCode() > 2 || r.exitCode() < 0 || (r.exitCode() != 0 && issues.isEmpty());
            return crashed ? ToolRun.failed(command, r, "mypy exited " + r.exitCode() + ": " + ToolRun.lastLine(r))
                    : new ToolRun(command, r, issues, null);
        }
        if (r.exitCode() != 0) {
            return ToolRun.failed(command, r, tool.label() + " exited " + r.exitCode() + ": " + ToolRun.lastLine(r));
        }
        try {
            return new ToolRun(command, r, tool == Tool.RUFF ? LintOutput.ruff(r.stdout(), workdir)
                    : LintOutput.flake8(r.stdout(), workdir), null);
        } catch (IllegalStateException e) {
            return ToolRun.failed(command, r, e.getMessage());
        }
    }

    private static ExecSpec spec(List<String> argv, Path workdir, Duration timeout) {
        var limits = Limits.forTests().withWallTime(timeout).withMaxOutputBytes(4L << 20);
        return ExecSpec.of(argv, workdir, limits).withEnv(Map.of("PYTHONDONTWRITEBYTECODE", "1"));
    }
}

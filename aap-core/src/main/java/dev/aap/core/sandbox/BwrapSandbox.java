package dev.aap.core.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bubblewrap: the whole system read-only, only the working directory (and listed extras) writable, a private /tmp,
 * new network namespace (loopback only), new pid namespace so nothing outlives the command.
 */
final class BwrapSandbox implements Sandbox {

    private static volatile String cachedProblem;
    private static volatile boolean probed;

    @Override
    public String name() {
        return "bwrap";
    }

    @Override
    public boolean isolates() {
        return true;
    }

    @Override
    public ExecResult exec(ExecSpec spec) {
        return ProcessRunner.run(argv(spec), spec, env(spec));
    }

    @Override
    public Process start(ExecSpec spec) {
        return ProcessRunner.start(argv(spec), spec, env(spec));
    }

    static List<String> argv(ExecSpec spec) {
        var a = new ArrayList<String>(List.of("bwrap", "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"));
        if (!spec.limits().network()) {
            a.add("--unshare-net");
        }
        a.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--tmpfs", "/dev/shm"));
        for (Path dir : spec.writable()) {
            a.addAll(List.of("--bind", abs(dir), abs(dir)));
        }
        a.addAll(List.of("--bind", abs(spec.workdir()), abs(spec.workdir()), "--chdir", abs(spec.workdir())));
        var limits = new ArrayList<String>();
        if (spec.limits().memoryBytes() > 0) {
            limits.add("--as=" + spec.limits().memoryBytes());
        }
        if (spec.limits().maxProcesses() > 0) {
            limits.add("--nproc=" + spec.limits().maxProcesses());
        }
        a.add("--");
        if (!limits.isEmpty()) {
            a.add("prlimit");
            a.addAll(limits);
            a.add("--");
        }
        a.addAll(spec.command());
        return a;
    }

    private static Map<String, String> env(ExecSpec spec) {
        var env = new LinkedHashMap<>(System.getenv());
        env.put("TMPDIR", "/tmp");
        env.putAll(spec.env());
        return env;
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /** Runs a trivial command under bubblewrap once and remembers why it failed, or null if it worked. */
    static String problem() {
        if (probed) {
            return cachedProblem;
        }
        synchronized (BwrapSandbox.class) {
            if (!probed) {
                cachedProblem = probe();
                probed = true;
            }
        }
        return cachedProblem;
    }

    private static String probe() {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("aap-bwrap-probe");
        } catch (IOException e) {
            return "cannot create a temporary directory: " + e.getMessage();
        }
        try {
            var spec = ExecSpec.of(List.of("true"), tmp,
                    new Limits(Duration.ofSeconds(20), 0, 0, 1 << 16, false));
            ExecResult r = ProcessRunner.run(argv(spec), spec, env(spec));
            return r.succeeded() ? null : "bwrap failed: " + r.combinedOutput().strip();
        } catch (RuntimeException e) {
            return "bwrap is not installed or not runnable (" + e.getMessage() + ")";
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover empty temp directory is harmless
            }
        }
    }
}

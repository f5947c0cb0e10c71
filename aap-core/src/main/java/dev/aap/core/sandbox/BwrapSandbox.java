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
        // what aap itself runs from (its class path, the JDK, the home with ~/.m2) must stay visible even when it
        // lives under /tmp, which the private tmpfs above would otherwise hide; read-only, like the rest
        for (Path top : hiddenByPrivateTmp(hostPaths())) {
            a.addAll(List.of("--ro-bind", top.toString(), top.toString()));
        }
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

    /** The host paths a sandboxed command may need to read: aap's class path, the JDK, the user's home. */
    private static List<Path> hostPaths() {
        var paths = new ArrayList<Path>();
        paths.add(Path.of(System.getProperty("java.home")));
        paths.add(Path.of(System.getProperty("user.home")));
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry));
            }
        }
        return paths;
    }

    /** For paths under /tmp, the top-level directories below /tmp that hold them (each once, in order). */
    static List<Path> hiddenByPrivateTmp(List<Path> paths) {
        var tops = new java.util.LinkedHashSet<Path>();
        Path tmp = Path.of("/tmp");
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.startsWith(tmp) && abs.getNameCount() > 1 && java.nio.file.Files.exists(abs)) {
                tops.add(tmp.resolve(abs.getName(1)));
            }
        }
        return List.copyOf(tops);
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

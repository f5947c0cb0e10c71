package dev.aap.core.sandbox;

import dev.aap.core.EnvironmentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts a process, drains its output up to a cap, and kills its whole tree on timeout. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    static Process start(List<String> argv, ExecSpec spec, Map<String, String> env) {
        var pb = new ProcessBuilder(argv).directory(spec.workdir().toFile());
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start '" + argv.get(0) + "': " + e.getMessage(), e);
        }
    }

    static ExecResult run(List<String> argv, ExecSpec spec, Map<String, String> env) {
        long started = System.nanoTime();
        Process process = start(argv, spec, env);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already have exited; nothing to send anyway
        }
        var truncated = new AtomicBoolean();
        long cap = spec.limits().maxOutputBytes();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), out, cap, truncated));
        Thread errReader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), err, cap, truncated));
        boolean timedOut = false;
        try {
            if (!process.waitFor(spec.limits().wallTime().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
            }
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while running " + argv.get(argv.size() - 1));
        }
        int code = timedOut ? -1 : process.exitValue();
        return new ExecResult(code, text(out, truncated.get()), text(err, truncated.get()), timedOut, truncated.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink, long cap, AtomicBoolean truncated) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (sink) {
                    long room = cap - sink.size();
                    if (room > 0) {
                        sink.write(buf, 0, (int) Math.min(room, n));
                    }
                    if (n > room) {
                        truncated.set(true);
                    }
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the process is killed; what was read so far is kept
        }
    }

    private static String text(ByteArrayOutputStream sink, boolean truncated) {
        synchronized (sink) {
            String s = sink.toString(StandardCharsets.UTF_8);
            return truncated && sink.size() > 0 ? s + "\n[output truncated by aap]\n" : s;
        }
    }
}

package dev.aap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code aap} command line in a child JVM, as a user would, with its own AAP_HOME. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    /** Longer than any single aap command in the suite takes, well under Surefire's per-fork timeout. */
    static final Duration TIMEOUT = Duration.ofSeconds(240);

    private Cli() {
    }

    static Process start(Path home, Map<String, String> env, String... args) throws IOException {
        var cmd = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        var pb = new ProcessBuilder(cmd);
        pb.environment().put("AAP_HOME", home.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(Path home, String... args) throws Exception {
        return run(home, Map.of(), args);
    }

    static Result run(Path home, Map<String, String> env, String... args) throws Exception {
        return await(start(home, env, args), TIMEOUT, "aap " + String.join(" ", args));
    }

    /**
     * Waits for {@code p} at most {@code timeout} while reading both streams on their own threads, so a process that
     * hangs (or leaves a child holding its pipes) fails the test instead of hanging the build; on timeout the whole
     * process tree is killed.
     */
    static Result await(Process p, Duration timeout, String what) throws Exception {
        p.getOutputStream().close();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        Thread errReader = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            outReader.join(Duration.ofSeconds(5));
            errReader.join(Duration.ofSeconds(5));
            throw new AssertionError(what + " did not finish in " + timeout.toSeconds() + " s; killed it. stderr so far:\n"
                    + text(err));
        }
        // a grandchild that outlived the process may still hold a pipe: never wait on it without a bound
        outReader.join(Duration.ofSeconds(10));
        errReader.join(Duration.ofSeconds(10));
        return new Result(p.exitValue(), text(out), text(err));
    }

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (sink) {
                    sink.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the process is killed; what was read so far is kept
        }
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }

    /** Copies a bundled example into a fresh git repository with one commit. */
    static Path exampleRepo(String example, Path target) throws Exception {
        Path src = Path.of(System.getProperty("user.dir")).getParent().resolve("examples").resolve(example);
        try (var walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path rel = src.relativize(p);
                if (rel.toString().startsWith("target") || rel.toString().contains("__pycache__")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        git(target, "init", "-q", "-b", "main");
        git(target, "config", "user.name", "Test User");
        git(target, "config", "user.email", "test@example.com");
        git(target, "add", "-A");
        git(target, "commit", "-q", "-m", "initial");
        return target;
    }

    static String git(Path dir, String... args) throws Exception {
        var cmd = new ArrayList<String>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out.strip();
    }
}

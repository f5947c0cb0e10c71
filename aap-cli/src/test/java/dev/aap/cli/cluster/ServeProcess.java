package dev.aap.cli.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code aap serve} child process: started with a command line and environment, ready once it printed its
 * URL; its stderr goes to a file that failures show.
 */
final class ServeProcess {

    private static final String LISTENING = "aap serve: listening on ";
    private static final String TOKEN = "admin token: ";

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final long startedNanos;
    private volatile String url;
    private volatile String adminToken;
    private volatile long listeningNanos;

    private ServeProcess(String name, Process process, Path stderr, long startedNanos) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.startedNanos = startedNanos;
        Thread.ofVirtual().name("stdout-" + name).start(this::readStdout);
    }

    /** The test JVM's own java and class path running {@code dev.aap.cli.Main}: the code under test, no jar. */
    static List<String> javaLauncher() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.aap.cli.Main");
    }

    /** Starts {@code launcher + serve + args}; does not wait for it to listen. */
    static ServeProcess start(String name, List<String> launcher, List<String> args, Map<String, String> env,
                              Path logDir) {
        var cmd = new ArrayList<>(launcher);
        cmd.add("serve");
        cmd.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path err = logDir.resolve(name + ".stderr.log");
            var pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(err.toFile()));
            // the test says which database: none inherited from the shell that runs the tests
            pb.environment().remove("AAP_DATABASE_URL");
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            return new ServeProcess(name, pb.start(), err, t0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
    }

    private void readStdout() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                stdout.add(line);
                if (line.startsWith(TOKEN)) {
                    adminToken = line.substring(TOKEN.length()).trim();
                } else if (line.startsWith(LISTENING)) {
                    String rest = line.substring(LISTENING.length());
                    listeningNanos = System.nanoTime();
                    url = rest.split(" ", 2)[0];
                }
            }
        } catch (IOException e) {
            // the process is gone; what it printed is kept
        }
    }

    /** Waits for the "listening on" line; fails with the process's stderr if it dies or takes too long. */
    ServeProcess awaitListening(Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (url == null) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before listening\n"
                        + describe());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(name + " did not listen within " + max + "\n" + describe());
            }
            sleep(20);
        }
        return this;
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return url;
    }

    /** The admin token this process printed, or null (only the first start on an empty database prints one). */
    String adminToken() {
        return adminToken;
    }

    /** Milliseconds from the process start to its "listening" line. */
    long millisToListening() {
        return TimeUnit.NANOSECONDS.toMillis(listeningNanos - startedNanos);
    }

    long startedNanos() {
        return startedNanos;
    }

    /** SIGKILL (what {@link Process#destroyForcibly} sends on Linux); returns the exit value. */
    int kill() {
        process.destroyForcibly();
        return waitFor();
    }

    /** SIGTERM, so that the shutdown hook closes the server (and its embedded database); returns the exit value. */
    int stop() {
        process.destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Its stdout and the end of its stderr, for failure messages. */
    String describe() {
        String err;
        try {
            List<String> lines = Files.exists(stderr) ? Files.readAllLines(stderr) : List.of();
            err = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            err = "(cannot read " + stderr + ": " + e.getMessage() + ")";
        }
        return "--- " + name + " (pid " + process.pid() + ", " + (process.isAlive() ? "alive" : "exited") + ") stdout:\n"
                + String.join("\n", stdout) + "\n--- " + name + " stderr (" + stderr + ", last 80 lines):\n" + err;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

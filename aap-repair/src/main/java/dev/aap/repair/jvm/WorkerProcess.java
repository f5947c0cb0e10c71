package dev.aap.repair.jvm;

import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.repair.jvm.Protocol.Reply;
import dev.aap.repair.jvm.Protocol.Request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM in the sandbox: a line-reading thread for its stdout, a draining thread for its stderr. */
final class WorkerProcess {

    /** What came back within a deadline. */
    sealed interface Answer {
        record Got(Reply reply) implements Answer {
        }

        record TimedOut() implements Answer {
        }

        /** The worker exited or wrote something that is not a reply. */
        record Gone(String why) implements Answer {
        }
    }

    private static final String END = "\u0000end";
    private static final int STDERR_TAIL = 4096;

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();

    private WorkerProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("aap-jvm-worker-out").start(this::readReplies);
        Thread.ofPlatform().daemon().name("aap-jvm-worker-err").start(this::drainStderr);
    }

    static WorkerProcess launch(Sandbox sandbox, JvmProject project, List<Path> runnerJars) {
        var process = new WorkerProcess(sandbox.start(spec(project)));
        process.send(new Request.Init(project.classesDir().toString(), project.testClassesDir().toString(),
                project.testClasspath().stream().map(Path::toString).toList(),
                runnerJars.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        return process;
    }

    static ExecSpec spec(JvmProject project) {
        var command = new ArrayList<String>(List.of(project.javaHome().resolve("bin/java").toString(),
                "-Xss4m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.awt.headless=true",
                "-cp", WorkerClasspath.join(WorkerClasspath.ofThisJvm()), WorkerMain.class.getName()));
        // The JVM is capped by -Xmx; an address-space limit would only stop it reserving its heap. No process cap
        // either: RLIMIT_NPROC counts every thread the user runs machine-wide, so on a busy desktop it would stop the
        // JVM starting its own threads; the sandbox's pid namespace and the watchdog's kill contain runaways instead.
        // The wall time is the worker's lifetime, not a candidate's: the watchdog enforces those.
        var base = Limits.forTests();
        var limits = new Limits(Duration.ofDays(1), 0, 0, base.maxOutputBytes(), false);
        return ExecSpec.of(command, project.projectRoot(), limits);
    }

    /** Sends a request; returns false when the worker can no longer be written to. */
    boolean send(Request request) {
        try {
            stdin.write(Protocol.write(request));
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The next reply, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) at most. */
    Answer next(long deadlineNanos) {
        String line;
        try {
            line = lines.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Gone("interrupted while waiting for the worker");
        }
        if (line == null) {
            return new Answer.TimedOut();
        }
        if (line.equals(END)) {
            lines.add(END);
            return new Answer.Gone("the worker exited" + exitCode());
        }
        try {
            return new Answer.Got(Protocol.readReply(line));
        } catch (IOException e) {
            String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
            return new Answer.Gone("the worker wrote something that is not a reply: " + shown);
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? " with code " + process.exitValue() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    long pid() {
        return process.pid();
    }

    /** Kills the worker and everything it started. */
    void kill() {
        dev.aap.core.sandbox.Sandbox.killTree(process);
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString().strip();
        }
    }

    private void readReplies() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the stream breaks when the worker is killed; END below tells the waiting side
        } finally {
            lines.add(END);
        }
    }

    private void drainStderr() {
        byte[] buf = new byte[4096];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buf)) >= 0) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException ignored) {
            // the stream breaks when the worker is killed; the tail read so far is kept
        }
    }
}

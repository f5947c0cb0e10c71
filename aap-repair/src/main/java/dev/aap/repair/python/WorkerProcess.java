package dev.aap.repair.python;

import dev.aap.core.EnvironmentException;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One running worker process: lines in, lines out, the tail of its stderr kept for error messages. */
final class WorkerProcess {

    private static final String EOF = "\u0000eof";
    private static final int STDERR_TAIL = 4000;

    private final Process process;
    private final Writer stdin;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();

    private WorkerProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofVirtual().start(this::readStdout);
        Thread.ofVirtual().start(() -> drainStderr(process.getErrorStream()));
    }

    static WorkerProcess start(Sandbox sandbox, ExecSpec spec) {
        return new WorkerProcess(sandbox.start(spec));
    }

    /** Sends one line; false when the process no longer reads. */
    boolean send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The next line within {@code wait}; empty on timeout; {@code null} inside when the process has ended. */
    Optional<String> receive(Duration wait) {
        try {
            String line = lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                return Optional.empty();
            }
            if (line.equals(EOF)) {
                lines.add(EOF); // stay at end of stream for later callers
                throw new EnvironmentException("worker exited (code " + exitCode() + "): " + stderrTail());
            }
            return Optional.of(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for the pytest worker");
        }
    }

    String stderrTail() {
        synchronized (stderr) {
            return stderr.toString().strip();
        }
    }

    void kill() {
        dev.aap.core.sandbox.Sandbox.killTree(process);
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private void readStdout() {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process was killed; the end marker below tells the reader
        }
        lines.add(EOF);
    }

    private void drainStderr(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > STDERR_TAIL) {
                        stderr.delete(0, stderr.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException ignored) {
            // stream closed by a kill; the tail gathered so far is enough
        }
    }
}

package dev.aap.core.sandbox;

import java.time.Duration;

/**
 * What a sandboxed command did.
 *
 * @param exitCode        process exit code; -1 when it was killed for exceeding its wall time
 * @param stdout          captured standard output, cut at the output limit
 * @param stderr          captured standard error, cut at the output limit
 * @param timedOut        whether the wall-time limit killed it
 * @param outputTruncated whether either stream was cut
 * @param elapsed         wall time from start to end
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean outputTruncated,
                         Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** Standard output and error together, for logs and error messages. */
    public String combinedOutput() {
        if (stderr.isEmpty()) {
            return stdout;
        }
        if (stdout.isEmpty()) {
            return stderr;
        }
        return stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
    }
}

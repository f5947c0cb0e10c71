package dev.aap.core.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Resource limits for one sandboxed command.
 *
 * @param wallTime      killed (with its whole process tree) when it runs longer
 * @param memoryBytes   address-space limit for native processes; 0 = none (JVMs get -Xmx instead)
 * @param maxProcesses  process-count limit; 0 = none
 * @param maxOutputBytes captured stdout and stderr are each cut after this many bytes
 * @param network       whether the command may reach the network (only dependency resolution may)
 */
public record Limits(Duration wallTime, long memoryBytes, int maxProcesses, long maxOutputBytes, boolean network) {

    public Limits {
        Objects.requireNonNull(wallTime, "wallTime");
        if (wallTime.isNegative() || wallTime.isZero()) {
            throw new IllegalArgumentException("wallTime must be positive: " + wallTime);
        }
        if (memoryBytes < 0 || maxProcesses < 0 || maxOutputBytes <= 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** Defaults for running a test command: 10 minutes, 4 GB, 512 processes, 4 MB of output, no network. */
    public static Limits forTests() {
        return new Limits(Duration.ofMinutes(10), 4L << 30, 512, 4L << 20, false);
    }

    public Limits withWallTime(Duration d) {
        return new Limits(d, memoryBytes, maxProcesses, maxOutputBytes, network);
    }

    public Limits withNetwork(boolean allowed) {
        return new Limits(wallTime, memoryBytes, maxProcesses, maxOutputBytes, allowed);
    }

    public Limits withMaxOutputBytes(long bytes) {
        return new Limits(wallTime, memoryBytes, maxProcesses, bytes, network);
    }

    public Limits withMemoryBytes(long bytes) {
        return new Limits(wallTime, bytes, maxProcesses, maxOutputBytes, network);
    }
}

package dev.aap.core.sandbox;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;

/**
 * Runs untrusted commands (a repository's build and tests, candidate patches) with limits.
 */
public interface Sandbox {

    /** Short name shown to users: {@code bwrap} or {@code none}. */
    String name();

    /** Whether this sandbox really isolates anything; {@code none} does not. */
    boolean isolates();

    /** Runs a command to completion (or until its wall-time limit) and captures its output. */
    ExecResult exec(ExecSpec spec);

    /**
     * Starts a long-lived command (a test worker) with piped stdin/stdout; the caller owns it and must
     * {@link Process#destroyForcibly()} it. Killing the returned process ends everything it started.
     */
    Process start(ExecSpec spec);

    /**
     * The sandbox for a user's choice: {@code bwrap}, {@code none}, or {@code auto} (bubblewrap when it works here,
     * otherwise none with a warning printed by the caller).
     */
    static Sandbox select(String choice) {
        return switch (choice) {
            case "bwrap" -> {
                var problem = BwrapSandbox.problem();
                if (problem != null) {
                    throw new EnvironmentException("--sandbox bwrap was asked for but bubblewrap cannot be used: "
                            + problem + ". Install it (apt-get install -y bubblewrap) or pass --sandbox none.");
                }
                yield new BwrapSandbox();
            }
            case "none" -> new LocalSandbox();
            case "auto" -> BwrapSandbox.problem() == null ? new BwrapSandbox() : new LocalSandbox();
            default -> throw new BadInputException("unknown sandbox '" + choice + "': use bwrap, none or auto");
        };
    }

    /** Kills a process started by {@link #start} together with everything it started, and waits briefly. */
    static void killTree(Process process) {
        ProcessRunner.killTree(process);
    }

    /** Why bubblewrap cannot be used on this machine, or null when it works. */
    static String bwrapProblem() {
        return BwrapSandbox.problem();
    }
}

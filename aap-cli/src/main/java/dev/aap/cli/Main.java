package dev.aap.cli;

import dev.aap.core.AapException;
import dev.aap.core.run.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code aap} command. */
@Command(name = "aap", mixinStandardHelpOptions = true, version = "aap 0.1.0",
        description = "AIAutoProgramming: turns a failing test into a verified, reviewed branch.",
        subcommands = {FixCommand.class, BenchCommand.class, RunsCommand.class, ReplayCommand.class,
                IndexCommand.class, LearnCommand.class, DoctorCommand.class, ServeCommand.class, SubmitCommand.class,
                TokenCommand.class, GcCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Libraries that log through java.util.logging (Lucene) would write to stderr between aap's own lines. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.OFF);
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (errors are printed, never thrown). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** Runs the command line with its output and errors going to the given writers (null: stdout and stderr). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        var cli = new CommandLine(new Main());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("aap: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof AapException a) {
                c.getErr().println("aap: " + a.getMessage());
                return ExitCodes.of(a);
            }
            throw ex;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}

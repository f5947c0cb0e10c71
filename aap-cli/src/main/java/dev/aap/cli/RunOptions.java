package dev.aap.cli;

import picocli.CommandLine.Option;

/** Options every command that runs a task shares: where tests run and how the result is shown. */
final class RunOptions {

    @Option(names = "--sandbox", defaultValue = "auto",
            description = "bwrap, none or auto (default: bubblewrap when it works).")
    String sandbox;

    @Option(names = "--json", description = "Print one JSON object with the result on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
    boolean quiet;
}

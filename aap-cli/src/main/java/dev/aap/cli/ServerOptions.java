package dev.aap.cli;

import picocli.CommandLine.Option;

import java.util.Optional;

/** Where the aap server is and the token to show it: flags first, then {@code AAP_SERVER} and {@code AAP_TOKEN}. */
final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL", description = "An aap server (http://host:port; default:"
            + " $AAP_SERVER).")
    String server;

    // the token's value never appears in help, messages or output
    @Option(names = "--token", paramLabel = "TOKEN", description = "API token for the server (default: $AAP_TOKEN).")
    String token;

    /** The server's address, when one was given by flag or environment. */
    Optional<String> url() {
        return Optional.ofNullable(UserConfig.pick(server, "AAP_SERVER", null));
    }

    /** A client for the given server; call only when {@link #url()} has one. */
    ServerClient client() {
        return ServerClient.of(url().orElseThrow(), UserConfig.pick(token, "AAP_TOKEN", null));
    }
}

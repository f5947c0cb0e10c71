package dev.aap.cli;

import dev.aap.core.run.RunStore;
import dev.aap.server.store.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code aap token create|list|revoke}: API tokens, through a server or straight in its database. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Make, list and revoke API tokens for aap serve.", "With --server (or AAP_SERVER) through the"
                + " server's API, which needs an admin token; else straight in the database: --database-url (or"
                + " AAP_DATABASE_URL), or the embedded one under AAP_HOME/pg."})
final class TokenCommand implements Runnable {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Where the tokens are: a server, else a database. */
    static final class Access {

        @Mixin
        ServerOptions server;

        @Option(names = "--database-url", paramLabel = "URL", description = "PostgreSQL when no server is given"
                + " (default: $AAP_DATABASE_URL, else the embedded one under AAP_HOME/pg).")
        String databaseUrl;

        TokenAdmin open() {
            if (server.url().isPresent()) {
                return new TokenAdmin.Api(server.client());
            }
            return new TokenAdmin.Direct(UserConfig.pick(databaseUrl, "AAP_DATABASE_URL", null),
                    RunStore.open(RunStore.defaultHome()).home());
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a token; it is printed once.")
    int create(@Mixin Access access,
               @Option(names = "--name", required = true, description = "A name for the token (who or what uses it).")
               String name,
               @Option(names = "--scopes", required = true, split = ",", paramLabel = "SCOPE", description = "Comma"
                       + " separated: run:read, run:write, artifact:read, repo:admin, metrics:read, admin.")
               List<String> scopes) {
        var checked = TokenAdmin.checked(name, scopes);
        String token;
        try (TokenAdmin admin = access.open()) {
            token = admin.create(name, checked);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("aap: token '" + name + "' (" + String.join(", ", checked) + ") is shown only once: keep it now;"
                + " the server stores only its hash");
        err.flush();
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens: names, scopes, dates.")
    int list(@Mixin Access access) {
        List<Tokens.TokenInfo> tokens;
        try (TokenAdmin admin = access.open()) {
            tokens = admin.list();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-40s %-20s %s%n", "NAME", "SCOPES", "CREATED", "REVOKED");
        for (Tokens.TokenInfo t : tokens) {
            out.printf("%-24s %-40s %-20s %s%n", t.name(), String.join(",", t.scopes()), minute(t.createdAt()),
                    t.revokedAt() == null ? "-" : minute(t.revokedAt()));
        }
        out.flush();
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it stops working at"
            + " once; its name stays taken.")
    int revoke(@Mixin Access access, @Parameters(paramLabel = "NAME", description = "The token's name.") String name) {
        try (TokenAdmin admin = access.open()) {
            admin.revoke(TokenAdmin.checkName(name));
        }
        spec.commandLine().getOut().println("revoked " + name);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String minute(java.time.Instant i) {
        return i == null ? "-" : i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}

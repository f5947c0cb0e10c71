package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aap.core.BadInputException;
import dev.aap.server.api.Scope;
import dev.aap.server.api.TokenSecrets;
import dev.aap.server.store.Database;
import dev.aap.server.store.Tokens;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where {@code aap token} makes, lists and revokes API tokens: through a server's API (with an admin token), or
 * straight in its database when no server is given (the first token of an installation needs no token).
 */
sealed interface TokenAdmin extends AutoCloseable {

    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Makes a token and returns its secret, which nothing keeps. */
    String create(String name, Set<String> scopes);

    List<Tokens.TokenInfo> list();

    void revoke(String name);

    @Override
    void close();

    /** Checks a name and scopes before either side sees them, so both answer the same mistakes the same way. */
    static Set<String> checked(String name, List<String> scopes) {
        checkName(name);
        var out = new LinkedHashSet<String>();
        for (String s : scopes) {
            String sc = s.strip();
            if (Scope.of(sc).isEmpty()) {
                throw new BadInputException("unknown scope '" + sc + "': use " + Scope.labels());
            }
            out.add(sc);
        }
        if (out.isEmpty()) {
            throw new BadInputException("--scopes must name at least one of " + Scope.labels());
        }
        return out;
    }

    static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new BadInputException("token name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    /** Through {@code /api/v1/tokens}. */
    final class Api implements TokenAdmin {

        private final ServerClient client;

        Api(ServerClient client) {
            this.client = client;
        }

        @Override
        public String create(String name, Set<String> scopes) {
            ObjectNode body = ServerClient.JSON.createObjectNode().put("name", name);
            scopes.forEach(body.putArray("scopes")::add);
            return client.post("/api/v1/tokens", body, Map.of()).body().path("token").asText();
        }

        @Override
        public List<Tokens.TokenInfo> list() {
            var out = new ArrayList<Tokens.TokenInfo>();
            for (JsonNode t : client.get("/api/v1/tokens").path("tokens")) {
                var scopes = new LinkedHashSet<String>();
                t.path("scopes").forEach(s -> scopes.add(s.asText()));
                out.add(new Tokens.TokenInfo(t.path("name").asText(), scopes, instant(t.get("created_at")),
                        instant(t.get("revoked_at"))));
            }
            return out;
        }

        @Override
        public void revoke(String name) {
            client.delete("/api/v1/tokens/" + name);
        }

        @Override
        public void close() {
            // nothing held open between requests
        }

        private static Instant instant(JsonNode n) {
            return n == null || n.isNull() ? null : Instant.parse(n.asText());
        }
    }

    /** In the database: an external PostgreSQL by URL, or the embedded one under {@code AAP_HOME/pg}. */
    final class Direct implements TokenAdmin {

        private final Database db;
        private final Tokens tokens;

        /**
         * Opens the database; the embedded one is joined when a server runs on it, else started here and stopped
         * again by {@link #close()}.
         */
        Direct(String databaseUrl, Path home) {
            this.db = Database.open(databaseUrl, home.resolve("pg"), 2);
            this.tokens = new Tokens(db);
        }

        @Override
        public String create(String name, Set<String> scopes) {
            String token = TokenSecrets.newToken();
            if (!tokens.add(name, TokenSecrets.hash(token), scopes)) {
                throw new BadInputException("a token named '" + name + "' exists already (revoked ones keep their"
                        + " name): choose another name");
            }
            return token;
        }

        @Override
        public List<Tokens.TokenInfo> list() {
            return tokens.list();
        }

        @Override
        public void revoke(String name) {
            if (!tokens.revoke(name)) {
                throw new BadInputException("no live token named '" + name + "'; aap token list shows them");
            }
        }

        @Override
        public void close() {
            db.close();
        }
    }
}

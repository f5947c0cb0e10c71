package dev.aap.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.forge.ForgeException;
import dev.aap.forge.Rest;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The token aap acts with on one GitHub repository: a personal access token as given, or a GitHub App's
 * installation token, exchanged with the app's JWT, cached and renewed five minutes before it expires.
 */
public sealed interface GitHubAuth {

    /** The token for API calls and git pushes now. */
    String token();

    /** A fine-grained personal access token ({@code GITHUB_TOKEN}). */
    record Token(String value) implements GitHubAuth {

        @Override
        public String token() {
            return value;
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /** A GitHub App installed on the repository. */
    final class App implements GitHubAuth {

        private static final Duration EARLY = Duration.ofMinutes(5);

        private final AppKey key;
        private final Rest jwtRest;
        private final String repository;
        private final Clock clock;
        private String token;
        private Instant expires = Instant.EPOCH;

        public App(AppKey key, HttpClient http, String apiBase, String repository, Clock clock) {
            this.key = key;
            this.repository = repository;
            this.clock = clock;
            this.jwtRest = new Rest(http, apiBase, () -> Map.of("Authorization", "Bearer " + key.jwt(clock.instant()),
                    "X-GitHub-Api-Version", "2022-11-28"), App::explain);
        }

        @Override
        public synchronized String token() {
            if (token == null || clock.instant().isAfter(expires.minus(EARLY))) {
                JsonNode installation = jwtRest.get("/repos/" + repository + "/installation");
                long id = installation.path("id").asLong();
                JsonNode t = jwtRest.post("/app/installations/" + id + "/access_tokens", Map.of());
                token = t.path("token").asText();
                try {
                    expires = Instant.parse(t.path("expires_at").asText());
                } catch (DateTimeParseException e) {
                    expires = clock.instant().plus(Duration.ofMinutes(55));
                }
            }
            return token;
        }

        private static String explain(String call, int status, String message) {
            return switch (status) {
                case 401 -> "GitHub refused the app's JWT (401: " + message + "): check AAP_GITHUB_APP_ID, the key"
                        + " in AAP_GITHUB_APP_PRIVATE_KEY_FILE and this machine's clock";
                case 404 -> "the GitHub App is not installed on this repository (" + call + ": 404): install it"
                        + " from the app's settings page";
                default -> "GitHub App authentication failed (" + call + ": " + status + " " + message + ")";
            };
        }

        /** The app's numeric id. */
        public long appId() {
            return key.appId();
        }

        @Override
        public String toString() {
            return "App[" + key.appId() + "]";
        }
    }

    /** Checks that a token is usable as an HTTP header value (a pasted token with a newline would split headers). */
    static String checked(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new ForgeException("the GitHub token is empty or holds spaces or control characters", 0);
        }
        return token;
    }
}

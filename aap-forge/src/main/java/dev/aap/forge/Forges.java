package dev.aap.forge;

import dev.aap.forge.github.AppKey;
import dev.aap.forge.github.GitHubAuth;
import dev.aap.forge.github.GitHubForge;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link Forge}s with this process's credentials, which come from the environment (or config.yaml), never
 * from the API: {@code GITHUB_TOKEN}, or {@code AAP_GITHUB_APP_ID} with {@code AAP_GITHUB_APP_PRIVATE_KEY_FILE}
 * (preferred when both are set), and {@code GITLAB_TOKEN}. One client per repository is kept, so a GitHub App's
 * installation token is reused until it is about to expire.
 */
public final class Forges {

    /** The credentials; any may be null. */
    public record Credentials(String githubToken, Long githubAppId, Path githubAppKey, String gitlabToken) {

        public static Credentials none() {
            return new Credentials(null, null, null, null);
        }

        /** From environment-style names ({@code GITHUB_TOKEN}, {@code AAP_GITHUB_APP_ID}, ...). */
        public static Credentials from(Map<String, String> env) {
            String appId = blankToNull(env.get("AAP_GITHUB_APP_ID"));
            Long id = null;
            if (appId != null) {
                try {
                    id = Long.parseLong(appId.strip());
                } catch (NumberFormatException e) {
                    throw new ForgeException("AAP_GITHUB_APP_ID must be the app's numeric id, got '" + appId + "'", 0);
                }
            }
            String key = blankToNull(env.get("AAP_GITHUB_APP_PRIVATE_KEY_FILE"));
            if ((id == null) != (key == null)) {
                throw new ForgeException("set both AAP_GITHUB_APP_ID and AAP_GITHUB_APP_PRIVATE_KEY_FILE for a"
                        + " GitHub App, or neither", 0);
            }
            return new Credentials(blankToNull(env.get("GITHUB_TOKEN")), id, key == null ? null : Path.of(key),
                    blankToNull(env.get("GITLAB_TOKEN")));
        }

        @Override
        public String toString() {
            return "Credentials[github " + (githubAppId != null ? "app " + githubAppId : githubToken != null
                    ? "token" : "none") + ", gitlab " + (gitlabToken != null ? "token" : "none") + "]";
        }
    }

    private final Credentials credentials;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Forge> open = new ConcurrentHashMap<>();
    private volatile AppKey appKey;

    public Forges(Credentials credentials, HttpClient http, Clock clock) {
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    public static Forges none() {
        return new Forges(Credentials.none(), Rest.client(), Clock.systemUTC());
    }

    /** Whether a forge of this kind can be called at all. */
    public boolean configured(String kind) {
        return switch (kind) {
            case "github" -> credentials.githubAppId() != null || credentials.githubToken() != null;
            case "gitlab" -> credentials.gitlabToken() != null;
            default -> false;
        };
    }

    /**
     * The forge for one repository.
     *
     * @param apiBase  the API address, or null for the one the clone URL's host implies
     * @param cloneUrl the HTTPS address git fetches and pushes
     */
    public Forge open(String kind, String repository, String apiBase, String cloneUrl) {
        return open.computeIfAbsent(kind + " " + repository + " " + apiBase + " " + cloneUrl,
                k -> create(kind, repository, apiBase, cloneUrl));
    }

    private Forge create(String kind, String repository, String apiBase, String cloneUrl) {
        if (!configured(kind)) {
            throw new ForgeException(switch (kind) {
                case "github" -> "no GitHub credentials: set GITHUB_TOKEN, or AAP_GITHUB_APP_ID and"
                        + " AAP_GITHUB_APP_PRIVATE_KEY_FILE";
                case "gitlab" -> "no GitLab credentials: set GITLAB_TOKEN (a project access token with the api scope)";
                default -> "unknown forge '" + kind + "': use github or gitlab";
            }, 0);
        }
        if (kind.equals("github")) {
            String api = apiBase != null ? apiBase : GitHubForge.apiFor(cloneUrl);
            GitHubAuth auth = credentials.githubAppId() != null
                    ? new GitHubAuth.App(appKey(), http, api, repository, clock)
                    : new GitHubAuth.Token(credentials.githubToken());
            return new GitHubForge(api, repository, auth, cloneUrl, http);
        }
        java.net.URI clone = java.net.URI.create(cloneUrl);
        // host and port only: user info in a clone URL (often a token) must not reach the API address
        String base = apiBase != null ? apiBase : clone.getScheme() + "://" + clone.getHost()
                + (clone.getPort() > 0 ? ":" + clone.getPort() : "");
        return new dev.aap.forge.gitlab.GitLabForge(java.net.URI.create(base), repository,
                credentials.gitlabToken(), cloneUrl, http);
    }

    private AppKey appKey() {
        if (appKey == null) {
            appKey = AppKey.read(credentials.githubAppId(), credentials.githubAppKey());
        }
        return appKey;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

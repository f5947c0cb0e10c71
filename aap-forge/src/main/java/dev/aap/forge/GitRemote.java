package dev.aap.forge;

import java.util.Map;

/**
 * Where git fetches and pushes a forge repository, and the environment that carries the credential. The token
 * travels as an HTTP header set through {@code GIT_CONFIG_COUNT}/{@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n}
 * for one git process: never in the URL, on the command line, in {@code .git/config} or in a log.
 */
public record GitRemote(String url, Map<String, String> environment) {

    public GitRemote {
        environment = Map.copyOf(environment);
    }

    /** A remote reached without credentials. */
    public static GitRemote anonymous(String url) {
        return new GitRemote(url, Map.of());
    }

    /** A remote reached with HTTP basic authentication as {@code user:token}. */
    public static GitRemote basic(String url, String user, String token) {
        String credential = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new GitRemote(url, Map.of("GIT_CONFIG_COUNT", "1",
                "GIT_CONFIG_KEY_0", "http.extraHeader",
                "GIT_CONFIG_VALUE_0", "Authorization: Basic " + credential,
                "GIT_TERMINAL_PROMPT", "0"));
    }

    @Override
    public String toString() {
        return "GitRemote[" + url + (environment.isEmpty() ? "" : ", authenticated") + "]";
    }
}

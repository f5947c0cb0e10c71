package dev.aap.server;

import dev.aap.forge.Forges;

import java.util.Map;

/**
 * The forge side of the server: webhook secrets, the trigger label, the credentials runs act with on the forge,
 * and the address the forge's comments link to. All from the environment (or config.yaml), never from the API.
 *
 * @param githubSecret {@code AAP_GITHUB_WEBHOOK_SECRET}; null: GitHub webhooks are refused
 * @param gitlabToken  {@code AAP_GITLAB_WEBHOOK_TOKEN}; null: GitLab webhooks are refused
 * @param label        the label that asks aap to work on an issue ({@code AAP_TRIGGER_LABEL}, default {@code aap})
 * @param forges       opens forge clients with {@code GITHUB_TOKEN}, the GitHub App or {@code GITLAB_TOKEN}
 * @param publicUrl    {@code AAP_PUBLIC_URL}: how people reach this server's dashboard; null: its listening address
 */
public record WebhookSettings(String githubSecret, String gitlabToken, String label, Forges forges,
                              String publicUrl) {

    public WebhookSettings(String githubSecret, String gitlabToken, String label) {
        this(githubSecret, gitlabToken, label, Forges.none(), null);
    }

    public static WebhookSettings fromEnvironment(Map<String, String> env) {
        return new WebhookSettings(blankToNull(env.get("AAP_GITHUB_WEBHOOK_SECRET")),
                blankToNull(env.get("AAP_GITLAB_WEBHOOK_TOKEN")),
                env.getOrDefault("AAP_TRIGGER_LABEL", "aap"),
                new Forges(Forges.Credentials.from(env), dev.aap.forge.Rest.client(), java.time.Clock.systemUTC()),
                blankToNull(env.get("AAP_PUBLIC_URL")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

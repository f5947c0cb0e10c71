package dev.aap.server;

import java.util.Map;

/**
 * Webhook secrets and the trigger label, from the environment only, never from the API.
 *
 * @param githubSecret {@code AAP_GITHUB_WEBHOOK_SECRET}; null: GitHub webhooks are refused
 * @param gitlabToken  {@code AAP_GITLAB_WEBHOOK_TOKEN}; null: GitLab webhooks are refused
 * @param label        the label that asks aap to work on an issue ({@code AAP_TRIGGER_LABEL}, default {@code aap})
 */
public record WebhookSettings(String githubSecret, String gitlabToken, String label) {

    public static WebhookSettings fromEnvironment(Map<String, String> env) {
        return new WebhookSettings(blankToNull(env.get("AAP_GITHUB_WEBHOOK_SECRET")),
                blankToNull(env.get("AAP_GITLAB_WEBHOOK_TOKEN")),
                env.getOrDefault("AAP_TRIGGER_LABEL", "aap"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package dev.aap.forge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.forge.Marks;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitLab webhook payloads ({@code X-Gitlab-Event} plus the JSON body) to triggers: the label added to an open
 * issue, {@code /aap fix|stop|retry} notes on issues, and notes on aap's own merge requests as reviews.
 *
 * <p>Unlike GitHub's author association, GitLab's payloads carry nothing about the author's access to the project.
 * Every trigger therefore names {@code user.username} as its requester, and the server must ask
 * {@link dev.aap.forge.Forge#permission(String)} for it and act only on {@code write} or {@code admin}; this class
 * filters only what the payload itself shows (bots, system notes, aap's own notes, closed issues and requests).
 */
public final class GitLabEvents {

    private static final String FORGE = "gitlab";

    /** Project and group access tokens act through bot users named {@code project_<id>_bot[_<hex>]}. */
    private static final Pattern TOKEN_BOT = Pattern.compile("(project|group)_\\d+_bot(_[0-9a-z]+)?",
            Pattern.CASE_INSENSITIVE);

    /** GitLab's internal users: deleted accounts, the service desk, alerts and other automation. */
    private static final Set<String> INTERNAL = Set.of("ghost", "support-bot", "alert-bot", "visual-review-bot",
            "security-bot", "automation-bot", "security-policy-bot", "admin-bot", "duo-developer");

    private GitLabEvents() {
    }

    /** The trigger of one delivery; {@code label} is the label that asks aap to work (default {@code aap}). */
    public static Trigger parse(String event, JsonNode payload, String label) {
        if (event == null || payload == null || !payload.isObject()) {
            return new Trigger.Ignored("not a GitLab event");
        }
        String project = payload.path("project").path("path_with_namespace").asText("");
        if (project.isEmpty()) {
            return new Trigger.Ignored("the event names no project");
        }
        return switch (event) {
            // confidential issues and their notes arrive under their own event names, with the same payloads
            case "Issue Hook", "Confidential Issue Hook" -> labeled(payload, project, label);
            case "Note Hook", "Confidential Note Hook" -> note(payload, project);
            default -> new Trigger.Ignored("event '" + event + "' is not one aap acts on");
        };
    }

    private static Trigger labeled(JsonNode p, String project, String label) {
        JsonNode labels = p.path("changes").path("labels");
        if (!labels.isObject()) {
            return new Trigger.Ignored("the issue's labels did not change");
        }
        if (!hasLabel(labels.path("current"), label)) {
            return new Trigger.Ignored("the issue does not carry the label '" + label + "'");
        }
        if (hasLabel(labels.path("previous"), label)) {
            return new Trigger.Ignored("the label '" + label + "' was already on the issue");
        }
        JsonNode issue = p.path("object_attributes");
        if (!"opened".equals(issue.path("state").asText())) {
            return new Trigger.Ignored("the issue is closed");
        }
        JsonNode user = p.path("user");
        if (isBot(user)) {
            return new Trigger.Ignored("labeled by a bot (" + user.path("username").asText("") + ")");
        }
        return new Trigger.Fix(FORGE, project, issue.path("iid").asLong(), issue.path("title").asText(""),
                issue.path("description").asText(""), user.path("username").asText(""), issue.path("url").asText(""));
    }

    private static boolean hasLabel(JsonNode labels, String label) {
        for (JsonNode l : labels) {
            if (label.equalsIgnoreCase(l.path("title").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Trigger note(JsonNode p, String project) {
        JsonNode note = p.path("object_attributes");
        JsonNode user = p.path("user");
        String body = note.path("note").asText("").strip();
        if (note.path("system").asBoolean(false)) {
            return new Trigger.Ignored("a system note");
        }
        if (Marks.ours(body)) {
            return new Trigger.Ignored("aap's own note");
        }
        if (isBot(user)) {
            return new Trigger.Ignored("note by a bot (" + user.path("username").asText("") + ")");
        }
        // GitLab 16.11 and later also send edited notes; only a new note asks for something
        String action = note.path("action").asText("create");
        if (!"create".equals(action)) {
            return new Trigger.Ignored("only new notes are read (this one: " + action + ")");
        }
        return switch (note.path("noteable_type").asText("")) {
            case "Issue" -> onIssue(p, project, body, user.path("username").asText(""));
            case "MergeRequest" -> onMergeRequest(p, project, body, user.path("username").asText(""));
            default -> new Trigger.Ignored("notes on a " + note.path("noteable_type").asText("thing")
                    + " start nothing");
        };
    }

    private static Trigger onIssue(JsonNode p, String project, String body, String who) {
        String command = Commands.of(body);
        JsonNode issue = p.path("issue");
        if (!"opened".equals(issue.path("state").asText())) {
            return new Trigger.Ignored(command == null ? "the note holds no /aap command" : "the issue is closed");
        }
        long iid = issue.path("iid").asLong();
        if (command == null) {
            // maybe answers to aap's questions: the server checks the author's role and the issue's last run
            return body.isBlank() ? new Trigger.Ignored("the note holds no /aap command")
                    : new Trigger.Answer(FORGE, project, iid, who, body);
        }
        return switch (command) {
            case "fix" -> new Trigger.Fix(FORGE, project, iid, issue.path("title").asText(""),
                    issue.path("description").asText(""), who, issueUrl(p));
            case "stop" -> new Trigger.Stop(FORGE, project, iid, who);
            case "retry" -> new Trigger.Retry(FORGE, project, iid, who);
            default -> new Trigger.Ignored("unknown command /aap " + command);
        };
    }

    private static Trigger onMergeRequest(JsonNode p, String project, String body, String who) {
        JsonNode mr = p.path("merge_request");
        String branch = mr.path("source_branch").asText("");
        OptionalLong issue = Marks.issueOf(branch);
        if (issue.isEmpty()) {
            return new Trigger.Ignored("merge request from '" + branch + "', not one of aap's branches");
        }
        // a fork's branch may be named like aap's, but a review of it must not move the project's branch
        if (mr.has("source_project_id") && mr.has("target_project_id")
                && mr.path("source_project_id").asLong() != mr.path("target_project_id").asLong()) {
            return new Trigger.Ignored("merge request from a fork");
        }
        if (!"opened".equals(mr.path("state").asText())) {
            return new Trigger.Ignored("the merge request is " + mr.path("state").asText("not open"));
        }
        String command = Commands.of(body);
        if ("stop".equals(command)) {
            return new Trigger.Stop(FORGE, project, issue.getAsLong(), who);
        }
        if (command != null) {
            return new Trigger.Ignored("/aap " + command + " belongs on the issue; on a merge request, review it");
        }
        long iid = mr.path("iid").asLong();
        JsonNode note = p.path("object_attributes");
        String head = mr.path("last_commit").path("id").asText("");
        return new Trigger.Review(FORGE, project, iid, note.path("id").asLong(), branch, who,
                note.path("url").asText(""), "mr:" + iid + ":" + head);
    }

    /** The issue's page: its own url where the payload has one, else the note's without the anchor. */
    private static String issueUrl(JsonNode p) {
        String url = p.path("issue").path("url").asText("");
        if (!url.isEmpty()) {
            return url;
        }
        String note = p.path("object_attributes").path("url").asText("");
        int anchor = note.indexOf('#');
        return anchor < 0 ? note : note.substring(0, anchor);
    }

    /** GitLab's bot users: token bots, its internal users, and anyone the payload flags as a bot. */
    static boolean isBot(JsonNode user) {
        if (user.path("bot").asBoolean(false)) {
            return true;
        }
        String name = user.path("username").asText("").toLowerCase(Locale.ROOT);
        return INTERNAL.contains(name) || TOKEN_BOT.matcher(name).matches();
    }
}

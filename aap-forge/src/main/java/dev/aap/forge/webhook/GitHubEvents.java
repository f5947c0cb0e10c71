package dev.aap.forge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.forge.Marks;

import java.util.Locale;
import java.util.Set;

/**
 * GitHub webhook payloads ({@code X-GitHub-Event} plus the JSON body) to triggers. Only people with write access
 * may start work (author association OWNER, MEMBER or COLLABORATOR); bots, aap's own comments and closed issues
 * start nothing.
 */
public final class GitHubEvents {

    private static final Set<String> WRITERS = Set.of("OWNER", "MEMBER", "COLLABORATOR");

    private GitHubEvents() {
    }

    /** The trigger of one delivery; {@code label} is the label that asks aap to work (default {@code aap}). */
    public static Trigger parse(String event, JsonNode payload, String label) {
        if (event == null || payload == null || !payload.isObject()) {
            return new Trigger.Ignored("not a GitHub event");
        }
        String repository = payload.path("repository").path("full_name").asText("");
        if (repository.isEmpty()) {
            return new Trigger.Ignored("the event names no repository");
        }
        return switch (event) {
            case "issues" -> labeled(payload, repository, label);
            case "issue_comment" -> comment(payload, repository);
            case "pull_request_review" -> review(payload, repository);
            case "pull_request_review_comment" -> reviewComment(payload, repository);
            case "ping" -> new Trigger.Ignored("ping");
            default -> new Trigger.Ignored("event '" + event + "' is not one aap acts on");
        };
    }

    private static Trigger labeled(JsonNode p, String repository, String label) {
        if (!"labeled".equals(p.path("action").asText())) {
            return new Trigger.Ignored("issues/" + p.path("action").asText() + " is not a label being added");
        }
        if (!label.equalsIgnoreCase(p.path("label").path("name").asText())) {
            return new Trigger.Ignored("label '" + p.path("label").path("name").asText() + "' is not '" + label + "'");
        }
        JsonNode issue = p.path("issue");
        if (issue.has("pull_request")) {
            return new Trigger.Ignored("the label is on a pull request, not an issue");
        }
        if (!"open".equals(issue.path("state").asText())) {
            return new Trigger.Ignored("the issue is closed");
        }
        JsonNode sender = p.path("sender");
        if (isBot(sender)) {
            return new Trigger.Ignored("labeled by a bot");
        }
        // GitHub lets only people with triage or write access label issues: the label is the permission
        return new Trigger.Fix("github", repository, issue.path("number").asLong(), issue.path("title").asText(""),
                issue.path("body").asText(""), sender.path("login").asText(""), issue.path("html_url").asText(""));
    }

    private static Trigger comment(JsonNode p, String repository) {
        if (!"created".equals(p.path("action").asText())) {
            return new Trigger.Ignored("only new comments are read");
        }
        JsonNode comment = p.path("comment");
        JsonNode issue = p.path("issue");
        JsonNode author = comment.path("user");
        if (isBot(author) || isBot(p.path("sender")) || Marks.ours(comment.path("body").asText(""))) {
            return new Trigger.Ignored("comment by a bot or by aap");
        }
        String body = comment.path("body").asText("").strip();
        String command = Commands.of(body);
        if (command == null) {
            return answer(p, repository, comment, issue, author, body);
        }
        if (!WRITERS.contains(comment.path("author_association").asText("").toUpperCase(Locale.ROOT))) {
            return new Trigger.Ignored(author.path("login").asText("someone")
                    + " has no write access (author association " + comment.path("author_association").asText("none")
                    + ")");
        }
        if (!"open".equals(issue.path("state").asText())) {
            return new Trigger.Ignored("the issue or pull request is closed");
        }
        long number = issue.path("number").asLong();
        String who = author.path("login").asText("");
        return switch (command) {
            case "fix" -> issue.has("pull_request")
                    ? new Trigger.Ignored("/aap fix belongs on an issue; on a pull request, review it")
                    : new Trigger.Fix("github", repository, number, issue.path("title").asText(""),
                    issue.path("body").asText(""), who, issue.path("html_url").asText(""));
            case "stop" -> new Trigger.Stop("github", repository, number, who);
            case "retry" -> new Trigger.Retry("github", repository, number, who);
            default -> new Trigger.Ignored("unknown command /aap " + command);
        };
    }

    private static Trigger review(JsonNode p, String repository) {
        if (!"submitted".equals(p.path("action").asText())) {
            return new Trigger.Ignored("pull_request_review/" + p.path("action").asText() + " is not a submitted review");
        }
        JsonNode review = p.path("review");
        if ("approved".equalsIgnoreCase(review.path("state").asText()) && review.path("body").asText("").isBlank()) {
            return new Trigger.Ignored("an approval without comments asks for no change");
        }
        return onAapPullRequest(p, repository, review, review.path("id").asLong());
    }

    private static Trigger reviewComment(JsonNode p, String repository) {
        if (!"created".equals(p.path("action").asText())) {
            return new Trigger.Ignored("only new review comments are read");
        }
        JsonNode comment = p.path("comment");
        return onAapPullRequest(p, repository, comment, comment.path("pull_request_review_id").asLong());
    }

    /** A review (or one of its comments) by a writer on an open pull request of an aap branch. */
    private static Trigger onAapPullRequest(JsonNode p, String repository, JsonNode item, long reviewId) {
        JsonNode pr = p.path("pull_request");
        String branch = pr.path("head").path("ref").asText("");
        if (Marks.issueOf(branch).isEmpty()) {
            return new Trigger.Ignored("pull request #" + pr.path("number").asLong() + " is not one of aap's");
        }
        if (!"open".equals(pr.path("state").asText()) || pr.path("merged").asBoolean()) {
            return new Trigger.Ignored("the pull request is closed or merged");
        }
        JsonNode author = item.path("user");
        if (isBot(author) || isBot(p.path("sender")) || Marks.ours(item.path("body").asText(""))) {
            return new Trigger.Ignored("review by a bot or by aap");
        }
        if (!WRITERS.contains(item.path("author_association").asText("").toUpperCase(Locale.ROOT))) {
            return new Trigger.Ignored(author.path("login").asText("someone") + " has no write access (author"
                    + " association " + item.path("author_association").asText("none") + ")");
        }
        if (reviewId <= 0) {
            return new Trigger.Ignored("the comment belongs to no review");
        }
        return new Trigger.Review("github", repository, pr.path("number").asLong(), reviewId, branch,
                author.path("login").asText(""), pr.path("html_url").asText(""), "review:" + reviewId);
    }

    /** A writer's plain comment on an open issue: maybe answers to aap's questions (the server decides). */
    private static Trigger answer(JsonNode p, String repository, JsonNode comment, JsonNode issue, JsonNode author,
                                  String body) {
        if (issue.has("pull_request") || !"open".equals(issue.path("state").asText()) || body.isBlank()
                || !WRITERS.contains(comment.path("author_association").asText("").toUpperCase(Locale.ROOT))) {
            return new Trigger.Ignored("the comment holds no /aap command");
        }
        return new Trigger.Answer("github", repository, issue.path("number").asLong(),
                author.path("login").asText(""), body);
    }

    /** GitHub marks apps as type Bot and their logins end in {@code [bot]}; aap's own comments come from one. */
    static boolean isBot(JsonNode user) {
        return "Bot".equals(user.path("type").asText()) || user.path("login").asText("").endsWith("[bot]");
    }
}

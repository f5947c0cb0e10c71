package dev.aap.forge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads in the shape GitHub sends (trimmed to the fields aap reads and a few it must not trip over). */
class GitHubEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode labeled(String label, String state, String senderLogin, String senderType) {
        return json("""
                {"action":"labeled","label":{"id":1,"name":"%s","color":"ededed"},
                 "issue":{"number":42,"title":"Pager skips the last item","body":"Page 3 of 3 is empty.",
                          "state":"%s","html_url":"https://github.com/acme/pager/issues/42",
                          "user":{"login":"reporter","type":"User"},"author_association":"NONE"},
                 "repository":{"id":9,"full_name":"acme/pager","private":true},
                 "sender":{"login":"%s","type":"%s"},"installation":{"id":77}}
                """.formatted(label, state, senderLogin, senderType));
    }

    static JsonNode comment(String body, String association, String login, String type, boolean onPr) {
        return json("""
                {"action":"created",
                 "issue":{"number":42,"title":"Pager skips the last item","body":"Page 3 of 3 is empty.",
                          "state":"open","html_url":"https://github.com/acme/pager/issues/42"%s},
                 "comment":{"id":5,"body":%s,"author_association":"%s","user":{"login":"%s","type":"%s"}},
                 "repository":{"full_name":"acme/pager"},"sender":{"login":"%s","type":"%s"}}
                """.formatted(onPr ? ",\"pull_request\":{\"url\":\"x\"}" : "", quote(body), association, login, type,
                login, type));
    }

    @Test
    void theConfiguredLabelOnAnOpenIssueAsksForAFix() {
        Trigger t = GitHubEvents.parse("issues", labeled("aap", "open", "maintainer", "User"), "aap");
        assertThat(t).isEqualTo(new Trigger.Fix("github", "acme/pager", 42, "Pager skips the last item",
                "Page 3 of 3 is empty.", "maintainer", "https://github.com/acme/pager/issues/42"));
    }

    @Test
    void otherLabelsClosedIssuesAndBotsStartNothing() {
        assertThat(GitHubEvents.parse("issues", labeled("bug", "open", "maintainer", "User"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issues", labeled("aap", "closed", "maintainer", "User"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issues", labeled("aap", "open", "renovate[bot]", "Bot"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("push", labeled("aap", "open", "maintainer", "User"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void commandsFromPeopleWithWriteAccessAreTaken() {
        assertThat(GitHubEvents.parse("issue_comment", comment("/aap fix please", "MEMBER", "dev", "User", false),
                "aap")).isInstanceOf(Trigger.Fix.class);
        assertThat(GitHubEvents.parse("issue_comment", comment("/AAP stop", "OWNER", "dev", "User", false), "aap"))
                .isEqualTo(new Trigger.Stop("github", "acme/pager", 42, "dev"));
        assertThat(GitHubEvents.parse("issue_comment", comment("/aap retry", "COLLABORATOR", "dev", "User", false),
                "aap")).isEqualTo(new Trigger.Retry("github", "acme/pager", 42, "dev"));
    }

    @Test
    void commandsFromOutsidersBotsAndOrdinaryCommentsStartNothing() {
        Trigger outsider = GitHubEvents.parse("issue_comment",
                comment("/aap fix", "CONTRIBUTOR", "drive-by", "User", false), "aap");
        assertThat(outsider).isInstanceOf(Trigger.Ignored.class);
        assertThat(((Trigger.Ignored) outsider).reason()).contains("drive-by", "no write access");
        assertThat(GitHubEvents.parse("issue_comment", comment("/aap fix", "NONE", "x", "User", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issue_comment", comment("/aap fix", "MEMBER", "aap-app[bot]", "Bot", false),
                "aap")).isInstanceOf(Trigger.Ignored.class);
        // a writer's plain comment is no command: at most answers to questions a run asked (the server decides)
        assertThat(GitHubEvents.parse("issue_comment", comment("thanks! /aap fix", "MEMBER", "dev", "User", false),
                "aap")).isEqualTo(new Trigger.Answer("github", "acme/pager", 42, "dev", "thanks! /aap fix"));
        assertThat(GitHubEvents.parse("issue_comment", comment("ten and more", "NONE", "x", "User", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issue_comment", comment("ten and more", "MEMBER", "dev", "User", true),
                "aap")).as("on a pull request").isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issue_comment", comment("/aap fix", "MEMBER", "dev", "User", true), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void brokenPayloadsAreIgnoredNotThrown() {
        assertThat(GitHubEvents.parse("issues", json("{}"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issues", json("[1,2]"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse(null, json("{}"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issue_comment", json("{\"repository\":{\"full_name\":\"a/b\"},"
                + "\"action\":\"created\",\"comment\":\"oops\"}"), "aap")).isInstanceOf(Trigger.Ignored.class);
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode review(String event, String branch, String prState, String association, String login,
                           String body) {
        String item = """
                {"id":%s,"pull_request_review_id":901,"body":%s,"state":"commented","author_association":"%s",
                 "user":{"login":"%s","type":"User"},"path":"src/Pager.java","line":12}"""
                .formatted(event.equals("pull_request_review") ? "901" : "3001", quote(body), association, login);
        return json("""
                {"action":"%s","%s":%s,
                 "pull_request":{"number":7,"state":"%s","merged":false,"html_url":"https://github.com/acme/pager/pull/7",
                                 "head":{"ref":"%s","sha":"abc"},"base":{"ref":"main"}},
                 "repository":{"full_name":"acme/pager"},"sender":{"login":"%s","type":"User"}}
                """.formatted(event.equals("pull_request_review") ? "submitted" : "created",
                event.equals("pull_request_review") ? "review" : "comment", item, prState, branch, login));
    }

    @Test
    void aReviewAndItsCommentsOnAnAapPullRequestAskForOneFollowUp() {
        Trigger byReview = GitHubEvents.parse("pull_request_review",
                review("pull_request_review", "aap/issue-42", "open", "MEMBER", "dev", "use a constant"), "aap");
        Trigger byComment = GitHubEvents.parse("pull_request_review_comment",
                review("pull_request_review_comment", "aap/issue-42", "open", "MEMBER", "dev", "rename this"), "aap");
        assertThat(byReview).isEqualTo(new Trigger.Review("github", "acme/pager", 7, 901, "aap/issue-42", "dev",
                "https://github.com/acme/pager/pull/7", "review:901"));
        assertThat(byComment).isInstanceOf(Trigger.Review.class);
        assertThat(((Trigger.Review) byComment).key()).isEqualTo(((Trigger.Review) byReview).key());
    }

    @Test
    void reviewsElsewhereByOutsidersOrByAapStartNothing() {
        assertThat(GitHubEvents.parse("pull_request_review",
                review("pull_request_review", "feature/x", "open", "MEMBER", "dev", "hm"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("pull_request_review",
                review("pull_request_review", "aap/issue-42", "closed", "MEMBER", "dev", "hm"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("pull_request_review",
                review("pull_request_review", "aap/issue-42", "open", "CONTRIBUTOR", "drive-by", "hm"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("pull_request_review_comment",
                review("pull_request_review_comment", "aap/issue-42", "open", "OWNER", "dev",
                        "Addressed in abc.\n\n<!-- aap -->"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitHubEvents.parse("issue_comment",
                comment("/aap fix\n<!-- aap -->", "OWNER", "dev", "User", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
    }
}

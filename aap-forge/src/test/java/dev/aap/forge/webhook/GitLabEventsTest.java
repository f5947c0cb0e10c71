package dev.aap.forge.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.forge.Marks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads in the shape GitLab sends (trimmed to the fields aap reads and a few it must not trip over). */
class GitLabEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROJECT = """
            "project":{"id":15,"name":"pager","path_with_namespace":"acme/tools/pager",
                       "web_url":"https://gitlab.example.com/acme/tools/pager","visibility_level":0}""";

    static JsonNode issueHook(String previous, String current, String state, String username) {
        return json("""
                {"object_kind":"issue","event_type":"issue",
                 "user":{"id":3,"name":"Mai Tainer","username":"%s","avatar_url":"x","email":"[REDACTED]"},
                 %s,
                 "object_attributes":{"id":301,"iid":42,"title":"Pager skips the last item",
                   "description":"Page 3 of 3 is empty.","state":"%s","action":"update","confidential":false,
                   "url":"https://gitlab.example.com/acme/tools/pager/-/issues/42","author_id":9},
                 "labels":[%s],
                 "changes":{"updated_at":{"previous":"2025-01-01 10:00:00 UTC","current":"2025-01-01 10:01:00 UTC"},
                            "labels":{"previous":[%s],"current":[%s]}}}
                """.formatted(username, PROJECT, state, labels(current), labels(previous), labels(current)));
    }

    static JsonNode issueNote(String note, String issueState, String username, boolean system) {
        return json("""
                {"object_kind":"note","event_type":"note",
                 "user":{"id":3,"name":"Dev","username":"%s","email":"[REDACTED]"},
                 "project_id":15,%s,
                 "object_attributes":{"id":1241,"note":%s,"noteable_type":"Issue","author_id":3,"system":%s,
                   "type":null,"noteable_id":92,"action":"create",
                   "url":"https://gitlab.example.com/acme/tools/pager/-/issues/42#note_1241"},
                 "issue":{"id":92,"iid":42,"title":"Pager skips the last item","description":"Page 3 of 3 is empty.",
                   "state":"%s","confidential":false,"labels":[]}}
                """.formatted(username, PROJECT, quote(note), system, issueState));
    }

    static JsonNode mergeRequestNote(String note, String type, String sourceBranch, String mrState, String username) {
        return json("""
                {"object_kind":"note","event_type":"note",
                 "user":{"id":3,"name":"Rev","username":"%s","email":"[REDACTED]"},
                 "project_id":15,%s,
                 "object_attributes":{"id":1244,"note":%s,"noteable_type":"MergeRequest","author_id":3,
                   "system":false,"type":%s,"noteable_id":7,"discussion_id":"a1b2c3","action":"create",
                   "position":{"base_sha":"b1","start_sha":"s1","head_sha":"h1","old_path":"src/Pager.java",
                               "new_path":"src/Pager.java","position_type":"text","old_line":null,"new_line":17},
                   "url":"https://gitlab.example.com/acme/tools/pager/-/merge_requests/7#note_1244"},
                 "merge_request":{"id":70,"iid":7,"title":"Draft: Pager skips the last item",
                   "source_branch":"%s","target_branch":"main","source_project_id":15,"target_project_id":15,
                   "state":"%s","draft":true,"merge_status":"can_be_merged",
                   "last_commit":{"id":"da1560886d4f094c3e6c9ef40349f7d38b5d27d7","message":"fix pager"}}}
                """.formatted(username, PROJECT, quote(note), type == null ? "null" : quote(type), sourceBranch,
                mrState));
    }

    @Test
    void theLabelAddedToAnOpenIssueAsksForAFix() {
        Trigger t = GitLabEvents.parse("Issue Hook", issueHook("bug", "bug,AAP", "opened", "maintainer"), "aap");
        assertThat(t).isEqualTo(new Trigger.Fix("gitlab", "acme/tools/pager", 42, "Pager skips the last item",
                "Page 3 of 3 is empty.", "maintainer", "https://gitlab.example.com/acme/tools/pager/-/issues/42"));
        assertThat(GitLabEvents.parse("Confidential Issue Hook", issueHook("", "aap", "opened", "maintainer"), "aap"))
                .isInstanceOf(Trigger.Fix.class);
    }

    @Test
    void aLabelAlreadyThereRemovedOrNeverChangedStartsNothing() {
        Trigger already = GitLabEvents.parse("Issue Hook", issueHook("aap", "aap,bug", "opened", "maintainer"), "aap");
        assertThat(already).isInstanceOf(Trigger.Ignored.class);
        assertThat(((Trigger.Ignored) already).reason()).contains("already");
        assertThat(GitLabEvents.parse("Issue Hook", issueHook("aap,bug", "bug", "opened", "maintainer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Issue Hook", issueHook("", "bug", "opened", "maintainer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        JsonNode titleEdit = json("{\"object_kind\":\"issue\"," + PROJECT + ",\"user\":{\"username\":\"m\"},"
                + "\"object_attributes\":{\"iid\":42,\"state\":\"opened\"},\"labels\":[{\"title\":\"aap\"}],"
                + "\"changes\":{\"title\":{\"previous\":\"a\",\"current\":\"b\"}}}");
        assertThat(GitLabEvents.parse("Issue Hook", titleEdit, "aap")).isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void closedIssuesAndBotsStartNothing() {
        assertThat(GitLabEvents.parse("Issue Hook", issueHook("", "aap", "closed", "maintainer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        for (String bot : new String[]{"project_15_bot_3f2a9c", "group_45_bot", "ghost", "support-bot",
                "alert-bot"}) {
            Trigger t = GitLabEvents.parse("Issue Hook", issueHook("", "aap", "opened", bot), "aap");
            assertThat(t).as(bot).isInstanceOf(Trigger.Ignored.class);
            assertThat(((Trigger.Ignored) t).reason()).contains("bot");
        }
        JsonNode flagged = issueNote("/aap fix", "opened", "renovate", false);
        ((com.fasterxml.jackson.databind.node.ObjectNode) flagged.path("user")).put("bot", true);
        assertThat(GitLabEvents.parse("Note Hook", flagged, "aap")).isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void commandNotesOnOpenIssuesAreTakenWithTheAuthorAsRequester() {
        assertThat(GitLabEvents.parse("Note Hook", issueNote("/aap fix please\nthanks", "opened", "dev", false),
                "aap")).isEqualTo(new Trigger.Fix("gitlab", "acme/tools/pager", 42, "Pager skips the last item",
                "Page 3 of 3 is empty.", "dev", "https://gitlab.example.com/acme/tools/pager/-/issues/42"));
        assertThat(GitLabEvents.parse("Note Hook", issueNote("/AAP stop", "opened", "dev", false), "aap"))
                .isEqualTo(new Trigger.Stop("gitlab", "acme/tools/pager", 42, "dev"));
        assertThat(GitLabEvents.parse("Confidential Note Hook", issueNote("/aap retry", "opened", "dev", false),
                "aap")).isEqualTo(new Trigger.Retry("gitlab", "acme/tools/pager", 42, "dev"));
    }

    @Test
    void ordinaryClosedSystemAndOwnNotesOnIssuesStartNothing() {
        // a plain note is no command: at most answers to questions a run asked (the server checks role and run)
        assertThat(GitLabEvents.parse("Note Hook", issueNote("thanks! /aap fix", "opened", "dev", false), "aap"))
                .isEqualTo(new Trigger.Answer("gitlab", "acme/tools/pager", 42, "dev", "thanks! /aap fix"));
        assertThat(GitLabEvents.parse("Note Hook", issueNote("ten and more", "closed", "dev", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Note Hook", issueNote("/aap fix", "closed", "dev", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        Trigger system = GitLabEvents.parse("Note Hook", issueNote("/aap fix", "opened", "dev", true), "aap");
        assertThat(((Trigger.Ignored) system).reason()).contains("system");
        Trigger own = GitLabEvents.parse("Note Hook",
                issueNote("/aap retry\nWorking on it " + Marks.COMMENT, "opened", "dev", false), "aap");
        assertThat(((Trigger.Ignored) own).reason()).contains("aap's own");
        assertThat(GitLabEvents.parse("Note Hook", issueNote("/aap dance", "opened", "dev", false), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void anyNoteOnAnOpenAapMergeRequestIsAReviewKeyedByItsHead() {
        Trigger diff = GitLabEvents.parse("Note Hook",
                mergeRequestNote("Off by one here?", "DiffNote", "aap/issue-42", "opened", "reviewer"), "aap");
        assertThat(diff).isEqualTo(new Trigger.Review("gitlab", "acme/tools/pager", 7, 1244, "aap/issue-42",
                "reviewer", "https://gitlab.example.com/acme/tools/pager/-/merge_requests/7#note_1244",
                "mr:7:da1560886d4f094c3e6c9ef40349f7d38b5d27d7"));
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("Please add a test", "DiscussionNote", "aap/issue-42", "opened", "reviewer"), "aap"))
                .isInstanceOf(Trigger.Review.class);
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("LGTM mostly", null, "aap/issue-42", "opened", "reviewer"), "aap"))
                .isInstanceOf(Trigger.Review.class);
    }

    @Test
    void stopOnAnAapMergeRequestStopsItsIssueAndOtherCommandsThereAreIgnored() {
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("/aap stop", null, "aap/issue-42", "opened", "reviewer"), "aap"))
                .isEqualTo(new Trigger.Stop("gitlab", "acme/tools/pager", 42, "reviewer"));
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("/aap fix", null, "aap/issue-42", "opened", "reviewer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void notesOnOtherMergeRequestsMergedOnesForksAndByBotsStartNothing() {
        Trigger foreign = GitLabEvents.parse("Note Hook",
                mergeRequestNote("nit", "DiffNote", "feature/paging", "opened", "reviewer"), "aap");
        assertThat(((Trigger.Ignored) foreign).reason()).contains("feature/paging");
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("nit", "DiffNote", "aap/issue-42", "merged", "reviewer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("nit", "DiffNote", "aap/issue-42", "closed", "reviewer"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Note Hook",
                mergeRequestNote("Pipeline failed", null, "aap/issue-42", "opened", "project_15_bot_ab12"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        JsonNode fork = mergeRequestNote("nit", "DiffNote", "aap/issue-42", "opened", "reviewer");
        ((com.fasterxml.jackson.databind.node.ObjectNode) fork.path("merge_request")).put("source_project_id", 99);
        assertThat(GitLabEvents.parse("Note Hook", fork, "aap")).isInstanceOf(Trigger.Ignored.class);
        JsonNode edited = mergeRequestNote("nit", "DiffNote", "aap/issue-42", "opened", "reviewer");
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.path("object_attributes")).put("action", "update");
        assertThat(GitLabEvents.parse("Note Hook", edited, "aap")).isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void otherEventsAndBrokenPayloadsAreIgnoredNotThrown() {
        assertThat(GitLabEvents.parse("Push Hook", issueHook("", "aap", "opened", "m"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Issue Hook", json("{}"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Note Hook", json("[1]"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse(null, json("{}"), "aap")).isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Note Hook", json("{" + PROJECT + ",\"object_attributes\":\"oops\"}"), "aap"))
                .isInstanceOf(Trigger.Ignored.class);
        assertThat(GitLabEvents.parse("Issue Hook", json("{" + PROJECT + ",\"changes\":{\"labels\":{\"current\":7}}}"),
                "aap")).isInstanceOf(Trigger.Ignored.class);
    }

    private static String labels(String csv) {
        StringBuilder out = new StringBuilder();
        int id = 200;
        for (String title : csv.split(",")) {
            if (title.isBlank()) {
                continue;
            }
            out.append(out.isEmpty() ? "" : ",").append("""
                    {"id":%d,"title":"%s","color":"#ffffff","project_id":15,"type":"ProjectLabel","group_id":null}"""
                    .formatted(id++, title));
        }
        return out.toString();
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
}

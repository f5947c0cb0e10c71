package dev.aap.forge.flow;

import dev.aap.forge.Forge;
import dev.aap.forge.Marks;
import dev.aap.forge.Rest;
import dev.aap.forge.github.GitHubAuth;
import dev.aap.forge.github.GitHubForge;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.testing.WorkRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ReviewRun against TestForge: a review becomes a task, and its outcome a fast-forward and answers in the threads. */
class ReviewRunTest {

    private static final String TOKEN = "ghp_ReviewRunSecret1";
    private static final String REPO = "acme/pager";
    private static final String BRANCH = "aap/issue-4";
    private static final String PAGER = "class Pager {\n  int pages;\n  int last() {\n    return pages - 1;\n  }\n}\n";

    @TempDir
    Path tmp;
    private TestForge hub;
    private Forge forge;
    private WorkRepo work;
    private long pr;
    private String tip;

    @TempDir
    static Path shared;
    private static WorkRepo source;

    /** One source repository for the class: each test's forge starts from a bare clone of it. */
    @BeforeAll
    static void source() {
        source = WorkRepo.init(shared.resolve("source"), "Pager.java", PAGER.replace(" - 1", ""));
    }

    @BeforeEach
    void start() {
        hub = TestForge.start(tmp.resolve("forge"));
        hub.token(TOKEN);
        String url = hub.githubRepo(REPO, source.dir());
        forge = new GitHubForge(hub.githubApi(), REPO, new GitHubAuth.Token(TOKEN), url, Rest.client());
        work = WorkRepo.clone(url, tmp.resolve("work"));
        work.git("checkout", "-q", "-b", BRANCH);
        tip = commit(PAGER, "Fix the pager");
        BranchPush.push(work.dir(), forge.remote(), tip, BRANCH);
        pr = forge.createPullRequest(BRANCH, "main", "Fix the pager", "Fixes #4").number();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void theTaskHoldsEachCommentsPlaceTextAndHunkAndSkipsAapsOwn() {
        long review = review();
        ReviewRun run = new ReviewRun(forge, pr, review);

        String task = run.task();

        assertThat(task).startsWith("Follow-up on pull request #" + pr + ": ")
                .contains("Review comment 1 by maintainer on Pager.java:4:\nUse Math.max(0, pages - 1)\n"
                        + "```diff\n@@ ").contains("+    return pages - 1;\n```\n")
                .contains("Review comment 2 by maintainer on Pager.java:\nRename this class\n")
                .doesNotContain("Pager.java:0").doesNotContain("Addressed earlier").doesNotContain("Review comment 3");
        assertThat(run.comments()).extracting(Forge.ReviewComment::body)
                .containsExactly("Use Math.max(0, pages - 1)", "Rename this class");
    }

    @Test
    void aReviewWithOnlyAapsOwnCommentsIsNoTask() {
        long review = hub.review(REPO, pr, "maintainer", "", List.of(
                new TestForge.ReviewNote("Pager.java", 4, "Addressed earlier\n\n" + Marks.COMMENT)));

        assertThat(new ReviewRun(forge, pr, review).task()).isEmpty();
    }

    @Test
    void aReviewWithOnlyASummaryIsATaskAndAFailureIsSaidOnThePullRequest() {
        long review = hub.review(REPO, pr, "maintainer", "Please also handle an empty list.", List.of());
        ReviewRun run = new ReviewRun(forge, pr, review);

        assertThat(run.task()).contains("The review says:\nPlease also handle an empty list.");
        run.finish(work.dir(), new Finished("FAILED", "no plausible patch", null, List.of(), tmp), BRANCH);

        assertThat(hub.replies(REPO, pr)).isEmpty();
        assertThat(hub.pullComments(REPO, pr)).singleElement().satisfies(c -> assertThat(c.body())
                .startsWith("aap could not address this: run ended FAILED: no plausible patch"));
    }

    @Test
    void aSucceededFollowUpFastForwardsTheBranchAndAnswersEveryComment() throws IOException {
        ReviewRun run = new ReviewRun(forge, pr, review());
        run.task();
        String followUp = commit(PAGER.replace("pages - 1", "Math.max(0, pages - 1)"), "Address the review");

        ForgeResult result = run.finish(work.dir(), succeeded(followUp), BRANCH);

        String sha = followUp.substring(0, 12);
        assertThat(hub.branchTip(REPO, BRANCH)).contains(followUp);
        assertThat(result).isEqualTo(new ForgeResult("follow-up pushed to " + BRANCH + " at " + sha, null, true));
        assertThat(hub.replies(REPO, pr)).extracting(TestForge.Reply::inReplyTo, TestForge.Reply::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(run.comments().get(0).id(),
                                "Addressed in " + sha + ".\n\n" + Marks.COMMENT),
                        org.assertj.core.groups.Tuple.tuple(run.comments().get(1).id(),
                                "Addressed in " + sha + ".\n\n" + Marks.COMMENT));
        assertThat(hub.pullComments(REPO, pr)).singleElement().satisfies(c -> assertThat(c.body())
                .startsWith("aap pushed " + sha + " to `" + BRANCH + "` for this review (2 comment(s))"));
    }

    @Test
    void aFailedFollowUpAnswersWithTheReasonAndPushesNothing() {
        ReviewRun run = new ReviewRun(forge, pr, review());
        run.task();
        String unpublished = commit(PAGER.replace("pages - 1", "0"), "Half-way");
        int before = hub.requests().size();

        ForgeResult result = run.finish(work.dir(), new Finished("FAILED", "tests fail", unpublished,
                List.of("PagerTest.last fails"), tmp), BRANCH);

        assertThat(result).isEqualTo(new ForgeResult("FAILED: nothing pushed", null, false));
        assertThat(hub.branchTip(REPO, BRANCH)).contains(tip);
        assertThat(hub.replies(REPO, pr)).hasSize(2).allSatisfy(r -> assertThat(r.body()).isEqualTo(
                "aap could not address this: run ended FAILED: tests fail (PagerTest.last fails)\n\n" + Marks.COMMENT));
        assertThat(hub.pullComments(REPO, pr)).isEmpty();
        assertThat(hub.requests().subList(before, hub.requests().size()))
                .noneMatch(r -> r.path().startsWith("/git/"));
    }

    /** A review with a line comment, a file comment, an earlier answer of aap's and a blank comment. */
    private long review() {
        return hub.review(REPO, pr, "maintainer", "Almost", List.of(
                new TestForge.ReviewNote("Pager.java", 4, "Use Math.max(0, pages - 1)"),
                new TestForge.ReviewNote("Pager.java", 0, "Rename this class"),
                new TestForge.ReviewNote("Pager.java", 2, "Addressed earlier\n\n" + Marks.COMMENT),
                new TestForge.ReviewNote("Pager.java", 3, "  ")));
    }

    private Finished succeeded(String commit) {
        return new Finished("SUCCEEDED", "tests pass", commit, List.of(), tmp);
    }

    private String commit(String pager, String subject) {
        try {
            Files.writeString(work.dir().resolve("Pager.java"), pager);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        work.git("commit", "-q", "-am", subject, "-m", "Generated-by: aap search run r");
        return work.head();
    }
}

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
import static org.assertj.core.api.Assertions.assertThatCode;

/** IssueRun against TestForge: one reaction, one progress comment edited in place, and the pull request at the end. */
class IssueRunTest {

    private static final String TOKEN = "ghp_IssueRunSecret1";
    private static final String REPO = "acme/pager";
    private static final long ISSUE = 5;

    @TempDir
    Path tmp;
    private TestForge hub;
    private Forge forge;
    private WorkRepo work;
    private Path runDir;

    @TempDir
    static Path shared;
    private static WorkRepo source;

    /** One source repository for the class: each test's forge starts from a bare clone of it. */
    @BeforeAll
    static void source() {
        source = WorkRepo.init(shared.resolve("source"), "Pager.java", "class Pager {}\n");
    }

    @BeforeEach
    void start() throws IOException {
        hub = TestForge.start(tmp.resolve("forge"));
        hub.token(TOKEN);
        String url = hub.githubRepo(REPO, source.dir());
        hub.issue(REPO, ISSUE, "Pager skips the last item", "Page 3 of 3 is empty.", "reporter");
        hub.permission(REPO, "reporter", "write");
        forge = new GitHubForge(hub.githubApi(), REPO, new GitHubAuth.Token(TOKEN), url, Rest.client());
        work = WorkRepo.clone(url, tmp.resolve("work"));
        runDir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(runDir.resolve("pr.md"), "# Fix the last page of the pager\n\nThe pager now counts from 0.\n");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void beginReactsAndPostsOneProgressComment() {
        IssueRun.State state = run("run-1").begin(null);

        List<TestForge.Comment> comments = hub.comments(REPO, ISSUE);
        assertThat(hub.reactions(REPO, ISSUE)).containsExactly("eyes");
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(state.commentId());
            assertThat(c.body()).startsWith("aap is working on this issue. Run `run-1` ([follow it live]("
                    + "http://aap.local/runs/run-1)).").contains("- [ ] prepare\n").endsWith(Marks.COMMENT);
            assertThat(c.edits()).isEmpty();
        });
    }

    @Test
    void stepsEditTheSameCommentAndNeverPostASecond() {
        IssueRun run = run("run-2");
        run.begin(null);

        run.stepStarted("prepare");
        run.stepFinished("prepare", 1200, "checked out acme/pager");
        run.stepStarted("code");
        run.stepFinished("code", 65_000, "2 files changed\nand more");

        assertThat(hub.comments(REPO, ISSUE)).singleElement().satisfies(c -> {
            assertThat(c.edits()).hasSize(4);
            assertThat(c.edits().get(0)).contains("- [ ] prepare (running)");
            assertThat(c.body()).contains("- [x] prepare: checked out acme/pager (1.2 s)")
                    .contains("- [x] code: 2 files changed (65.0 s)").contains("- [ ] verify\n")
                    .doesNotContain("and more").endsWith(Marks.COMMENT);
        });
    }

    @Test
    void aFailedRunWritesThePolicyReasonsIntoTheCommentAndOpensNoPullRequest() {
        IssueRun run = run("run-3");
        run.begin(null);
        var finished = new Finished("FAILED", "the policy refused the patch", null,
                List.of("touches the build file pom.xml", "deletes the test PagerTest"), runDir);

        ForgeResult result = run.finish(work.dir(), finished, "main", "reporter", "Pager skips the last item");

        assertThat(result).isEqualTo(new ForgeResult("FAILED: nothing pushed", null, false));
        assertThat(hub.pulls(REPO)).isEmpty();
        assertThat(hub.branchTip(REPO, Marks.branch(ISSUE))).isEmpty();
        assertThat(hub.comments(REPO, ISSUE)).singleElement().satisfies(c -> assertThat(c.body())
                .startsWith("aap could not finish this issue.")
                .contains("Run ended **FAILED**: the policy refused the patch")
                .contains("- touches the build file pom.xml\n- deletes the test PagerTest\n")
                .contains("/aap retry"));
    }

    @Test
    void aSucceededRunPushesTheBranchOpensADraftAndAsksTheRequesterForReview() {
        IssueRun run = run("run-4");
        run.begin(null);
        String commit = aapCommit("class Pager { int last; }\n");

        ForgeResult result = run.finish(work.dir(), succeeded(commit), "main", "reporter", "Pager skips");

        assertThat(hub.branchTip(REPO, "aap/issue-5")).contains(commit);
        assertThat(hub.pulls(REPO)).singleElement().satisfies(p -> {
            assertThat(p.branch()).isEqualTo("aap/issue-5");
            assertThat(p.draft()).isTrue();
            assertThat(p.title()).isEqualTo("Fix the last page of the pager");
            assertThat(p.body()).isEqualTo("The pager now counts from 0.\n\nFixes #5\n\n" + Marks.COMMENT);
            assertThat(p.reviewers()).containsExactly("reporter");
        });
        String url = hub.url() + "/acme/pager/pull/6";
        assertThat(result).isEqualTo(new ForgeResult("pull request opened: " + url, url, true));
        assertThat(hub.comments(REPO, ISSUE).getFirst().body()).startsWith("aap has a fix for review.")
                .contains("Draft pull request opened: " + url).contains(commit.substring(0, 12));
    }

    @Test
    void aSecondSucceededRunUpdatesTheOpenPullRequestInsteadOfOpeningAnother() throws IOException {
        run("run-5").finish(work.dir(), succeeded(aapCommit("class Pager { int last; }\n")), "main", "reporter",
                "Pager skips");
        Files.writeString(runDir.resolve("pr.md"), "# Fix the pager, take two\n\nNow with a test.\n");
        String second = aapCommit("class Pager { int last = 1; }\n");

        ForgeResult result = run("run-6").finish(work.dir(), succeeded(second), "main", "reporter", "Pager skips");

        assertThat(hub.pulls(REPO)).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Fix the pager, take two");
            assertThat(p.body()).startsWith("Now with a test.").endsWith("Fixes #5\n\n" + Marks.COMMENT);
        });
        assertThat(result.summary()).startsWith("pull request updated: ");
        assertThat(hub.branchTip(REPO, "aap/issue-5")).contains(second);
    }

    @Test
    void aBranchWithSomeoneElsesCommitIsNotPushedAndTheCommentSaysWhy() {
        String ours = aapCommit("class Pager { int last; }\n");
        BranchPush.push(work.dir(), forge.remote(), ours, Marks.branch(ISSUE));
        work.git("commit", "-q", "--allow-empty", "--author=Pat Smith <pat@example.com>", "-m", "Keep my tweak");
        String theirs = work.head();
        var remote = forge.remote();
        assertThat(work.run(remote.environment(), "push", "-q", remote.url(), "HEAD:refs/heads/"
                + Marks.branch(ISSUE)).exit()).isZero();
        work.git("reset", "-q", "--hard", "HEAD~2");
        IssueRun run = run("run-9");
        run.begin(null);
        String fresh = aapCommit("class Pager { int last = 2; }\n");

        ForgeResult result = run.finish(work.dir(), succeeded(fresh), "main", "reporter", "Pager skips");

        assertThat(result.pushed()).isFalse();
        assertThat(result.summary()).isEqualTo("branch aap/issue-5 has commits by someone else; not pushed");
        assertThat(hub.branchTip(REPO, Marks.branch(ISSUE))).contains(theirs);
        assertThat(hub.pulls(REPO)).isEmpty();
        assertThat(hub.comments(REPO, ISSUE).getFirst().body()).startsWith("aap has a fix but did not push it.")
                .contains("- " + theirs.substring(0, 7) + " by Pat Smith: Keep my tweak");
    }

    @Test
    void aRefusedProgressEditDoesNotFailTheRun() {
        IssueRun run = run("run-7");
        run.begin(null);
        hub.token("a-rotated-token");

        assertThatCode(() -> {
            run.stepStarted("prepare");
            run.stepFinished("prepare", 10, "ok");
            run.finish(work.dir(), new Finished("FAILED", "no fix", null, List.of(), runDir), "main", null, "t");
        }).doesNotThrowAnyException();
        assertThat(hub.comments(REPO, ISSUE)).singleElement().satisfies(c -> assertThat(c.edits()).isEmpty());
        assertThat(hub.requests()).filteredOn(r -> r.method().equals("PATCH")).hasSize(3);
    }

    @Test
    void anEarlierStateIsTakenOverWithoutANewCommentOrASecondReaction() {
        IssueRun.State earlier = run("run-8").begin(null);

        IssueRun.State again = run("run-8").begin(earlier);

        assertThat(again).isEqualTo(earlier);
        assertThat(hub.comments(REPO, ISSUE)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(earlier.commentId());
            assertThat(c.body()).startsWith("aap took this run over after a restart.");
        });
        assertThat(hub.reactions(REPO, ISSUE)).containsExactly("eyes");
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith("/reactions")).hasSize(1);
    }

    @Test
    void thePullRequestTextTakesItsTitleFromTheHeadingAndEndsWithTheIssueLinkAndTheMarker() throws IOException {
        Files.writeString(runDir.resolve("pr.md"), "# Fix the pager\r\n\r\nBody line.\r\n");

        var github = PullRequestText.of(runDir, "github", 12, "Issue title");
        var gitlab = PullRequestText.of(runDir, "gitlab", 12, "Issue title");
        var none = PullRequestText.of(tmp.resolve("no-run"), "github", 12, "Issue title");

        assertThat(github.title()).isEqualTo("Fix the pager");
        assertThat(github.body()).isEqualTo("Body line.\n\nFixes #12\n\n" + Marks.COMMENT);
        assertThat(gitlab.body()).endsWith("Closes #12\n\n" + Marks.COMMENT);
        assertThat(none.title()).isEqualTo("Issue title");
        assertThat(none.body()).isEqualTo("\n\nFixes #12\n\n" + Marks.COMMENT);
    }

    @Test
    void aBodyOverSixtyThousandCharactersIsCutWithANote() throws IOException {
        Files.writeString(runDir.resolve("pr.md"), "# Big\n\n" + "x".repeat(70_000) + "TAIL");

        var text = PullRequestText.of(runDir, "github", 3, "t");

        assertThat(text.body()).hasSizeLessThan(65_536).doesNotContain("TAIL")
                .contains("x".repeat(60_000) + "\n\n(cut here: the whole description is the run's pr.md)")
                .endsWith("Fixes #3\n\n" + Marks.COMMENT);
    }

    private IssueRun run(String id) {
        return new IssueRun(forge, ISSUE, id, "http://aap.local/runs/" + id);
    }

    private Finished succeeded(String commit) {
        return new Finished("SUCCEEDED", "tests pass", commit, List.of(), runDir);
    }

    private String aapCommit(String text) {
        try {
            Files.writeString(work.dir().resolve("Pager.java"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        work.git("add", "-A");
        work.git("commit", "-q", "-m", "Fix the pager", "-m", "Generated-by: aap search run x");
        return work.head();
    }
}

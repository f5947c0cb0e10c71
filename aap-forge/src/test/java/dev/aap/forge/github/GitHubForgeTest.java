package dev.aap.forge.github;

import dev.aap.forge.Forge;
import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;
import dev.aap.forge.Marks;
import dev.aap.forge.Rest;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.testing.WorkRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GitHubForge against TestForge: real HTTP to a fake GitHub and real git pushes to its bare repositories. */
class GitHubForgeTest {

    private static final String TOKEN = "ghp_Secr3tTokenValue42";
    private static final String REPO = "acme/pager";
    private static final String BRANCH = "aap/issue-7";

    @TempDir
    Path tmp;
    private TestForge hub;
    private String cloneUrl;
    private GitHubForge forge;

    @TempDir
    static Path shared;
    private static WorkRepo source;

    /** One source repository for the class: each test's forge starts from a bare clone of it. */
    @BeforeAll
    static void source() {
        source = WorkRepo.init(shared.resolve("source"), "Pager.java", "class Pager {\n  int last() {\n"
                + "    return pages;\n  }\n}\n");
        source.git("checkout", "-q", "-b", BRANCH);
        source.commit("Pager.java", "class Pager {\n  int last() {\n    return pages - 1;\n  }\n}\n", "fix");
        source.git("checkout", "-q", "main");
    }

    @BeforeEach
    void start() {
        hub = TestForge.start(tmp.resolve("forge"));
        hub.token(TOKEN);
        cloneUrl = hub.githubRepo(REPO, source.dir());
        hub.issue(REPO, 7, "Pager skips the last item", "Page 3 of 3 is empty.", "reporter");
        forge = new GitHubForge(hub.githubApi(), REPO, new GitHubAuth.Token(TOKEN), cloneUrl, Rest.client());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void readsAnIssueWithTheBearerTokenAndRefusesAPullRequestNumber() {
        Forge.PullRequest pr = forge.createPullRequest(BRANCH, "main", "Fix #7", "Fixes #7");

        Forge.Issue issue = forge.issue(7);
        ForgeException pull = catchThrowableOfType(ForgeException.class, () -> forge.issue(pr.number()));

        assertThat(forge.kind()).isEqualTo("github");
        assertThat(forge.repository()).isEqualTo(REPO);
        assertThat(issue).isEqualTo(new Forge.Issue(7, "Pager skips the last item", "Page 3 of 3 is empty.",
                "open", "reporter", hub.url() + "/acme/pager/issues/7"));
        assertThat(issue.open()).isTrue();
        assertThat(pull.getMessage()).isEqualTo("#" + pr.number() + " of acme/pager is a pull request, not an issue");
        assertThat(hub.requests()).filteredOn(r -> r.path().endsWith("/issues/7"))
                .allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization()));
    }

    @Test
    void reactsWithEyesAndEditsItsOneCommentInPlace() {
        forge.react(7);
        long id = forge.comment(7, "Working on it\n" + Marks.COMMENT);
        forge.editComment(7, id, "Step 1 done\n" + Marks.COMMENT);
        forge.editComment(7, id, "Done\n" + Marks.COMMENT);

        assertThat(hub.reactions(REPO, 7)).containsExactly("eyes");
        assertThat(hub.comments(REPO, 7)).containsExactly(new TestForge.Comment(id, "aap-bot",
                "Done\n" + Marks.COMMENT, List.of("Step 1 done\n" + Marks.COMMENT, "Done\n" + Marks.COMMENT)));
    }

    @Test
    void createsADraftPullRequestAndFindsItOpenByItsBranch() {
        Forge.PullRequest created = forge.createPullRequest(BRANCH, "main", "Fix the pager", "Fixes #7");

        assertThat(created).isEqualTo(new Forge.PullRequest(8, hub.url() + "/acme/pager/pull/8", BRANCH, "main",
                "open", "aap-bot", hub.branchTip(REPO, BRANCH).orElseThrow()));
        assertThat(hub.pulls(REPO)).containsExactly(new TestForge.Pull(8, BRANCH, "main", "Fix the pager",
                "Fixes #7", true, "open", List.of()));
        assertThat(forge.openPullRequest(BRANCH)).contains(created);
        assertThat(forge.openPullRequest("aap/issue-9")).isEmpty();
        assertThat(forge.pullRequest(8)).isEqualTo(created);
    }

    @Test
    void aClosedPullRequestIsNotOpenAndAMergedOneSaysMerged() {
        long number = forge.createPullRequest(BRANCH, "main", "Fix", "Fixes #7").number();
        hub.closePullRequest(REPO, number);

        assertThat(forge.openPullRequest(BRANCH)).isEmpty();
        assertThat(forge.pullRequest(number).state()).isEqualTo("closed");
        hub.mergePullRequest(REPO, number);
        assertThat(forge.pullRequest(number).state()).isEqualTo("merged");
    }

    @Test
    void aSecondPullRequestForTheBranchIsA422ThatSaysWhy() {
        forge.createPullRequest(BRANCH, "main", "Fix", "Fixes #7");

        ForgeException e = catchThrowableOfType(ForgeException.class,
                () -> forge.createPullRequest(BRANCH, "main", "Fix again", "Fixes #7"));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("GitHub answered 422 to POST /repos/acme/pager/pulls: Validation Failed:"
                + " A pull request already exists for acme:aap/issue-7.");
        assertThat(hub.pulls(REPO)).hasSize(1);
    }

    @Test
    void updatesTheTitleAndBodyOfAPullRequest() {
        long number = forge.createPullRequest(BRANCH, "main", "Fix", "first").number();

        forge.updatePullRequest(number, "Fix the last page", "second\n\nFixes #7");

        assertThat(hub.pulls(REPO)).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo("Fix the last page");
            assertThat(p.body()).isEqualTo("second\n\nFixes #7");
            assertThat(p.draft()).isTrue();
        });
    }

    @Test
    void asksAKnownUserForReviewAndSkipsAnUnknownLoginOrTheAuthor() {
        hub.permission(REPO, "maintainer", "write");
        long number = forge.createPullRequest(BRANCH, "main", "Fix", "Fixes #7").number();

        forge.requestReview(number, "maintainer");
        forge.requestReview(number, "no-such-login");
        forge.requestReview(number, "aap-bot");

        assertThat(hub.pulls(REPO).getFirst().reviewers()).containsExactly("maintainer");
    }

    @Test
    void readsTheCommentsOfOneReviewWithTheirHunksAndRepliesInTheirThreads() {
        long number = forge.createPullRequest(BRANCH, "main", "Fix", "Fixes #7").number();
        long review = hub.review(REPO, number, "maintainer", "Almost", List.of(
                new TestForge.ReviewNote("Pager.java", 3, "Off by one?"),
                new TestForge.ReviewNote("Pager.java", 0, "Rename the file")));
        hub.review(REPO, number, "other", "Unrelated", List.of(new TestForge.ReviewNote("Pager.java", 1, "Later")));

        List<Forge.ReviewComment> comments = forge.reviewComments(number, review);
        forge.reply(number, comments.getFirst(), "Intended\n" + Marks.COMMENT);

        assertThat(comments).extracting(Forge.ReviewComment::path, Forge.ReviewComment::line,
                Forge.ReviewComment::body, Forge.ReviewComment::author, Forge.ReviewComment::thread)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Pager.java", 3, "Off by one?", "maintainer", null),
                        org.assertj.core.groups.Tuple.tuple("Pager.java", 0, "Rename the file", "maintainer", null));
        assertThat(comments.getFirst().diffHunk()).startsWith("@@ ").endsWith("+    return pages - 1;");
        assertThat(hub.replies(REPO, number)).containsExactly(
                new TestForge.Reply(comments.getFirst().id(), null, "Intended\n" + Marks.COMMENT));
    }

    @Test
    void commentsOnAPullRequestsConversation() {
        long number = forge.createPullRequest(BRANCH, "main", "Fix", "Fixes #7").number();

        long id = forge.commentOnPullRequest(number, "pushed\n" + Marks.COMMENT);

        assertThat(hub.pullComments(REPO, number)).extracting(TestForge.Comment::id, TestForge.Comment::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "pushed\n" + Marks.COMMENT));
    }

    @Test
    void permissionIsTheCollaboratorLevelAndNoneForStrangers() {
        hub.permission(REPO, "dev", "write");
        hub.permission(REPO, "boss", "admin");
        hub.user("visitor");

        assertThat(forge.permission("dev")).isEqualTo("write");
        assertThat(forge.permission("boss")).isEqualTo("admin");
        assertThat(forge.permission("visitor")).isEqualTo("none");
        assertThat(forge.permission("never-seen")).isEqualTo("none");
    }

    @Test
    void theRemotePushesWithTheTokenInGitsEnvironmentOnly() {
        GitRemote remote = forge.remote();
        WorkRepo clone = WorkRepo.clone(cloneUrl, tmp.resolve("clone"));
        String commit = clone.commit("README.md", "pager\n", "readme");

        WorkRepo.Outcome push = clone.run(remote.environment(), "push", "-q", remote.url(), "HEAD:refs/heads/docs");

        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(hub.branchTip(REPO, "docs")).contains(commit);
        assertThat(remote.url()).isEqualTo(cloneUrl).doesNotContain(TOKEN);
        assertThat(remote.toString()).doesNotContain(TOKEN);
        assertThat(hub.requests()).anyMatch(r -> r.path().endsWith("/git-receive-pack")
                && String.valueOf(r.authorization()).startsWith("Basic "));
    }

    @Test
    void aWrongTokenIsRefusedWithAMessageThatNeverShowsIt() {
        String wrong = "ghp_WrongTokenValue99";
        var refused = new GitHubForge(hub.githubApi(), REPO, new GitHubAuth.Token(wrong), cloneUrl, Rest.client());

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> refused.issue(7));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("GitHub refused the token (401").contains("Bad credentials")
                .doesNotContain(wrong).doesNotContain(TOKEN).doesNotContain("\n");
    }

    @Test
    void aPastedTokenWithALineBreakIsRefusedBeforeAnyRequest() {
        var pasted = new GitHubForge(hub.githubApi(), REPO, new GitHubAuth.Token(TOKEN + "\n"), cloneUrl,
                Rest.client());
        int before = hub.requests().size();

        ForgeException call = catchThrowableOfType(ForgeException.class, () -> pasted.issue(7));
        ForgeException push = catchThrowableOfType(ForgeException.class, pasted::remote);

        assertThat(call.getMessage()).isEqualTo("the GitHub token is empty or holds spaces or control characters");
        assertThat(push.getMessage()).isEqualTo(call.getMessage());
        assertThat(hub.requests()).hasSize(before);
    }

    @Test
    void anUnknownRepositoryIsA404ThatNamesTheCall() {
        var missing = new GitHubForge(hub.githubApi(), "acme/nope", new GitHubAuth.Token(TOKEN), cloneUrl,
                Rest.client());

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> missing.issue(1));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("GitHub has no /repos/acme/nope/issues/1 (404): check the repository"
                + " name and that the token can see it");
    }

    @Test
    void anUnreachableHostIsStatusZero() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var away = new GitHubForge("http://127.0.0.1:" + port + "/api/v3", REPO, new GitHubAuth.Token(TOKEN),
                cloneUrl, Rest.client());

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> away.issue(7));

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("GitHub is not reachable (GET /repos/acme/pager/issues/7)")
                .doesNotContain(TOKEN);
    }

    @Test
    void theApiAddressFollowsTheCloneUrlsHost() {
        assertThat(GitHubForge.apiFor("https://github.com/acme/pager.git")).isEqualTo("https://api.github.com");
        assertThat(GitHubForge.apiFor("https://ghe.example.com/acme/pager.git"))
                .isEqualTo("https://ghe.example.com/api/v3");
        assertThat(GitHubForge.apiFor("https://ghe.example.com:8443/acme/pager.git"))
                .isEqualTo("https://ghe.example.com:8443/api/v3");
        assertThat(GitHubForge.apiFor("https://someone@ghe.example.com/acme/pager.git"))
                .isEqualTo("https://ghe.example.com/api/v3");
    }
}

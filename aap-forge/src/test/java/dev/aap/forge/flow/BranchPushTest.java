package dev.aap.forge.flow;

import dev.aap.forge.ForgeException;
import dev.aap.forge.GitRemote;
import dev.aap.forge.testing.TestForge;
import dev.aap.forge.testing.WorkRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** BranchPush with real git against TestForge's bare repository: what it pushes, and what it refuses to touch. */
class BranchPushTest {

    private static final String TOKEN = "ghs_PushTokenSecret123";
    private static final String REPO = "acme/pager";
    private static final String BRANCH = "aap/issue-3";

    @TempDir
    Path tmp;
    private TestForge hub;
    private String url;
    private GitRemote remote;
    private WorkRepo work;
    private String base;

    @TempDir
    static Path shared;
    private static WorkRepo source;

    /** One source repository for the class: each test's forge starts from a bare clone of it. */
    @BeforeAll
    static void source() {
        source = WorkRepo.init(shared.resolve("source"), "Pager.java", "class Pager {}\n");
    }

    @BeforeEach
    void start() {
        hub = TestForge.start(tmp.resolve("forge"));
        hub.token(TOKEN);
        url = hub.githubRepo(REPO, source.dir());
        remote = GitRemote.basic(url, "x-access-token", TOKEN);
        work = WorkRepo.clone(url, tmp.resolve("work"));
        base = work.head();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aNewBranchIsCreatedAndTheSameCommitAgainLeavesItUnchanged() {
        String commit = aapCommit("Pager.java", "class Pager { int last; }\n", "1");

        var created = BranchPush.push(work.dir(), remote, commit, BRANCH);
        var again = BranchPush.push(work.dir(), remote, commit, BRANCH);

        assertThat(created).isEqualTo(new BranchPush.Outcome.Pushed(commit, "created"));
        assertThat(again).isEqualTo(new BranchPush.Outcome.Pushed(commit, "unchanged"));
        assertThat(hub.branchTip(REPO, BRANCH)).contains(commit);
        assertThat(hub.branchTip(REPO, "main")).contains(base);
    }

    @Test
    void aDescendantOfTheTipIsAFastForward() {
        String first = aapCommit("Pager.java", "class Pager { int last; }\n", "1");
        BranchPush.push(work.dir(), remote, first, BRANCH);
        String second = work.commit("Pager.java", "class Pager { int last = 1; }\n", "review follow-up");

        var pushed = BranchPush.push(work.dir(), remote, second, BRANCH);

        assertThat(pushed).isEqualTo(new BranchPush.Outcome.Pushed(second, "fast-forward"));
        assertThat(hub.branchTip(REPO, BRANCH)).contains(second);
    }

    @Test
    void aBranchHoldingOnlyAnEarlierAapCommitIsReplaced() {
        String earlier = aapCommit("Pager.java", "class Pager { int last; }\n", "1");
        BranchPush.push(work.dir(), remote, earlier, BRANCH);
        work.git("checkout", "-q", "--detach", base);
        String fresh = aapCommit("Pager.java", "class Pager { int last = 2; }\n", "2");

        var pushed = BranchPush.push(work.dir(), remote, fresh, BRANCH);

        assertThat(pushed).isEqualTo(new BranchPush.Outcome.Pushed(fresh, "replaced"));
        assertThat(hub.branchTip(REPO, BRANCH)).contains(fresh);
    }

    @Test
    void aPersonsCommitOnTheBranchIsListedAndTheBranchIsLeftAlone() {
        String earlier = aapCommit("Pager.java", "class Pager { int last; }\n", "1");
        BranchPush.push(work.dir(), remote, earlier, BRANCH);
        WorkRepo person = WorkRepo.clone(url, tmp.resolve("person"));
        person.git("checkout", "-q", BRANCH);
        Path file = person.dir().resolve("NOTES.md");
        write(file, "keep this\n");
        person.git("add", "NOTES.md");
        person.git("commit", "-q", "--author=Pat Smith <pat@example.com>", "-m", "Add release notes");
        String theirs = person.head();
        assertThat(person.run(remote.environment(), "push", "-q", url, "HEAD:refs/heads/" + BRANCH).exit()).isZero();
        work.git("checkout", "-q", "--detach", base);
        String fresh = aapCommit("Pager.java", "class Pager { int last = 2; }\n", "2");

        var outcome = BranchPush.push(work.dir(), remote, fresh, BRANCH);

        assertThat(outcome).isEqualTo(new BranchPush.Outcome.Moved(theirs,
                List.of(theirs.substring(0, 7) + " by Pat Smith: Add release notes")));
        assertThat(hub.branchTip(REPO, BRANCH)).contains(theirs);
    }

    @Test
    void aWrongTokenIsAnAuthenticationFailureThatDoesNotShowTheToken() {
        String commit = aapCommit("Pager.java", "class Pager { int last; }\n", "1");
        String wrong = "ghs_WrongSecret999";

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> BranchPush.push(work.dir(),
                GitRemote.basic(url, "x-access-token", wrong), commit, BRANCH));

        assertThat(e.getMessage()).contains("authentication failed").doesNotContain(wrong).doesNotContain(TOKEN);
        assertThat(e.status()).isEqualTo(401);
        assertThat(hub.branchTip(REPO, BRANCH)).isEmpty();
    }

    @Test
    void anUnreachableRemoteIsNotMistakenForAnAuthenticationFailure() throws Exception {
        // a port whose digits hold "401" once made any git error naming the URL look like a refused token
        int port = freePortContaining("401");
        String away = "http://127.0.0.1:" + port + "/git/acme/pager.git";

        ForgeException e = catchThrowableOfType(ForgeException.class, () -> BranchPush.push(work.dir(),
                GitRemote.basic(away, "x-access-token", TOKEN), base, BRANCH));

        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).startsWith("git ls-remote to " + away + " failed: ")
                .doesNotContain("authentication").doesNotContain(TOKEN);
    }

    @Test
    void theTokenNeverReachesTheLocalRepositorysConfigOrRemotes() throws Exception {
        String first = aapCommit("Pager.java", "class Pager { int last; }\n", "1");
        BranchPush.push(work.dir(), remote, first, BRANCH);
        String second = work.commit("Pager.java", "class Pager { int last = 1; }\n", "more");
        BranchPush.push(work.dir(), remote, second, BRANCH);

        String config = Files.readString(work.dir().resolve(".git/config"));
        String remotes = work.git("remote", "-v");

        assertThat(hub.branchTip(REPO, BRANCH)).contains(second);
        assertThat(config).doesNotContain(TOKEN).doesNotContain("extraHeader").doesNotContain("Authorization");
        assertThat(remotes).doesNotContain(TOKEN).contains(url);
        assertThat(work.git("config", "--list")).doesNotContain(TOKEN);
    }

    /** A commit as aap makes it: the message ends with the Generated-by trailer. */
    private String aapCommit(String file, String text, String run) {
        write(work.dir().resolve(file), text);
        work.git("add", "-A");
        work.git("commit", "-q", "-m", "Fix the pager", "-m", "Generated-by: aap search run " + run);
        return work.head();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePortContaining(String digits) throws Exception {
        for (int port = 10_000; port < 65_000; port++) {
            if (!String.valueOf(port).contains(digits)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (java.io.IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port containing " + digits);
    }
}

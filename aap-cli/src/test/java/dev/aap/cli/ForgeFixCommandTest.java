package dev.aap.cli;

import dev.aap.forge.testing.TestForge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aap fix --forge}: the issue from a (local) GitHub, the offline brain, and with --open-pr a pull request. */
class ForgeFixCommandTest {

    private static final String TOKEN = "ghp_cliTestToken0123456789";
    private static final String REPO = "acme/pricing";

    @TempDir
    Path tmp;
    TestForge forge;
    String url;

    @BeforeEach
    void start() throws Exception {
        forge = TestForge.start(tmp.resolve("forge"));
        forge.token(TOKEN);
        url = forge.githubRepo(REPO, Cli.exampleRepo("python-pricing", tmp.resolve("pricing")));
        forge.issue(REPO, 3, "Ten units get no discount", "bulk_discount(10) should be 0.05.", "reporter");
    }

    @AfterEach
    void stop() {
        forge.close();
    }

    @Test
    void openPrFixesTheIssueFromTheTerminalAndOpensADraftPullRequest() throws Exception {
        Path home = tmp.resolve("home");
        Cli.Result r = Cli.run(home, Map.of("GITHUB_TOKEN", TOKEN), "fix", "--forge", "github", "--repo-url", url,
                "--issue-ref", "3", "--open-pr", "--forge-api", forge.githubApi());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("issue #3 of acme/pricing: Ten units get no discount", "pull request opened");
        assertThat(forge.pulls(REPO)).singleElement().satisfies(pr -> {
            assertThat(pr.branch()).isEqualTo("aap/issue-3");
            assertThat(pr.body()).contains("Fixes #3");
        });
        assertThat(forge.comments(REPO, 3)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("Draft pull request opened"));
        assertThat(forge.reactions(REPO, 3)).containsExactly("eyes");
        Path clone = home.resolve("repos/github/acme/pricing");
        assertThat(Files.readString(clone.resolve(".git/config"))).doesNotContain(TOKEN);
        assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    }

    @Test
    void withoutOpenPrNothingIsWrittenToTheForgeAndTheTokenMayComeFromConfigYaml() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.yaml"), "github_token: " + TOKEN + "\n");
        // an empty variable does not hide the configured token
        Cli.Result r = Cli.run(home, Map.of("GITHUB_TOKEN", ""), "fix", "--forge", "github",
                "--repo-url", url, "--issue-ref", "3", "--forge-api", forge.githubApi());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(forge.requests()).allSatisfy(q -> assertThat(q.method().equals("GET")
                || q.path().endsWith("/git-upload-pack")).as(q.toString()).isTrue());
        assertThat(forge.pulls(REPO)).isEmpty();
    }

    @Test
    void aBadTokenAClosedIssueAndMissingOptionsAreOneLineErrors() throws Exception {
        Path home = tmp.resolve("home");
        Cli.Result bad = Cli.run(home, Map.of("GITHUB_TOKEN", "ghp_wrong"), "fix", "--forge", "github", "--repo-url",
                url, "--issue-ref", "3", "--forge-api", forge.githubApi());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("GitHub refused the token (401").doesNotContain("Exception", "ghp_wrong");

        Cli.Result none = Cli.run(home, Map.of("GITHUB_TOKEN", ""), "fix", "--forge", "github", "--repo-url", url,
                "--issue-ref", "3", "--forge-api", forge.githubApi());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("GITHUB_TOKEN");

        forge.closeIssue(REPO, 3);
        Cli.Result closed = Cli.run(home, Map.of("GITHUB_TOKEN", TOKEN), "fix", "--forge", "github", "--repo-url",
                url, "--issue-ref", "3", "--forge-api", forge.githubApi());
        assertThat(closed.exitCode()).isEqualTo(2);
        assertThat(closed.err()).contains("closed");

        Cli.Result mixed = Cli.run(home, "fix", "--forge", "github", "--repo", ".", "--repo-url", url,
                "--issue-ref", "3");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("drop --repo");
        Cli.Result orphan = Cli.run(home, "fix", "--repo", ".", "--open-pr");
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).contains("go with --forge");
    }
}

package dev.aap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTest {

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @Test
    void missingDirectoryExitsTwoWithoutStackTrace() throws Exception {
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void plainDirectoryIsNotARepository() throws Exception {
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not inside a git repository").contains("git init");
    }

    @Test
    void repositoryWithoutCommitsIsRejected() throws Exception {
        Cli.git(dir, "init", "-q");
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no commits");
    }

    @Test
    void unknownFlagIsRejectedWithAHint() throws Exception {
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString(), "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--frobnicate").contains("--help");
    }

    @Test
    void projectWithoutTestsSaysHowToGiveATestCommand() throws Exception {
        commitOneFile("README.txt", "nothing here\n");
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString(), "--sandbox", "none");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no test command found");
    }

    @Test
    void gradleProjectIsNotSupportedYet() throws Exception {
        commitOneFile("build.gradle", "plugins { id 'java' }\n");
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString(), "--sandbox", "none");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Gradle projects are not supported yet");
    }

    @Test
    void unwritableHomeIsAnEnvironmentProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result r = Cli.run(file.resolve("home"), "fix", "--repo", dir.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("AAP_HOME").contains("not writable");
    }

    @Test
    void unknownStrategyIsBadInput() throws Exception {
        Cli.exampleRepo("python-pricing", dir);
        Cli.Result r = Cli.run(home, "fix", "--repo", dir.toString(), "--strategy", "magic");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown strategy 'magic'");
    }

    @Test
    void bubblewrapMissingWhenAskedForIsAnEnvironmentProblem() throws Exception {
        Cli.exampleRepo("python-pricing", dir);
        Path emptyBin = Files.createDirectory(home.resolve("empty-bin"));
        Cli.Result r = Cli.run(home, java.util.Map.of("PATH", emptyBin.toString()),
                "fix", "--repo", dir.toString(), "--sandbox", "bwrap");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("bubblewrap").contains("apt-get install -y bubblewrap");
    }

    private void commitOneFile(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
        Cli.git(dir, "init", "-q");
        Cli.git(dir, "add", "-A");
        Cli.git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "x");
    }
}

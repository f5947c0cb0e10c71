package dev.aap.core.secrets;

import dev.aap.core.patch.Patch;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The review step's view: only what a real {@code git diff} adds is scanned, at its line in the new file. */
class AddedLinesTest {

    @TempDir
    Path repo;

    private String commitAndChange(String path, String before, String after) throws Exception {
        Git.check(repo, "init", "-q", "-b", "main");
        Git.check(repo, "config", "user.name", "Test User");
        Git.check(repo, "config", "user.email", "test@example.com");
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, before);
        Git.check(repo, "add", "-A");
        Git.check(repo, "commit", "-q", "-m", "base");
        Files.writeString(file, after);
        Files.writeString(repo.resolve("notes.txt"), "new file\nwith two lines\n");
        Git.check(repo, "add", "-A");
        return Git.check(repo, "diff", "--cached");
    }

    @Test
    void numbersAddedLinesAsInTheNewFile() throws Exception {
        String diff = commitAndChange("src/App.java", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n",
                "a\nb\nINSERTED\nc\nd\ne\nf\ng\nh\nj\nAPPENDED\n");

        List<AddedLines> files = AddedLines.of(Patch.parse(diff));

        assertThat(files).extracting(AddedLines::path).containsExactly("notes.txt", "src/App.java");
        assertThat(files.get(1).lines()).containsExactly(new AddedLines.Line(3, "INSERTED"),
                new AddedLines.Line(11, "APPENDED"));
        assertThat(files.get(0).lines()).extracting(AddedLines.Line::number).containsExactly(1, 2);
    }

    @Test
    void findsASecretTheBranchAddsButNotOneAlreadyAtBase() throws Exception {
        var keys = new FakeKeys(50);
        String old = keys.key("github-token");
        String added = keys.key("anthropic-key");
        String before = "package app;\n\nclass Keys {\n    String old = \"" + old + "\";\n}\n";
        String after = "package app;\n\nclass Keys {\n    String old = \"" + old + "\";\n    String fresh = \""
                + added + "\";\n}\n";

        List<Finding> found = SecretScanner.create().scanAddedLines(Patch.parse(commitAndChange("src/Keys.java",
                before, after)));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("anthropic-key");
            assertThat(f.path()).isEqualTo("src/Keys.java");
            assertThat(f.line()).isEqualTo(5);
            assertThat(after.lines().toList().get(4).substring(f.start(), f.end())).isEqualTo(added);
        });
    }

    @Test
    void findsAPrivateKeyAddedOverSeveralLinesOnce() throws Exception {
        String block = new FakeKeys(51).privateKey("OPENSSH PRIVATE KEY", "\n");
        String diff = commitAndChange("deploy/id_deploy", "placeholder\n", "# deploy key\n" + block + "\n");

        List<Finding> found = SecretScanner.create().scanAddedLines(Patch.parse(diff));

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("private-key");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.start()).isZero();
        });
    }

    @Test
    void ignoresDeletedFilesAndRemovedLines() throws Exception {
        String key = new FakeKeys(52).key("stripe-key");
        String diff = commitAndChange("config/app.env", "STRIPE=" + key + "\nPORT=1\n", "PORT=2\n");

        assertThat(SecretScanner.create().scanAddedLines(Patch.parse(diff))).isEmpty();
    }
}

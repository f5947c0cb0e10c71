package dev.aap.core.workspace;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.patch.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceTest {

    @TempDir
    Path repo;

    @TempDir
    Path home;

    @Test
    void publishesABranchWithoutTouchingTheUsersTreeIndexOrHead() throws Exception {
        TestRepos.commit(repo, "src/Calc.java", "class Calc { int f() { return 1; } }\n");
        // uncommitted work of the user: one staged, one unstaged change
        Files.writeString(repo.resolve("notes.txt"), "staged\n");
        Git.check(repo, "add", "notes.txt");
        Files.writeString(repo.resolve("src/Calc.java"), "class Calc { int f() { return 42; } } // wip\n");
        String statusBefore = Git.check(repo, "status", "--porcelain");
        String headBefore = Git.check(repo, "rev-parse", "HEAD");

        SourceRepo src = SourceRepo.inspect(repo);
        assertThat(src.dirty()).isTrue();
        try (Workspace ws = Workspace.create(src, home.resolve("ws"))) {
            assertThat(ws.read("src/Calc.java")).isEqualTo("class Calc { int f() { return 1; } }\n");
            ws.write("src/Calc.java", "class Calc { int f() { return 2; } }\n");
            Patch p = ws.diff();
            assertThat(p.files()).containsExactly("src/Calc.java");
            assertThat(p.changedLines()).isEqualTo(1);
            String commit = ws.publish("aap/test-branch", "fix(calc): return 2\n");
            assertThat(Git.check(repo, "rev-parse", "refs/heads/aap/test-branch")).isEqualTo(commit);
            assertThat(Git.check(repo, "show", "aap/test-branch:src/Calc.java")).contains("return 2");
        }
        assertThat(Git.check(repo, "status", "--porcelain")).isEqualTo(statusBefore);
        assertThat(Git.check(repo, "rev-parse", "HEAD")).isEqualTo(headBefore);
        assertThat(Git.check(repo, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(Files.readString(repo.resolve("src/Calc.java"))).contains("// wip");
        assertThat(home.resolve("ws")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingBranch() throws Exception {
        TestRepos.commit(repo, "a.txt", "a\n");
        Git.check(repo, "branch", "aap/taken");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("a.txt", "b\n");
            assertThatThrownBy(() -> ws.publish("aap/taken", "fix: b")).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void diffAppliesCleanlyWhenTheHunkEndsWithABlankLine() throws Exception {
        TestRepos.commit(repo, "m.py", "def f(n):\n    n ^= 1\n    return n\n\n\nX = 1\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("m.py", "def f(n):\n    n &= 1\n    return n\n\n\nX = 1\n");
            Patch p = ws.diff();
            java.nio.file.Path file = home.resolve("p.diff");
            Files.writeString(file, p.diff());
            assertThat(Git.run(repo, "apply", "--check", file.toString()).ok()).as(p.diff()).isTrue();
        }
    }

    @Test
    void resetRestoresTrackedFiles() throws Exception {
        TestRepos.commit(repo, "a.txt", "a\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("a.txt", "changed\n");
            ws.reset();
            assertThat(ws.read("a.txt")).isEqualTo("a\n");
            assertThat(ws.diff().isEmpty()).isTrue();
        }
    }

    @Test
    void newFilesAreInTheDiffAndInThePublishedCommit() throws Exception {
        TestRepos.commit(repo, "src/a.py", "A = 1\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("src/b.py", "B = 2\n");
            // a file made outside write(), e.g. by a tool, counts once it is tracked
            Files.writeString(ws.projectDir().resolve("src/c.py"), "C = 3\n");
            ws.trackNew("src/c.py");
            Patch p = ws.diff();
            assertThat(p.files()).containsExactlyInAnyOrder("src/b.py", "src/c.py");
            assertThat(p.newFiles()).containsExactlyInAnyOrder("src/b.py", "src/c.py");
            ws.publish("aap/new-files", "feat: b and c\n");
        }
        assertThat(Git.check(repo, "show", "aap/new-files:src/b.py")).isEqualTo("B = 2");
        assertThat(Git.check(repo, "show", "aap/new-files:src/c.py")).isEqualTo("C = 3");
        assertThat(Git.check(repo, "diff-tree", "--no-commit-id", "--name-status", "-r", "aap/new-files"))
                .isEqualTo("A\tsrc/b.py\nA\tsrc/c.py");
    }

    @Test
    void untrackedFilesStayOutOfTheDiff() throws Exception {
        TestRepos.commit(repo, "a.txt", "a\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            Files.writeString(ws.root().resolve("build.log"), "output\n");
            assertThat(ws.diff().isEmpty()).isTrue();
        }
    }

    @Test
    void resetRemovesNewFilesAndBringsBackDeletedOnes() throws Exception {
        TestRepos.commit(repo, "src/a.py", "A = 1\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("src/new.py", "N = 1\n");
            ws.delete("src/a.py");
            assertThat(ws.diff().files()).containsExactlyInAnyOrder("src/a.py", "src/new.py");
            ws.reset();
            assertThat(ws.projectDir().resolve("src/new.py")).doesNotExist();
            assertThat(ws.read("src/a.py")).isEqualTo("A = 1\n");
            assertThat(ws.diff().isEmpty()).isTrue();
            assertThat(Git.check(ws.root(), "status", "--porcelain")).isEmpty();
            // after a reset the same path can be created again and is tracked again
            ws.write("src/new.py", "N = 2\n");
            assertThat(ws.diff().newFiles()).containsExactly("src/new.py");
        }
    }

    @Test
    void refusedPublishLeavesTheExistingBranchAsItWas() throws Exception {
        TestRepos.commit(repo, "a.txt", "a\n");
        Git.check(repo, "branch", "aap/taken");
        String before = Git.check(repo, "rev-parse", "aap/taken");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"))) {
            ws.write("a.txt", "b\n");
            assertThatThrownBy(() -> ws.publish("aap/taken", "fix: b")).isInstanceOf(EnvironmentException.class);
            // the change is still there for a publish under another name
            String commit = ws.publish("aap/free", "fix: b\n");
            assertThat(Git.check(repo, "rev-parse", "aap/free")).isEqualTo(commit);
        }
        assertThat(Git.check(repo, "rev-parse", "aap/taken")).isEqualTo(before);
        assertThat(Git.check(repo, "show", "aap/taken:a.txt")).isEqualTo("a");
    }

    @Test
    void createsTheWorkspaceAtAnOlderCommit() throws Exception {
        TestRepos.commit(repo, "a.txt", "first\n");
        String first = Git.check(repo, "rev-parse", "HEAD");
        TestRepos.commit(repo, "a.txt", "second\n");
        try (Workspace ws = Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"), first)) {
            assertThat(ws.read("a.txt")).isEqualTo("first\n");
            assertThat(ws.readBase("a.txt")).contains("first\n");
        }
    }

    @Test
    void unknownBaseCommitIsABadInputAndLeavesNoDirectory() throws Exception {
        TestRepos.commit(repo, "a.txt", "a\n");
        String missing = "0123456789abcdef0123456789abcdef01234567";
        assertThatThrownBy(() -> Workspace.create(SourceRepo.inspect(repo), home.resolve("ws"), missing))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("commit " + missing + " is not in");
        assertThat(home.resolve("ws")).doesNotExist();
    }
}

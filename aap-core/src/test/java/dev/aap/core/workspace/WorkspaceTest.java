package dev.aap.core.workspace;

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
}

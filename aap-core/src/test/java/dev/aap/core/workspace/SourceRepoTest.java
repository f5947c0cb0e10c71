package dev.aap.core.workspace;

import dev.aap.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceRepoTest {

    @TempDir
    Path dir;

    @Test
    void rejectsMissingPath() {
        assertThatThrownBy(() -> SourceRepo.inspect(dir.resolve("nope"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void rejectsAFile() throws Exception {
        Path f = Files.writeString(dir.resolve("f.txt"), "x");
        assertThatThrownBy(() -> SourceRepo.inspect(f)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void rejectsADirectoryOutsideGit() {
        assertThatThrownBy(() -> SourceRepo.inspect(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not inside a git repository");
    }

    @Test
    void rejectsARepositoryWithoutCommits() {
        Git.check(dir, "init", "-q");
        assertThatThrownBy(() -> SourceRepo.inspect(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no commits");
    }

    @Test
    void findsSubdirectoryHeadAndDirtiness() throws Exception {
        TestRepos.commit(dir, "app/a.txt", "one\n");
        SourceRepo clean = SourceRepo.inspect(dir.resolve("app"));
        assertThat(clean.subdir()).isEqualTo("app");
        assertThat(clean.dirty()).isFalse();
        assertThat(clean.head()).hasSize(40);
        Files.writeString(dir.resolve("app/a.txt"), "changed\n");
        assertThat(SourceRepo.inspect(dir).dirty()).isTrue();
    }
}

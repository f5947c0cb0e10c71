package dev.aap.agent.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectFilesTest {

    @TempDir
    Path project;

    @TempDir
    Path elsewhere;

    @Test
    void refusesParentDirectoryEscapes() {
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.relative("../secret.txt")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("leaves the project directory");
        assertThatThrownBy(() -> files.relative("src/../../secret.txt")).isInstanceOf(PathRefused.class);
    }

    @Test
    void refusesAbsolutePathsOutsideTheProject() {
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.relative("/etc/passwd")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("is outside the project");
        assertThatThrownBy(() -> files.read(elsewhere.resolve("x.txt").toString())).isInstanceOf(PathRefused.class);
    }

    @Test
    void acceptsAnAbsolutePathInsideTheProjectAsItsRelativeForm() {
        var files = new ProjectFiles(project);

        assertThat(files.relative(project.resolve("src/App.java").toString())).isEqualTo("src/App.java");
    }

    @Test
    void refusesAPathThatIsNotAValidFileName() {
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.relative("src/a\u0000b.java")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("not a valid path");
    }

    @Test
    void refusesGitsOwnFiles() {
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.relative(".git/config")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("inside .git");
        assertThatThrownBy(() -> files.relative(".git")).isInstanceOf(PathRefused.class);
        assertThatThrownBy(() -> files.relative("src/../.git/hooks/pre-commit")).isInstanceOf(PathRefused.class);
    }

    @Test
    void refusesASymlinkInsideTheProjectThatPointsOutside() throws IOException {
        Files.writeString(elsewhere.resolve("secret.txt"), "top secret");
        Files.createSymbolicLink(project.resolve("link"), elsewhere);
        Files.createSymbolicLink(project.resolve("secret-link.txt"), elsewhere.resolve("secret.txt"));
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.read("link/secret.txt")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("goes through a link that leaves the project");
        assertThatThrownBy(() -> files.read("secret-link.txt")).isInstanceOf(PathRefused.class);
        assertThatThrownBy(() -> files.write("link/new.txt", "x")).isInstanceOf(PathRefused.class);
        assertThat(elsewhere.resolve("new.txt")).doesNotExist();
    }

    @Test
    void allowsASymlinkThatStaysInsideTheProject() throws IOException {
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/App.java"), "class App {}\n");
        Files.createSymbolicLink(project.resolve("app-link.java"), project.resolve("src/App.java"));
        var files = new ProjectFiles(project);

        assertThat(files.read("app-link.java")).contains("class App {}\n");
    }

    @Test
    void normalizesOrdinaryRelativePaths() {
        var files = new ProjectFiles(project);

        assertThat(files.relative("src/main/App.java")).isEqualTo("src/main/App.java");
        assertThat(files.relative("./src/main/../main/App.java")).isEqualTo("src/main/App.java");
        assertThat(files.relative(".")).isEmpty();
        assertThat(files.relative("  src/x.py ")).isEqualTo("src/x.py");
        assertThat(files.resolve("src/x.py")).isEqualTo(project.toAbsolutePath().normalize().resolve("src/x.py"));
    }

    @Test
    void readsAndWritesProjectFiles() throws IOException {
        var files = new ProjectFiles(project);

        assertThat(files.read("src/missing.py")).isEmpty();
        files.write("src/deep/new.py", "x = 1\n");

        assertThat(Files.readString(project.resolve("src/deep/new.py"))).isEqualTo("x = 1\n");
        assertThat(files.read("src/deep/new.py")).contains("x = 1\n");
        files.delete("src/deep/new.py");
        assertThat(project.resolve("src/deep/new.py")).doesNotExist();
    }

    @Test
    void callsTheCreateHookOnlyForNewFiles() throws IOException {
        Files.writeString(project.resolve("old.py"), "a = 1\n");
        List<String> created = new ArrayList<>();
        var files = new ProjectFiles(project, created::add);

        files.write("old.py", "a = 2\n");
        files.write("./src/new.py", "b = 1\n");
        files.write("src/new.py", "b = 2\n");

        assertThat(created).containsExactly("src/new.py");
        assertThat(Files.readString(project.resolve("old.py"))).isEqualTo("a = 2\n");
    }

    @Test
    void refusesBinaryText() throws IOException {
        Files.write(project.resolve("blob.bin"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1});
        var files = new ProjectFiles(project);

        assertThatThrownBy(() -> files.read("blob.bin")).isInstanceOf(PathRefused.class)
                .hasMessageContaining("not UTF-8");
    }
}

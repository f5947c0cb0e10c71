package dev.aap.cli;

import dev.aap.core.BadInputException;
import dev.aap.core.workspace.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Benchmark isolation: the engine's copy of a package never holds the reference fix. */
class BenchPackageTest {

    @TempDir
    Path dir;

    private Path pkg(String name, String fixedFile) throws Exception {
        Path d = Files.createDirectories(dir.resolve("bench/python").resolve(name));
        Files.writeString(d.resolve("scale.py"), "def scale(x):\n    return x * 3\n");
        Files.writeString(d.resolve("test_scale.py"), "from scale import scale\n\n"
                + "def test_doubles():\n    assert scale(2) == 4\n");
        Files.createDirectories(d.resolve(".fixed"));
        Files.writeString(d.resolve(".fixed/scale.py"), "def scale(x):\n    return x * 2\n");
        Files.writeString(d.resolve("bench.json"), """
                {"name": "%s", "language": "python", "buggy_file": "scale.py", "fixed_file": "%s"}
                """.formatted(name, fixedFile));
        return d;
    }

    @Test
    void theEnginesCopyHoldsTheBuggyProgramButNotTheReferenceFix() throws Exception {
        pkg("scale", ".fixed/scale.py");
        BenchPackage p = BenchPackage.find(dir.resolve("bench"), "python", List.of()).get(0);

        Path copy = p.copyForEngine(dir.resolve("work/scale"));

        assertThat(copy.resolve("scale.py")).hasContent("def scale(x):\n    return x * 3");
        assertThat(copy.resolve(".fixed")).doesNotExist();
        assertThat(copy.resolve("bench.json")).doesNotExist();
        String tracked = Git.check(copy, "ls-files");
        assertThat(tracked).contains("scale.py", "test_scale.py").doesNotContain(".fixed", "bench.json");
        assertThat(p.referenceFix()).contains("x * 2");
    }

    @Test
    void rejectsAFixedFileOutsideTheHiddenFolder() throws Exception {
        pkg("scale", "scale_fixed.py");
        assertThatThrownBy(() -> BenchPackage.find(dir.resolve("bench"), null, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("fixed_file 'scale_fixed.py' outside .fixed/");
    }

    @Test
    void rejectsAFixedFileThatClimbsOutOfTheHiddenFolder() throws Exception {
        pkg("scale", ".fixed/../scale.py");
        assertThatThrownBy(() -> BenchPackage.find(dir.resolve("bench"), null, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("outside .fixed/");
    }
}

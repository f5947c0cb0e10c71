package dev.aap.repair.jvm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateCompilerTest {

    @TempDir
    static Path dir;
    static CandidateCompiler compiler;

    @BeforeAll
    static void compileDemo() {
        compiler = new CandidateCompiler(
                DemoProject.create(dir, DemoProject.JUPITER_TEST, DemoProject.jupiterClasspath()));
    }

    @AfterAll
    static void close() {
        compiler.close();
    }

    @Test
    void producesClassFilesForNestedClassesToo() {
        var changed = DemoProject.calcWith("static int calls;", "static int calls;\n    static class Helper { }");

        var result = compiler.compile(changed);

        assertThat(result).isInstanceOfSatisfying(CandidateCompiler.Result.Compiled.class,
                c -> assertThat(c.classes()).containsOnlyKeys("demo.Calc", "demo.Calc$Helper"));
    }

    @Test
    void targetsTheReleaseTheProjectWasCompiledFor() {
        var result = compiler.compile(DemoProject.calcWith("a - b", "a + b"));

        assertThat(result).isInstanceOfSatisfying(CandidateCompiler.Result.Compiled.class, c -> {
            byte[] bytes = c.classes().get("demo.Calc");
            int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            assertThat(major).isEqualTo(21 + 44);
        });
    }

    @Test
    void resolvesOtherProjectClassesFromTheCompiledOnes() {
        var changed = java.util.Map.of("src/main/java/demo/Twice.java",
                "package demo;\npublic class Twice {\n    static int of(int a) { return Calc.add(a, a); }\n}\n");

        assertThat(compiler.compile(changed)).isInstanceOf(CandidateCompiler.Result.Compiled.class);
    }

    @Test
    void reportsUpToThreeErrorsWithPathAndLine() {
        var result = compiler.compile(DemoProject.calcWith("return -a;", "return -x;"));

        assertThat(result).isInstanceOfSatisfying(CandidateCompiler.Result.Failed.class,
                f -> assertThat(f.message()).startsWith(DemoProject.CALC + ":12: error: cannot find symbol"));
    }
}

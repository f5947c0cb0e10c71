package dev.aap.repair.jvm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateCompilerTest {

    @TempDir
    static Path dir;
    static JvmProject project;
    static CandidateCompiler compiler;

    @BeforeAll
    static void compileDemo() {
        project = DemoProject.create(dir, DemoProject.JUPITER_TEST, DemoProject.jupiterClasspath());
        compiler = new CandidateCompiler(project);
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
    void reportsAnErrorWithPathAndLine() {
        var result = compiler.compile(DemoProject.calcWith("return -a;", "return -x;"));

        assertThat(result).isInstanceOfSatisfying(CandidateCompiler.Result.Failed.class,
                f -> assertThat(f.message()).startsWith(DemoProject.CALC + ":12: error: ").contains("x"));
    }

    @Test
    void reportsTheFirstThreeErrorsInSourceOrder() {
        var changed = Map.of(DemoProject.CALC, DemoProject.BUGGY_CALC.replace("return -a;", "return -x;")
                .replace("return calls;", "return y;").replace("int q = a / b;", "int q = z;")
                .replace("return a - b;", "return w;"));

        var result = compiler.compile(changed);

        assertThat(result).isInstanceOfSatisfying(CandidateCompiler.Result.Failed.class,
                f -> assertThat(f.message().lines().map(l -> l.substring(0, l.indexOf(" error:"))))
                        .containsExactly(DemoProject.CALC + ":8:", DemoProject.CALC + ":12:",
                                DemoProject.CALC + ":16:"));
    }

    @Test
    void warningsDoNotFailACandidate() {
        var changed = DemoProject.calcWith("int q = a / b;",
                "int unused = 0;\n        java.util.List raw = new java.util.ArrayList();\n        int q = a / b;");

        assertThat(compiler.compile(changed)).isInstanceOf(CandidateCompiler.Result.Compiled.class);
    }

    @Test
    void javacCompilesTheSameClassesAndSaysWhatIsMissing() {
        try (var javac = new CandidateCompiler(project, false)) {
            var nested = DemoProject.calcWith("static int calls;", "static int calls;\n    static class Helper { }");
            assertThat(javac.compile(nested)).isInstanceOfSatisfying(CandidateCompiler.Result.Compiled.class,
                    c -> assertThat(c.classes()).containsOnlyKeys("demo.Calc", "demo.Calc$Helper"));

            assertThat(javac.compile(DemoProject.calcWith("return -a;", "return -x;")))
                    .isInstanceOfSatisfying(CandidateCompiler.Result.Failed.class, f -> assertThat(f.message())
                            .startsWith(DemoProject.CALC + ":12: error: cannot find symbol"));
        }
    }

    @Test
    void leavesReleasesItDoesNotKnowToJavac() {
        assertThat(EcjCompiler.create(java.util.List.of(), 99)).isEmpty();
    }
}

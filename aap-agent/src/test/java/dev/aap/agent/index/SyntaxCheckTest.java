package dev.aap.agent.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntaxCheckTest {

    @Test
    void acceptsValidJavaAndPython() {
        assertThat(SyntaxCheck.problem("A.java", SourceSymbolsTest.JAVA)).isEmpty();
        assertThat(SyntaxCheck.problem("a.py", SourceSymbolsTest.PYTHON)).isEmpty();
    }

    @Test
    void reportsTheLineOfAJavaSyntaxError() {
        String broken = """
                class A {
                    int f() {
                        return 1
                    }
                }
                """;
        assertThat(SyntaxCheck.problem("A.java", broken)).hasValueSatisfying(m -> assertThat(m).startsWith("line 3,"));
    }

    @Test
    void reportsTheLineOfAPythonSyntaxError() {
        String broken = """
                def f(x):
                    return x


                def g(y)
                    return y
                """;
        assertThat(SyntaxCheck.problem("a.py", broken)).hasValueSatisfying(m -> assertThat(m).startsWith("line 5,"));
    }

    @Test
    void reportsUnbalancedPythonBrackets() {
        assertThat(SyntaxCheck.problem("a.py", "x = foo(1, 2\ny = 3\n")).isPresent();
    }

    @Test
    void doesNotCheckUnknownFileTypes() {
        assertThat(SyntaxCheck.problem("notes.txt", "def (:")).isEmpty();
    }
}

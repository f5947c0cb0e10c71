package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaMutatorOperatorsTest {

    @Test
    void replacesRelationalOperatorAtBoundary() {
        String src = """
                class Demo {
                    boolean small(int x, int n) {
                        return x < n;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(
                m.withLine("return x < n;", "return x <= n;"),
                m.withLine("return x < n;", "return x > n;"),
                m.withLine("return x < n;", "return x != n;"));
    }

    @Test
    void replacesCompoundBitwiseAssignment() {
        String src = """
                class Demo {
                    int bits(int n) {
                        int count = 0;
                        while (n != 0) {
                            n ^= n - 1;
                            count++;
                        }
                        return count;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("n ^= n - 1;", "n &= n - 1;"));
    }

    @Test
    void parenthesisesOnlyWhenPrecedenceChanges() {
        String src = """
                class Demo {
                    int f(int a, int b, int c) {
                        return a + b * c;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results())
                .contains(m.withLine("a + b * c", "a + b / c"))
                .contains(m.withLine("a + b * c", "a + (b - c)"))
                .contains(m.withLine("a + b * c", "a * (b * c)"))
                .contains(m.withLine("a + b * c", "a - b * c"))
                .doesNotContain(m.withLine("a + b * c", "a + b - c"));
    }

    @Test
    void flipsLogicalOperatorAndDropsNegation() {
        String src = """
                class Demo {
                    boolean f(boolean a, boolean b) {
                        return !a && b;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(
                m.withLine("!a && b", "!a || b"),
                m.withLine("!a && b", "a && b"),
                m.withLine("!a && b", "b"));
    }

    @Test
    void shiftsLiteralsAndBoundsByOne() {
        String src = """
                class Demo {
                    int f(int[] arr, int i, int n) {
                        if (i == 0) {
                            return arr[i] + g(n);
                        }
                        return arr[n - 1];
                    }
                    int g(int x) { return x; }
                }
                """;
        Mutations m = Mutations.of(src, 3, 4, 6);
        assertThat(m.results()).contains(
                m.withLine("i == 0", "i == 1"),
                m.withLine("i == 0", "i <= 1"),
                m.withLine("arr[i] + g(n)", "arr[i + 1] + g(n)"),
                m.withLine("arr[i] + g(n)", "arr[i] + g(n - 1)"),
                m.withLine("arr[n - 1]", "arr[n]"),
                m.withLine("arr[n - 1]", "arr[n - 2]"));
    }

    @Test
    void subtractsAnotherIntVariableFromAnArgument() {
        String src = """
                import java.util.*;
                class Demo {
                    Integer kth(ArrayList<Integer> arr, int k) {
                        ArrayList<Integer> above = new ArrayList<>();
                        int num = arr.size() - above.size();
                        if (k >= num) {
                            return kth(above, k);
                        }
                        return arr.get(0);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 7);
        assertThat(m.results()).contains(m.withLine("kth(above, k);", "kth(above, k - num);"));
    }

    @Test
    void replacesVariableWithAnotherOfTheSameType() {
        String src = """
                class Demo {
                    String f(String a, String b, int n) {
                        return a.substring(n);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results())
                .contains(m.withLine("a.substring(n)", "b.substring(n)"))
                .doesNotContain(m.withLine("a.substring(n)", "n.substring(n)"));
    }

    @Test
    void replacesCallByVariableOfItsType() {
        String src = """
                import java.util.*;
                class Demo {
                    int f(Map<String, Integer> dist, String k, int w) {
                        int d = 0;
                        return dist.get(k) + w;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("dist.get(k) + w", "d + w"));
    }

    @Test
    void swapsArgumentsOfCompatibleTypes() {
        String src = """
                class Demo {
                    int gcd(int a, int b) {
                        if (b == 0) {
                            return a;
                        }
                        return gcd(a % b, b);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 6);
        assertThat(m.results()).contains(m.withLine("gcd(a % b, b)", "gcd(b, a % b)"));
    }

    @Test
    void callsSiblingMethodDeclaredInAnotherFile() {
        String node = """
                import java.util.*;
                class Node {
                    List<Node> getSuccessors() { return List.of(); }
                    List<Node> getPredecessors() { return List.of(); }
                    Node getSuccessor() { return null; }
                }
                """;
        String src = """
                import java.util.*;
                class Demo {
                    boolean ready(List<Node> done, Node next) {
                        return done.containsAll(next.getSuccessors());
                    }
                }
                """;
        Mutations m = Mutations.of(src, Map.of("src/main/java/demo/Node.java", node), 4);
        assertThat(m.results())
                .contains(m.withLine("next.getSuccessors()", "next.getPredecessors()"))
                .doesNotContain(m.withLine("next.getSuccessors()", "next.getSuccessor()"));
    }

    @Test
    void callsSiblingStaticMethodOfTheSameClass() {
        String src = """
                class Demo {
                    static boolean any(int[] xs) { return xs.length > 0; }
                    static boolean all(int[] xs) { return xs.length == 0; }
                    static boolean f(int[] xs) {
                        return any(xs);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("return any(xs);", "return all(xs);"));
    }

    @Test
    void usesOnlyVariablesDeclaredBeforeThePosition() {
        String src = """
                class Demo {
                    int f(int a) {
                        int before = 1;
                        int x = a + 1;
                        int after = 2;
                        return x + before + after;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        assertThat(m.results())
                .contains(m.withLine("int x = a + 1;", "int x = before + 1;"))
                .doesNotContain(m.withLine("int x = a + 1;", "int x = after + 1;"));
    }

    @Test
    void usesASiblingFieldOfTheSameType() {
        String tree = """
                class Tree {
                    Tree left;
                    Tree right;
                    int size;
                }
                """;
        String src = """
                class Demo {
                    int depth(Tree t) {
                        return t == null ? 0 : 1 + depth(t.left);
                    }
                }
                """;
        Mutations m = Mutations.of(src, Map.of("src/main/java/demo/Tree.java", tree), 3);
        assertThat(m.results())
                .contains(m.withLine("depth(t.left)", "depth(t.right)"))
                .doesNotContain(m.withLine("depth(t.left)", "depth(t.size)"));
    }

    @Test
    void producesTheSameCandidatesInTheSameOrderEveryTime() {
        String src = """
                class Demo {
                    int f(int a, int b, int c) {
                        return a < b ? g(a, c) : g(b, c);
                    }
                    int g(int x, int y) { return x - y; }
                }
                """;
        assertThat(Mutations.of(src, 3).results()).isEqualTo(Mutations.of(src, 3).results());
    }

    @Test
    void replacesALiteralArgumentByAnIntVariable() {
        String src = """
                class Demo {
                    int find(int[] arr, int x, int lo, int hi) {
                        return search(arr, x, 0, hi);
                    }
                    int search(int[] arr, int x, int a, int b) { return a; }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(m.withLine("search(arr, x, 0, hi)", "search(arr, x, lo, hi)"));
    }
}

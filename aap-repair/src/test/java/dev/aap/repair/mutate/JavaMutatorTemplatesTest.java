package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaMutatorTemplatesTest {

    private static final String LINKED = """
            class Node {
                Node next;
                Node next() { return next; }
                void setNext(Node n) { next = n; }
            }
            """;

    @Test
    void widensNullCheckToTheReceiver() {
        String src = """
                class Demo {
                    boolean cycle(Node node) {
                        Node hare = node;
                        while (true) {
                            if (hare.next() == null)
                                return false;
                            hare = hare.next().next();
                        }
                    }
                }
                """ + LINKED;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(
                m.withLine("if (hare.next() == null)", "if (hare == null || hare.next() == null)"));
    }

    @Test
    void widensNonNullCheckWithConjunction() {
        String src = """
                class Demo {
                    boolean f(Node a, boolean b) {
                        return b && a.next() != null;
                    }
                }
                """ + LINKED;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(m.withLine("b && a.next() != null", "b && a != null && a.next() != null"));
    }

    @Test
    void insertsMissingUpdateInLoopBody() {
        String src = """
                class Demo {
                    Node reverse(Node node) {
                        Node prev = null;
                        Node next;
                        while (node != null) {
                            next = node.next();
                            node.setNext(prev);
                            node = next;
                        }
                        return prev;
                    }
                }
                """ + LINKED;
        Mutations m = Mutations.of(src, 6, 7, 8);
        assertThat(m.results()).contains(m.withLine("""
                            node.setNext(prev);
                """, """
                            node.setNext(prev);
                            prev = node;
                """));
    }

    @Test
    void negatesAndDropsConditions() {
        String src = """
                class Demo {
                    int f(boolean a, boolean b, Node n) {
                        if (a && n.next() == null) {
                            return 1;
                        }
                        return 0;
                    }
                }
                """ + LINKED;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(
                m.withLine("if (a && n.next() == null)", "if (!(a && n.next() == null))"),
                m.withLine("if (a && n.next() == null)", "if (a)"),
                m.withLine("if (a && n.next() == null)", "if (n.next() == null)"),
                m.withLine("if (a && n.next() == null)", "if (false)"));
    }

    @Test
    void dropsAnOperandAndSwapsNonCommutativeOperands() {
        String src = """
                class Demo {
                    int f(int x, int y) {
                        return 1 + g(x) - y;
                    }
                    int g(int v) { return v; }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(
                m.withLine("1 + g(x) - y", "g(x) - y"),
                m.withLine("1 + g(x) - y", "y - (1 + g(x))"));
    }

    @Test
    void reusesACallOnAnotherVariableOfTheSameType() {
        String src = """
                class Demo {
                    String f(String a, String b) {
                        String head = a.substring(1);
                        return head + b;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        assertThat(m.results()).contains(m.withLine("return head + b;", "return head + b.substring(1);"));
    }

    @Test
    void restrictsForEachToSublistFromAnIndex() {
        String src = """
                import java.util.*;
                class Demo {
                    int f(List<Integer> arr, int k) {
                        int s = 0;
                        for (Integer x : arr) {
                            s += x;
                        }
                        return s;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("for (Integer x : arr)", "for (Integer x : arr.subList(k, arr.size()))"));
    }

    @Test
    void deletesAnExpressionStatementLineButNotDeclarations() {
        String src = """
                class Demo {
                    int f(int x) {
                        int y = x;
                        y++;
                        return y;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3, 4);
        assertThat(m.results())
                .contains(src.replace("        y++;\n", ""))
                .doesNotContain(src.replace("        int y = x;\n", ""));
    }

    @Test
    void flipsBooleanLiteral() {
        String src = """
                class Demo {
                    boolean f() {
                        boolean found = false;
                        return found;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(m.withLine("found = false;", "found = true;"));
    }

    @Test
    void insertsNegationOfABooleanValue() {
        String src = """
                class Demo {
                    boolean f(boolean found) {
                        return found;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(m.withLine("return found;", "return !found;"));
    }

    @Test
    void guardsAConditionWithANullCheckOfItsReceiver() {
        String src = """
                class Demo {
                    int f(Node n) {
                        if (n.next() != n || n.next() == null) {
                            return 1;
                        }
                        return 0;
                    }
                }
                """ + LINKED;
        Mutations m = Mutations.of(src, 3);
        assertThat(m.results()).contains(m.withLine("if (n.next() != n || n.next() == null)",
                "if (n != null && (n.next() != n || n.next() == null))"));
    }

    @Test
    void infersTheTypeOfVarLocalsFromTheirInitializer() {
        String src = """
                class Demo {
                    String f(String a) {
                        var b = a.trim();
                        var c = "x";
                        return a + c;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("return a + c;", "return b + c;"));
    }

    @Test
    void reusesAStaticCallWithAVariableArgumentFromAnotherMethod() {
        String src = """
                import java.util.*;
                class Demo {
                    static List<Integer> sorted(List<Integer> xs) { return xs; }
                    static List<Integer> g(List<Integer> a) {
                        return sorted(a);
                    }
                    static List<Integer> f(List<Integer> xs, List<Integer> ys) {
                        return ys;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 8);
        assertThat(m.results()).contains(m.withLine("        return ys;", "        return sorted(ys);"));
    }

    @Test
    void insertsACallSeenInTheMethodForAnotherVariable() {
        String src = """
                import java.util.*;
                class Demo {
                    List<String> wrap(String text, int cols) {
                        List<String> lines = new ArrayList<>();
                        while (text.length() > cols) {
                            String line = text.substring(0, cols);
                            text = text.substring(cols);
                            lines.add(line);
                        }
                        return lines;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 9);
        assertThat(m.results()).contains(src.replace("""
                        }
                        return lines;
                """, """
                        }
                        lines.add(text);
                        return lines;
                """));
    }

    @Test
    void loopsUntilACollectionIsEmptyInsteadOfForever() {
        String src = """
                import java.util.*;
                class Demo {
                    int drain(Deque<Integer> queue) {
                        int n = 0;
                        while (true) {
                            n += queue.pop();
                        }
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        assertThat(m.results()).contains(m.withLine("while (true)", "while (!queue.isEmpty())"));
    }

    @Test
    void dropsACallAroundItsArgumentAndSwapsStringConcatenation() {
        String src = """
                import java.util.*;
                class Demo {
                    List<Object> flat(List<Object> xs, String s, String d) {
                        List<Object> out = new ArrayList<>();
                        out.add(flat(xs, s, d));
                        out.add(wrap(xs));
                        s = s + d;
                        return out;
                    }
                    Object wrap(Object o) { return o; }
                }
                """;
        Mutations m = Mutations.of(src, 6, 7);
        assertThat(m.results()).contains(
                m.withLine("out.add(wrap(xs));", "out.add(xs);"),
                m.withLine("s = s + d;", "s = d + s;"));
    }
}

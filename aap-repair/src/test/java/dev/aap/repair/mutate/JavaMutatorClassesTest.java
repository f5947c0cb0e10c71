package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aap.repair.candidate.Candidate;
import org.junit.jupiter.api.Test;

/**
 * One case per classic one-line bug class: the fixed line must be among the candidates for the buggy line, produced
 * by the named operator, and rank within a bound so the search reaches it early.
 */
class JavaMutatorClassesTest {

    /** The fix must be within the first candidates of its line; the search validates dozens per second. */
    private static final int RANK_BOUND = 120;

    private static Candidate expectFix(Mutations m, String oldLine, String newLine, String operator) {
        String fixed = m.withLine(oldLine, newLine);
        int rank = m.results().indexOf(fixed);
        assertThat(rank).as("rank of '%s' among %d candidates", newLine.strip(), m.candidates().size())
                .isBetween(0, RANK_BOUND);
        Candidate c = m.candidates().get(rank);
        assertThat(c.operator()).isEqualTo(operator);
        System.out.printf("%s: rank %d of %d%n", operator, rank + 1, m.candidates().size());
        return c;
    }

    @Test
    void extendsAConditionWithAClauseFromScope() {
        String src = """
                import java.util.List;
                class Stock {
                    int reserved;
                    int reserve(int qty, List<String> items, boolean open) {
                        if (qty > 0) {
                            reserved += qty;
                        }
                        return reserved;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        expectFix(m, "if (qty > 0) {", "if (qty > 0 && open) {", "extend-condition");
        expectFix(m, "if (qty > 0) {", "if (qty > 0 && items != null) {", "extend-condition");
        expectFix(m, "if (qty > 0) {", "if (qty > 0 || !items.isEmpty()) {", "extend-condition");
    }

    @Test
    void replacesAConstantLoopConditionWithOneFromScope() {
        String src = """
                class Batch {
                    int drain(int limit) {
                        int taken = 0;
                        while (true) {
                            taken++;
                        }
                        return taken;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "while (true) {", "while (taken < limit) {", "condition-from-scope");
    }

    @Test
    void replacesAReturnedBooleanConstantWithAComparison() {
        String src = """
                class Billing {
                    boolean overdue(int days, int grace) {
                        if (days < 0) {
                            throw new IllegalArgumentException("negative");
                        }
                        return false;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 6);
        expectFix(m, "return false;", "return days > grace;", "return-expression");
    }

    @Test
    void replacesAReturnedNumberWithArithmeticOverScope() {
        String src = """
                class Invoice {
                    int balance(int charged, int paid) {
                        if (charged == 0) {
                            return 0;
                        }
                        return 0;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 6);
        String fixed = src.replace("""
                        return 0;
                    }
                }""", """
                        return charged - paid;
                    }
                }""");
        assertThat(m.results()).contains(fixed);
        assertThat(m.candidates().get(m.results().indexOf(fixed)).operator()).isEqualTo("return-expression");
    }

    @Test
    void wrapsAnAssignedValueInMinWithAVisibleLimit() {
        String src = """
                class Account {
                    int total;
                    int limit;
                    void add(int v) {
                        total = total + v;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        expectFix(m, "total = total + v;", "total = Math.min(limit, total + v);", "wrap-min-max-abs");
        expectFix(m, "total = total + v;", "total = Math.abs(total + v);", "wrap-min-max-abs");
    }

    @Test
    void wrapsAComputedReturnValueButNotAReturnedName() {
        String src = """
                class Refund {
                    long due(long paid, long fee) {
                        long rest = paid;
                        return paid - fee;
                    }
                    long kept(long paid) {
                        long rest = paid;
                        return rest;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "return paid - fee;", "return Math.max(0, paid - fee);", "wrap-min-max-abs");
        Mutations bare = Mutations.of(src, 8);
        assertThat(bare.candidates()).noneMatch(c -> c.operator().equals("wrap-min-max-abs"));
    }

    @Test
    void boundsAConstantLoopConditionBySizesInScope() {
        String src = """
                class Scanner {
                    int words(String text, java.util.List<String> out) {
                        int i = 0;
                        while (true) {
                            i++;
                        }
                        return i;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "while (true) {", "while (i < text.length()) {", "condition-from-scope");
        expectFix(m, "while (true) {", "while (i <= out.size()) {", "condition-from-scope");
    }

    @Test
    void aConstantLoopConditionTestsWhatTheBodyConsumesFirst() {
        String src = """
                import java.util.ArrayDeque;
                import java.util.ArrayList;
                import java.util.List;
                class Jobs {
                    private final ArrayDeque<String> pending = new ArrayDeque<>();
                    List<String> drain(List<String> log, String tag, boolean verbose, int max) {
                        List<String> done = new ArrayList<>();
                        int runs = 0;
                        while (true) {
                            runs++;
                            done.add(pending.removeFirst());
                        }
                        return done;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 9);
        expectFix(m, "while (true) {", "while (!pending.isEmpty()) {", "condition-from-scope");
    }

    @Test
    void squaresAnAccessorReadInAProduct() {
        String src = """
                class Shapes {
                    record Disc(double radius) { }
                    static double area(Disc d) {
                        return Math.PI * d.radius();
                    }
                    static String label(Disc d) {
                        return d.toString();
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "return Math.PI * d.radius();", "return Math.PI * d.radius() * d.radius();",
                "variable-expression");
        assertThat(Mutations.of(src, 7).candidates()).noneMatch(c -> c.operator().equals("variable-expression"));
    }

    @Test
    void insertsTheMirrorImageOfASymmetricUpdate() {
        String src = """
                import java.util.*;
                class Graph {
                    private final Map<String, Set<String>> edges = new HashMap<>();
                    void join(String a, String b) {
                        edges.computeIfAbsent(a, k -> new HashSet<>());
                        edges.computeIfAbsent(b, k -> new HashSet<>());
                        edges.get(a).add(b);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 7);
        expectFix(m, "        edges.get(a).add(b);",
                "        edges.get(a).add(b);\n        edges.get(b).add(a);", "insert-statement");
    }

    @Test
    void aRejectingGuardAlsoRefusesANonPositiveNumberItTests() {
        String src = """
                class Seats {
                    int free;
                    void book(int count) {
                        if (count > free) {
                            throw new IllegalArgumentException("only " + free);
                        }
                        free -= count;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "if (count > free) {", "if (count <= 0 || count > free) {", "extend-condition");
    }

    @Test
    void swapsNumericArgumentsOfDifferentTypes() {
        String src = """
                class Growth {
                    double grow(double rate, int years) {
                        return Math.pow(years, 1 + rate);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        expectFix(m, "return Math.pow(years, 1 + rate);", "return Math.pow(1 + rate, years);", "swap-arguments");
    }

    @Test
    void replacesAVariableWithASimpleExpressionOfItself() {
        String src = """
                class Series {
                    int squares(int n) {
                        int sum = 0;
                        for (int i = 1; i <= n; i++) {
                            sum += i;
                        }
                        return sum;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 5);
        expectFix(m, "sum += i;", "sum += i * i;", "variable-expression");
        expectFix(m, "sum += i;", "sum += i / 2;", "variable-expression");
        expectFix(m, "sum += i;", "sum += -i;", "variable-expression");
    }

    @Test
    void swapsTheIndicesOfATwoDimensionalAccess() {
        String src = """
                class Grid {
                    int[][] cells;
                    int transposedAt(int row, int col) {
                        return cells[row][col];
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        expectFix(m, "return cells[row][col];", "return cells[col][row];", "swap-index");
    }

    @Test
    void swapsTheArgumentsOfACall() {
        String src = """
                class Pricing {
                    int discount(int price, int percent) {
                        return scale(percent, price);
                    }
                    int scale(int value, int pct) {
                        return value * pct / 100;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        expectFix(m, "return scale(percent, price);", "return scale(price, percent);", "swap-arguments");
    }

    @Test
    void insertsACountUpdateSeenInAnotherMethod() {
        String src = """
                import java.util.ArrayList;
                import java.util.List;
                class Cart {
                    List<String> lines = new ArrayList<>();
                    int count;
                    void addAll(List<String> more) {
                        for (String m : more) {
                            lines.add(m);
                            count += 1;
                        }
                    }
                    void add(String item) {
                        lines.add(item);
                    }
                }
                """;
        Mutations m = Mutations.of(src, 13);
        expectFix(m, """
                        lines.add(item);
                """, """
                        lines.add(item);
                        count += 1;
                """, "insert-statement");
    }

    @Test
    void insertsACallAdaptedToTheNamesInScope() {
        String src = """
                import java.util.HashSet;
                import java.util.Set;
                class Registry {
                    Set<String> seen = new HashSet<>();
                    int duplicates;
                    void register(String key) {
                        seen.add(key);
                    }
                    void check(String item) {
                        if (seen.contains(item)) {
                            duplicates++;
                        }
                    }
                }
                """;
        Mutations m = Mutations.of(src, 10);
        String fixed = src.replace("""
                            duplicates++;
                        }
                """, """
                            duplicates++;
                        }
                        seen.add(item);
                """);
        assertThat(m.results()).contains(fixed);
        assertThat(m.candidates().get(m.results().indexOf(fixed)).operator()).isEqualTo("insert-statement");
    }

    @Test
    void movesTheNextStatementIntoAMissingElse() {
        String src = """
                class Fees {
                    int fee(int amount, boolean member) {
                        int fee = 5;
                        if (member) {
                            fee = 0;
                        }
                        fee = amount / 10;
                        return fee;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        String fixed = src.replace("""
                        }
                        fee = amount / 10;
                """, """
                        } else {
                            fee = amount / 10;
                        }
                """);
        assertThat(m.results()).contains(fixed);
        assertThat(m.candidates().get(m.results().indexOf(fixed)).operator()).isEqualTo("insert-else");
    }

    @Test
    void insertsABreakAfterTheFirstMatch() {
        String src = """
                class Search {
                    int firstNegative(int[] values) {
                        int index = -1;
                        for (int i = 0; i < values.length; i++) {
                            if (values[i] < 0) {
                                index = i;
                            }
                        }
                        return index;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 6);
        expectFix(m, """
                                index = i;
                """, """
                                index = i;
                                break;
                """, "insert-jump");
    }

    @Test
    void insertsNoJumpThatChangesNothing() {
        String src = """
                class Tally {
                    void count(int[] values, int[] out) {
                        for (int v : values) {
                            out[0] += v;
                        }
                    }
                }
                """;
        Mutations m = Mutations.of(src, 4);
        assertThat(m.candidates()).filteredOn(c -> c.operator().equals("insert-jump"))
                .extracting(Candidate::description).containsExactly("insert 'break;'", "insert 'return;'");
    }

    @Test
    void callsASiblingMethodWithTheSameSignature() {
        String src = """
                class Shelf {
                    int count;
                    int capacity;
                    int free() { return capacity - count; }
                    int used() { return count; }
                    boolean full() {
                        return used() == 0;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 7);
        expectFix(m, "return used() == 0;", "return free() == 0;", "change-method");
    }

    @Test
    void changesALiteralToMinusOneZeroOrOne() {
        String src = """
                class Lookup {
                    int find(int[] codes, int code) {
                        int found = 1;
                        for (int i = 0; i < codes.length; i++) {
                            if (codes[i] == code) {
                                found = i;
                            }
                        }
                        return found;
                    }
                }
                """;
        Mutations m = Mutations.of(src, 3);
        expectFix(m, "int found = 1;", "int found = -1;", "off-by-one");
    }
}

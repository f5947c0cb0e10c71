package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aap.repair.candidate.Candidate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The classes added for issue 11 must not blow up the search: on ordinary methods, every line suspicious, the
 * candidates per line at most about double what the older operator families produce alone.
 */
class JavaMutatorCandidateCountTest {

    /** Operator names of the families added with the classic bug classes. */
    private static final Set<String> ADDED = Set.of("extend-condition", "condition-from-scope", "return-expression",
            "wrap-min-max-abs", "variable-expression", "swap-index", "insert-statement", "insert-else",
            "insert-jump");

    private static final String INVENTORY = """
            import java.util.ArrayList;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            class Inventory {
                private final Map<String, Integer> stock = new HashMap<>();
                private final List<String> log = new ArrayList<>();
                private int capacity;
                private int held;
                boolean reserve(String sku, int qty, boolean backorder) {
                    int have = stock.getOrDefault(sku, 0);
                    if (qty <= 0 || sku == null) {
                        return false;
                    }
                    if (have < qty && !backorder) {
                        log.add("short " + sku);
                        return false;
                    }
                    stock.put(sku, have - qty);
                    held = held + qty;
                    log.add("reserved " + sku);
                    return true;
                }
                int restock(List<String> skus, int each) {
                    int added = 0;
                    for (String sku : skus) {
                        int now = stock.getOrDefault(sku, 0);
                        if (now + each > capacity) {
                            continue;
                        }
                        stock.put(sku, now + each);
                        added += each;
                    }
                    return added;
                }
            }
            """;

    private static final String BILLING = """
            class Billing {
                private double rate;
                private double cap;
                double invoice(int[] hours, double discount, boolean vip) {
                    double total = 0;
                    for (int i = 0; i < hours.length; i++) {
                        total += hours[i] * rate;
                    }
                    if (vip) {
                        total = total - discount;
                    }
                    total = total * 1.2;
                    return total;
                }
                int lateDays(int due, int paid, int grace) {
                    int late = paid - due;
                    if (late < grace) {
                        return 0;
                    }
                    return late - grace;
                }
                int[][] table(int rows, int cols) {
                    int[][] t = new int[rows][cols];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            t[r][c] = r * cols + c;
                        }
                    }
                    return t;
                }
            }
            """;

    @Test
    void inventoryStaysWithinDoubleOfTheOlderFamilies() {
        assertAtMostDouble(INVENTORY);
    }

    @Test
    void billingStaysWithinDoubleOfTheOlderFamilies() {
        assertAtMostDouble(BILLING);
    }

    private static void assertAtMostDouble(String source) {
        int[] lines = IntStream.rangeClosed(1, (int) source.lines().count()).toArray();
        Mutations m = Mutations.of(source, lines);
        Map<Integer, long[]> perLine = new TreeMap<>();
        for (Candidate c : m.candidates()) {
            long[] counts = perLine.computeIfAbsent(c.line(), k -> new long[2]);
            counts[ADDED.contains(c.operator()) ? 1 : 0]++;
        }
        long before = perLine.values().stream().mapToLong(x -> x[0]).sum();
        long after = before + perLine.values().stream().mapToLong(x -> x[1]).sum();
        String table = perLine.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()[0] + " -> " + (e.getValue()[0] + e.getValue()[1]))
                .collect(Collectors.joining("\n"));
        Map<String, Long> added = m.candidates().stream().filter(c -> ADDED.contains(c.operator()))
                .collect(Collectors.groupingBy(Candidate::operator, TreeMap::new, Collectors.counting()));
        assertThat(after).as("candidates before -> after per line:%n%s%nadded: %s", table, added)
                .isLessThanOrEqualTo(2 * before);
        assertThat(perLine.values()).as("per line:%n%s", table)
                .allSatisfy(x -> assertThat(x[0] + x[1]).isLessThanOrEqualTo(Math.max(2 * x[0] + 20, 40)));
        System.out.printf("before %d, after %d, added %s%n%s%n", before, after, added, table);
    }
}

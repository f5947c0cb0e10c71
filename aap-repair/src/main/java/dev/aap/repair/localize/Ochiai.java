package dev.aap.repair.localize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spectrum-based fault localization: Ochiai suspiciousness of every line any failing test executed. */
public final class Ochiai {

    private Ochiai() {
    }

    /**
     * Ranks lines by {@code failed(l) / sqrt(totalFailed * (failed(l) + passed(l)))}, most suspicious first; ties
     * keep file order and then line order so results are reproducible. Lines no failing test ran are left out.
     */
    public static List<Suspicious> rank(List<TestCoverage> coverage) {
        int totalFailed = (int) coverage.stream().filter(c -> !c.passed()).count();
        if (totalFailed == 0) {
            return List.of();
        }
        Map<String, Map<Integer, int[]>> counts = new HashMap<>();
        for (TestCoverage c : coverage) {
            for (Map.Entry<String, Set<Integer>> e : c.lines().entrySet()) {
                var perLine = counts.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                for (int line : e.getValue()) {
                    int[] fp = perLine.computeIfAbsent(line, k -> new int[2]);
                    fp[c.passed() ? 1 : 0]++;
                }
            }
        }
        var out = new ArrayList<Suspicious>();
        counts.forEach((file, lines) -> lines.forEach((line, fp) -> {
            if (fp[0] > 0) {
                out.add(new Suspicious(file, line, fp[0] / Math.sqrt((double) totalFailed * (fp[0] + fp[1]))));
            }
        }));
        out.sort(Comparator.comparingDouble(Suspicious::score).reversed()
                .thenComparing(Suspicious::file).thenComparingInt(Suspicious::line));
        return out;
    }
}

package dev.aap.repair.search;

import dev.aap.core.pipeline.StrategyResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses among plausible patches so that the one most likely to be right comes first: anti-patterns last (and left
 * out when any other patch is plausible), then the file with the highest Ochiai score, then the patch that changes
 * the passing tests' coverage least, then the fewest changed lines, then the fewest tokens the file did not hold
 * ({@link NovelTokens}).
 */
final class SolutionRanking {

    private SolutionRanking() {
    }

    /**
     * One plausible patch with what the ranking knows about it.
     *
     * @param antiPattern     why it looks overfitted, or null
     * @param fileScore       the highest suspiciousness of a line in the changed file
     * @param coverageChanges passing tests whose coverage the patch changes, 0 when not measured
     * @param novelTokens     literals and names on the changed lines that the file held nowhere before
     */
    record Judged(StrategyResult.Solution solution, String antiPattern, double fileScore, int coverageChanges,
                  int novelTokens) {

        Judged(StrategyResult.Solution solution, String antiPattern, double fileScore, int coverageChanges) {
            this(solution, antiPattern, fileScore, coverageChanges, 0);
        }
    }

    static final Comparator<Judged> ORDER = Comparator.comparing((Judged j) -> j.antiPattern() != null)
            .thenComparing(Comparator.comparingDouble(Judged::fileScore).reversed())
            .thenComparingInt(Judged::coverageChanges)
            .thenComparingInt(j -> j.solution().changedLines())
            .thenComparingInt(Judged::novelTokens)
            .thenComparing(Comparator.comparingDouble((Judged j) -> j.solution().score()).reversed())
            .thenComparingLong(j -> j.solution().foundAtMillis());

    /** The solutions best first; anti-patterns only when nothing else is plausible. */
    static List<StrategyResult.Solution> rank(List<Judged> plausible) {
        var sorted = new ArrayList<>(plausible);
        sorted.sort(ORDER);
        boolean clean = sorted.stream().anyMatch(j -> j.antiPattern() == null);
        return sorted.stream().filter(j -> !clean || j.antiPattern() == null).map(Judged::solution).toList();
    }
}

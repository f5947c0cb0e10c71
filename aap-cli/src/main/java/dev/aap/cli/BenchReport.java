package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints benchmark rows as a table with per-language totals, or as JSON. */
final class BenchReport {

    private BenchReport() {
    }

    static void print(List<BenchRow> rows, boolean json, PrintWriter out) throws Exception {
        Map<String, Map<String, Object>> totals = new LinkedHashMap<>();
        for (String lang : rows.stream().map(BenchRow::language).distinct().toList()) {
            var mine = rows.stream().filter(r -> r.language().equals(lang)).toList();
            var t = new LinkedHashMap<String, Object>();
            t.put("programs", mine.size());
            t.put("plausible", mine.stream().filter(r -> r.outcome().equals("plausible")).count());
            t.put("same_as_reference", mine.stream().filter(BenchRow::sameAsReference).count());
            t.put("validation_ms_median_of_medians", SearchMedian.of(mine.stream()
                    .filter(r -> r.candidates() > 0).map(BenchRow::validationMs).toList()));
            long cmd = SearchMedian.of(mine.stream().filter(r -> r.testCommandMs() > 0).map(BenchRow::testCommandMs)
                    .toList());
            t.put("test_command_ms_median", cmd);
            long val = (long) t.get("validation_ms_median_of_medians");
            t.put("speedup_vs_test_command", val > 0 ? Math.round(cmd * 10.0 / val) / 10.0 : 0);
            t.put("seconds", Math.round(mine.stream().mapToDouble(BenchRow::seconds).sum() * 10) / 10.0);
            totals.put(lang, t);
        }
        if (json) {
            var mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            out.println(mapper.writeValueAsString(Map.of("rows", rows, "totals", totals)));
            out.flush();
            return;
        }
        out.printf("%-28s %-7s %-10s %10s %12s %8s %6s %8s%n", "program", "lang", "outcome", "candidates",
                "first (s)", "changed", "same", "ms/cand");
        for (BenchRow r : rows) {
            out.printf("%-28s %-7s %-10s %10d %12s %8s %6s %8d%n", r.program(), r.language(), r.outcome(),
                    r.candidates(), r.firstPlausibleS() < 0 ? "-" : String.format("%.1f", r.firstPlausibleS()),
                    r.changedLines() == 0 ? "-" : String.valueOf(r.changedLines()), r.sameAsReference() ? "yes" : "no",
                    r.validationMs());
        }
        out.println();
        totals.forEach((lang, t) -> out.printf("%s: %s/%s plausible, %s same as reference; median ms per candidate %s"
                        + " vs %s ms per run of the test command (%sx); %s s in all%n", lang, t.get("plausible"),
                t.get("programs"), t.get("same_as_reference"), t.get("validation_ms_median_of_medians"),
                t.get("test_command_ms_median"), t.get("speedup_vs_test_command"), t.get("seconds")));
        out.flush();
    }

    /** Median of a list of longs (0 when empty). */
    static final class SearchMedian {
        private SearchMedian() {
        }

        static long of(List<Long> xs) {
            if (xs.isEmpty()) {
                return 0;
            }
            var s = xs.stream().sorted().toList();
            return s.get(s.size() / 2);
        }
    }
}

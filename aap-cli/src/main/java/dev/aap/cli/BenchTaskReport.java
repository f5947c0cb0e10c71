package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints task-suite rows as a table with totals, or as JSON: resolved rate first, then what it cost. */
final class BenchTaskReport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private BenchTaskReport() {
    }

    /** Totals over all rows; the pass-to-pass rate counts only tasks whose patch was tested. */
    static Map<String, Object> totals(List<BenchTaskRow> rows) {
        var t = new LinkedHashMap<String, Object>();
        long resolved = rows.stream().filter(BenchTaskRow::resolved).count();
        int f2p = rows.stream().mapToInt(BenchTaskRow::failToPassPassed).sum();
        int f2pAll = rows.stream().mapToInt(BenchTaskRow::failToPassTotal).sum();
        var tested = rows.stream().filter(r -> r.passToPassPassed() != null).toList();
        int p2p = tested.stream().mapToInt(BenchTaskRow::passToPassPassed).sum();
        int p2pAll = tested.stream().mapToInt(BenchTaskRow::passToPassTotal).sum();
        t.put("tasks", rows.size());
        t.put("resolved", resolved);
        t.put("resolved_rate", rate(resolved, rows.size()));
        t.put("with_patch", tested.size());
        t.put("fail_to_pass_passed", f2p);
        t.put("fail_to_pass_total", f2pAll);
        t.put("fail_to_pass_rate", rate(f2p, f2pAll));
        t.put("pass_to_pass_passed", p2p);
        t.put("pass_to_pass_total", p2pAll);
        t.put("pass_to_pass_rate", rate(p2p, p2pAll));
        t.put("model_calls", rows.stream().mapToInt(BenchTaskRow::modelCalls).sum());
        t.put("input_tokens", rows.stream().mapToLong(BenchTaskRow::inputTokens).sum());
        t.put("output_tokens", rows.stream().mapToLong(BenchTaskRow::outputTokens).sum());
        t.put("cost_usd", Math.round(rows.stream().mapToDouble(BenchTaskRow::costUsd).sum() * 1e6) / 1e6);
        t.put("price_known", rows.stream().allMatch(BenchTaskRow::priceKnown));
        t.put("seconds", Math.round(rows.stream().mapToDouble(r -> r.seconds() + r.scoreSeconds()).sum() * 10) / 10.0);
        return t;
    }

    static void print(List<BenchTaskRow> rows, Map<String, Object> about, boolean json, PrintWriter out)
            throws Exception {
        Map<String, Object> t = totals(rows);
        if (json) {
            var doc = new LinkedHashMap<String, Object>(about);
            doc.put("rows", rows);
            doc.put("totals", t);
            out.println(JSON.writeValueAsString(doc));
            out.flush();
            return;
        }
        out.printf("%-26s %-6s %-8s %-11s %5s %5s %5s %9s %8s %9s %7s%n", "task", "lang", "resolved", "run", "f2p",
                "p2p", "calls", "in tok", "out tok", "cost $", "s");
        for (BenchTaskRow r : rows) {
            out.printf("%-26s %-6s %-8s %-11s %5s %5s %5d %9d %8d %9.4f %7.1f%n", r.task(), r.language(),
                    r.resolved() ? "yes" : "no", r.status(), r.failToPass(), r.passToPass(), r.modelCalls(),
                    r.inputTokens(), r.outputTokens(), r.costUsd(), r.seconds());
        }
        out.println();
        out.printf("resolved %s/%s (%s%%); fail-to-pass %s/%s (%s%%); %s%n", t.get("resolved"), t.get("tasks"),
                pct(t.get("resolved_rate")), t.get("fail_to_pass_passed"), t.get("fail_to_pass_total"),
                pct(t.get("fail_to_pass_rate")), (int) t.get("with_patch") == 0 ? "pass-to-pass not run (no patch)"
                        : String.format("pass-to-pass %s/%s (%s%%, in the %s task(s) with a patch)",
                        t.get("pass_to_pass_passed"), t.get("pass_to_pass_total"), pct(t.get("pass_to_pass_rate")),
                        t.get("with_patch")));
        out.printf("model: %s calls, %s input / %s output tokens, $%.4f%s; %s s in all%n", t.get("model_calls"),
                t.get("input_tokens"), t.get("output_tokens"), (double) t.get("cost_usd"),
                (boolean) t.get("price_known") ? "" : " (price unknown for some model: counted as 0)",
                t.get("seconds"));
        out.flush();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
    }

    private static String pct(Object rate) {
        return String.format("%.0f", (double) rate * 100);
    }
}

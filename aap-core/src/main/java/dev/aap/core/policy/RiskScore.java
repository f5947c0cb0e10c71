package dev.aap.core.policy;

import dev.aap.core.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much care a change needs from its reviewer, from 0 to 100 with the reasons: its size, the kind of files it
 * touches, what the review found, and how much of it the tests execute. It never blocks; it is in run.json and
 * pr.md for the person who merges.
 *
 * @param score   0 (trivial) to 100
 * @param level   low (under 30), medium (under 60) or high
 * @param reasons what added to the score
 */
public record RiskScore(int score, String level, List<String> reasons) {

    private static final List<String> SENSITIVE = List.of("auth", "security", "crypto", "password", "token",
            "secret", "permission", "payment", "migration", "sql", "config");

    public RiskScore {
        reasons = List.copyOf(reasons);
    }

    /** {@code diffCoverage}: share of changed lines the tests run, 0..1, or null when unknown. */
    public static RiskScore of(Patch patch, List<Finding> findings, Double diffCoverage) {
        int score = 0;
        List<String> why = new ArrayList<>();
        int lines = patch.changedLines();
        int size = lines <= 5 ? 0 : lines <= 30 ? 10 : lines <= 200 ? 20 : 30;
        if (size > 0) {
            score += size;
            why.add(lines + " changed lines (+" + size + ")");
        }
        if (patch.files().size() > 3) {
            score += 10;
            why.add(patch.files().size() + " files (+10)");
        }
        long sensitive = patch.files().stream().filter(RiskScore::sensitive).count();
        if (sensitive > 0) {
            score += 15;
            why.add(sensitive + " file(s) in sensitive areas (+15)");
        }
        long blocking = findings.stream().filter(Finding::blocks).count();
        long warnings = findings.size() - blocking;
        if (blocking > 0) {
            // a change the review blocks is high risk whatever else is true of it
            score += 60;
            why.add(blocking + " blocking finding(s) (+60)");
        }
        if (warnings > 0) {
            int w = (int) Math.min(20, warnings * 5);
            score += w;
            why.add(warnings + " warning(s) (+" + w + ")");
        }
        if (diffCoverage != null && diffCoverage < 0.8) {
            int c = diffCoverage < 0.5 ? 20 : 10;
            score += c;
            // rounded down like DiffCoverage#percent, so 79.9% never reads as the 80% threshold
            why.add(String.format(Locale.ROOT, "diff coverage %d%% (+%d)", (int) (diffCoverage * 100), c));
        }
        score = Math.min(100, score);
        return new RiskScore(score, score < 30 ? "low" : score < 60 ? "medium" : "high", why);
    }

    private static boolean sensitive(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return SENSITIVE.stream().anyMatch(p::contains);
    }
}

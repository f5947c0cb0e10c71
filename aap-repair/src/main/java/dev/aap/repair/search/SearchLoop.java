package dev.aap.repair.search;

import dev.aap.core.event.Event;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.localize.Suspicious;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Generates, orders and validates candidates until enough plausible ones are found or the budget ends. */
final class SearchLoop {

    /** After the first plausible patch, look at this many more candidates for a smaller or likelier one. */
    static final int EXPLORE_AFTER_FIRST = 150;
    static final Duration EXPLORE_TIME = Duration.ofSeconds(8);
    static final int MAX_SOLUTIONS = 4;

    private record Scored(Candidate candidate, double score, String newText) {
    }

    private final StrategyContext ctx;
    private final LanguageSupport lang;
    private final List<String> failing;
    private final List<String> passing;

    SearchLoop(StrategyContext ctx, LanguageSupport lang, List<TestCoverage> coverage) {
        this.ctx = ctx;
        this.lang = lang;
        this.failing = coverage.stream().filter(c -> !c.passed()).map(TestCoverage::testId).toList();
        this.passing = coverage.stream().filter(TestCoverage::passed).map(TestCoverage::testId).toList();
    }

    StrategyResult run(List<Suspicious> lines) {
        List<Scored> queue = generate(lines);
        var times = new ArrayList<Long>();
        var solutions = new ArrayList<StrategyResult.Solution>();
        int compiled = 0;
        long firstPlausible = -1;
        int stopAt = Integer.MAX_VALUE;
        Instant exploreUntil = null;
        int index = 0;
        for (Scored s : queue) {
            if (ctx.pastDeadline() || index >= ctx.task().maxCandidates() || index >= stopAt
                    || (exploreUntil != null && Instant.now().isAfter(exploreUntil))) {
                break;
            }
            index++;
            Candidate c = s.candidate();
            Verdict v = lang.validator().validate(Map.of(c.file(), s.newText()), failing, passing, timeout());
            times.add(v.millis());
            if (!(v instanceof Verdict.CompileError)) {
                compiled++;
            }
            ctx.events().emit(new Event.CandidateValidated(index, c.file(), c.line(), c.operator(),
                    c.description(), outcome(v), v.millis()));
            if (v instanceof Verdict.Plausible) {
                long at = ctx.elapsedMillis();
                if (firstPlausible < 0) {
                    firstPlausible = at;
                    stopAt = index + EXPLORE_AFTER_FIRST;
                    exploreUntil = Instant.now().plus(EXPLORE_TIME);
                }
                String original = source(c.file());
                int changed = LineDiff.changedLines(original, s.newText());
                String summary = c.description() + " in " + shortName(c.file()) + ":" + c.line();
                solutions.add(new StrategyResult.Solution(Map.of(c.file(), s.newText()), summary, changed, s.score(),
                        at, failing));
                ctx.events().emit(new Event.PlausibleFound(solutions.size(), c.file(), c.line(), c.description(),
                        changed, at));
                if (solutions.size() >= MAX_SOLUTIONS) {
                    break;
                }
            }
        }
        var stats = new StrategyResult.Stats(queue.size(), index, compiled, median(times), firstPlausible);
        if (solutions.isEmpty()) {
            String why = index >= queue.size()
                    ? "all " + queue.size() + " candidates for the " + lines.size() + " most suspicious lines failed"
                    : "budget spent after " + index + " of " + queue.size() + " candidates";
            return new StrategyResult.NotFound(why, stats);
        }
        solutions.sort(Comparator.comparingInt(StrategyResult.Solution::changedLines)
                .thenComparing(Comparator.comparingDouble(StrategyResult.Solution::score).reversed())
                .thenComparingLong(StrategyResult.Solution::foundAtMillis));
        return new StrategyResult.Found(solutions, stats);
    }

    private final Map<String, String> sources = new HashMap<>();

    private String source(String file) {
        return sources.computeIfAbsent(file, f -> ctx.workspace().read(f));
    }

    private List<Scored> generate(List<Suspicious> lines) {
        Map<String, Map<Integer, Double>> byFile = new LinkedHashMap<>();
        for (Suspicious s : lines) {
            byFile.computeIfAbsent(s.file(), f -> new HashMap<>()).merge(s.line(), s.score(), Math::max);
        }
        var out = new ArrayList<Scored>();
        Set<String> seen = new HashSet<>();
        for (var e : byFile.entrySet()) {
            String file = e.getKey();
            String text = source(file);
            Map<Integer, Double> susp = e.getValue();
            for (Candidate c : lang.candidates(file, text, new TreeSet<>(susp.keySet()))) {
                String newText;
                try {
                    newText = c.applyTo(text);
                } catch (IllegalArgumentException bad) {
                    continue;
                }
                if (newText.equals(text) || !seen.add(file + "\0" + newText)) {
                    continue;
                }
                double lineScore = susp.getOrDefault(c.line(), minScore(susp));
                out.add(new Scored(c, lineScore * c.prior(), newText));
            }
        }
        // stable: equal scores keep the generator's order
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }

    private static double minScore(Map<Integer, Double> susp) {
        return susp.values().stream().mapToDouble(Double::doubleValue).min().orElse(0.01);
    }

    private Duration timeout() {
        Duration left = Duration.between(Instant.now(), ctx.deadline());
        Duration t = lang.candidateTimeout();
        return left.compareTo(t) < 0 ? (left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left) : t;
    }

    private static String outcome(Verdict v) {
        return switch (v) {
            case Verdict.Plausible p -> "plausible";
            case Verdict.CompileError c -> "compile-error";
            case Verdict.TestFailed f -> f.timedOut() ? "timeout" : "test-failed";
            case Verdict.Crashed c -> "crashed";
        };
    }

    private static String shortName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }

    static long median(List<Long> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        var sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

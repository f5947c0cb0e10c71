package dev.aap.repair.search;

import dev.aap.core.event.Event;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.localize.Suspicious;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.priors.FamilyPriors;
import dev.aap.repair.validate.CandidateValidator;
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
    static final int EXPLORE_AFTER_FIRST = 60;
    static final Duration EXPLORE_TIME = Duration.ofSeconds(3);
    static final int MAX_SOLUTIONS = 4;
    /**
     * After the first plausible patch, this many other candidates on its line are validated first, for up to twice
     * the exploration time: alternative fixes of one line are often equivalent (a literal or an operator), and the
     * ranking can only choose the more natural one when both were tried.
     */
    static final int SAME_LINE_AFTER_FIRST = 20;

    private record Scored(Candidate candidate, double score, String newText) {
    }

    private final StrategyContext ctx;
    private final LanguageSupport lang;
    private final List<String> failing;
    private final List<String> passing;
    private final FamilyPriors priors;
    private final List<TestCoverage> coverage;

    /** A plausible patch and the candidate that made it, until the ranking has judged it. */
    private record Found(StrategyResult.Solution solution, Candidate candidate, String newText) {
    }

    /** Orders candidates by suspiciousness times the operators' own numbers (no family priors). */
    SearchLoop(StrategyContext ctx, LanguageSupport lang, List<TestCoverage> coverage) {
        this(ctx, lang, coverage, FamilyPriors.NONE);
    }

    SearchLoop(StrategyContext ctx, LanguageSupport lang, List<TestCoverage> coverage, FamilyPriors priors) {
        this.ctx = ctx;
        this.priors = priors;
        this.lang = lang;
        this.coverage = List.copyOf(coverage);
        // tests that failed at base and are not targets (pre-existing failures) may keep failing
        var targets = new java.util.HashSet<>(ctx.targets());
        List<String> allFailing = coverage.stream().filter(c -> !c.passed()).map(TestCoverage::testId).toList();
        List<String> targeted = allFailing.stream().filter(targets::contains).toList();
        this.failing = targeted.isEmpty() ? allFailing : targeted; // ids the runner names differently: all of them
        this.passing = coverage.stream().filter(TestCoverage::passed).map(TestCoverage::testId).toList();
    }

    StrategyResult run(List<Suspicious> lines) {
        List<Scored> queue = generate(lines);
        var state = new State(queue);
        List<CandidateValidator> validators = lang.validators();
        if (validators.size() == 1) {
            work(queue, validators.get(0), state);
        } else {
            var threads = new ArrayList<Thread>();
            for (CandidateValidator v : validators) {
                threads.add(Thread.ofPlatform().name("aap-validate").start(() -> work(queue, v, state)));
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        List<Found> found = state.found();
        if (found.isEmpty()) {
            return state.notFound(queue.size(), lines.size());
        }
        return new StrategyResult.Found(SolutionRanking.rank(judge(found, lines)), state.stats(queue.size()));
    }

    /** What the ranking needs to know about each plausible patch (anti-pattern, file score, coverage change). */
    private List<SolutionRanking.Judged> judge(List<Found> found, List<Suspicious> lines) {
        Map<String, Double> fileScores = new HashMap<>();
        lines.forEach(l -> fileScores.merge(l.file(), l.score(), Math::max));
        Set<String> executed = new HashSet<>();
        coverage.stream().filter(t -> !t.passed()).forEach(t -> executed.addAll(t.lines().keySet()));
        var reach = new AntiPatterns.Reach(executed, lines.isEmpty() ? null : lines.get(0).file());
        var judged = new ArrayList<SolutionRanking.Judged>();
        for (Found f : found) {
            Candidate c = f.candidate();
            String anti;
            try {
                anti = lang.antiPattern(c.file(), source(c.file()), f.newText(), c.operator(), reach);
            } catch (RuntimeException e) {
                anti = null; // an unreadable change is judged by the other rules
            }
            if (anti != null) {
                ctx.events().emit(new Event.Warning("'" + f.solution().summary() + "' ranks last: it " + anti));
            }
            judged.add(new SolutionRanking.Judged(f.solution(), anti, fileScores.getOrDefault(c.file(), 0.0),
                    0, NovelTokens.count(source(c.file()), f.newText())));
        }
        if (judged.stream().filter(j -> j.antiPattern() == null).count() < 2) {
            return judged;
        }
        // only patches still in the running are worth re-measuring; each costs one pass over the affected tests
        var out = new ArrayList<SolutionRanking.Judged>();
        for (int i = 0; i < judged.size(); i++) {
            SolutionRanking.Judged j = judged.get(i);
            out.add(j.antiPattern() != null || ctx.pastDeadline() ? j
                    : new SolutionRanking.Judged(j.solution(), null, j.fileScore(), coverageChanges(found.get(i)),
                    j.novelTokens()));
        }
        return out;
    }

    /** Passing tests that executed the patched file and execute different lines with the patch (0: unknown). */
    private int coverageChanges(Found f) {
        String file = f.candidate().file();
        List<TestCoverage> affected = coverage.stream()
                .filter(t -> t.passed() && t.lines().containsKey(file)).toList();
        if (affected.isEmpty()) {
            return 0;
        }
        try {
            return lang.coverageWith(Map.of(file, f.newText()), affected.stream().map(TestCoverage::testId).toList())
                    .map(after -> CoverageShift.changedTests(affected, after, file, source(file), f.newText()))
                    .orElse(0);
        } catch (RuntimeException e) {
            return 0; // a measurement that fails says nothing about the patch
        }
    }

    /**
     * One validator's share of the queue: takes the next candidate until a stop condition holds. Candidates cut by
     * the per-test limit get a second chance with the full timeout once the queue is exhausted without a plausible
     * patch: the limit guesses that the fixed program is about as fast as the passing tests, which is not always so.
     */
    private void work(List<Scored> queue, CandidateValidator validator, State state) {
        boolean generous = false;
        while (true) {
            int i = state.take(queue.size());
            if (i < 0) {
                return;
            }
            boolean retry = i >= queue.size();
            if (retry) {
                i -= queue.size();
                if (!generous) {
                    validator.setTestLimit(lang.candidateTimeout());
                    generous = true;
                }
            }
            Scored s = queue.get(i);
            Candidate c = s.candidate();
            Verdict v = validator.validate(Map.of(c.file(), s.newText()), failing, passing, timeout());
            if (!retry && v instanceof Verdict.TestFailed f && f.timedOut()) {
                state.retryLater(i);
            }
            ctx.events().emit(new Event.CandidateValidated(i + 1, c.file(), c.line(), c.operator(),
                    c.description(), outcome(v), v.millis()));
            StrategyResult.Solution solution = null;
            if (v instanceof Verdict.Plausible) {
                long at = ctx.elapsedMillis();
                int changed = LineDiff.changedLines(source(c.file()), s.newText());
                String summary = c.description() + " in " + shortName(c.file()) + ":" + c.line();
                solution = new StrategyResult.Solution(Map.of(c.file(), s.newText()), summary, changed, s.score(),
                        at, failing);
            }
            int n = state.record(v, solution == null ? null : new Found(solution, c, s.newText()));
            if (solution != null) {
                ctx.events().emit(new Event.PlausibleFound(n, c.file(), c.line(), c.description(),
                        solution.changedLines(), solution.foundAtMillis()));
            }
        }
    }

    /** What the validators share: the next queue position, stop conditions and results so far. */
    private final class State {
        private final List<Scored> queue;
        private final java.util.ArrayDeque<Integer> sameLine = new java.util.ArrayDeque<>();
        private final java.util.BitSet taken = new java.util.BitSet();
        private final List<Long> times = new ArrayList<>();
        private final List<Found> solutions = new ArrayList<>();
        private final java.util.ArrayDeque<Integer> retries = new java.util.ArrayDeque<>();
        private int next;
        private int done;
        private int started;
        private int compiled;
        private long firstPlausible = -1;
        private int stopAt = Integer.MAX_VALUE;
        private Instant exploreUntil;
        private boolean stop;

        State(List<Scored> queue) {
            this.queue = queue;
        }

        /** The next queue index; past the queue, retries come back as {@code size + index}; -1 to stop. */
        synchronized int take(int size) {
            // candidates handed out, not finished ones: with several validators the latter overshoots the cap
            if (stop || ctx.pastDeadline() || started >= ctx.task().maxCandidates()) {
                return -1;
            }
            Integer sibling = sameLine.isEmpty() || Instant.now().isAfter(exploreUntil.plus(EXPLORE_TIME)) ? null
                    : sameLine.poll();
            if (sibling != null) {
                started++;
                taken.set(sibling);
                return sibling;
            }
            if (next >= stopAt || (exploreUntil != null && Instant.now().isAfter(exploreUntil))) {
                return -1;
            }
            while (next < size && taken.get(next)) {
                next++;
            }
            if (next < size) {
                started++;
                taken.set(next);
                return next++;
            }
            if (solutions.isEmpty() && !retries.isEmpty()) {
                started++;
                return size + retries.poll();
            }
            return -1;
        }

        synchronized void retryLater(int index) {
            retries.add(index);
        }

        synchronized int record(Verdict v, Found solution) {
            done++;
            times.add(v.millis());
            if (!(v instanceof Verdict.CompileError)) {
                compiled++;
            }
            if (solution == null) {
                return 0;
            }
            solutions.add(solution);
            if (firstPlausible < 0) {
                firstPlausible = solution.solution().foundAtMillis();
                stopAt = next + EXPLORE_AFTER_FIRST;
                exploreUntil = Instant.now().plus(EXPLORE_TIME);
                Candidate first = solution.candidate();
                for (int j = next; j < queue.size() && sameLine.size() < SAME_LINE_AFTER_FIRST; j++) {
                    Candidate q = queue.get(j).candidate();
                    if (!taken.get(j) && q.line() == first.line() && q.file().equals(first.file())) {
                        sameLine.add(j);
                    }
                }
            }
            if (solutions.size() >= MAX_SOLUTIONS) {
                stop = true;
            }
            return solutions.size();
        }

        synchronized StrategyResult.Stats stats(int queued) {
            return new StrategyResult.Stats(queued, done, compiled, median(times), firstPlausible);
        }

        synchronized List<Found> found() {
            return List.copyOf(solutions);
        }

        synchronized StrategyResult notFound(int queued, int lineCount) {
            String why = done >= queued
                    ? "all " + queued + " candidates for the " + lineCount + " most suspicious lines failed"
                    : "budget spent after " + done + " of " + queued + " candidates";
            return new StrategyResult.NotFound(why, stats(queued));
        }
    }

    private final Map<String, String> sources = new java.util.concurrent.ConcurrentHashMap<>();

    private String source(String file) {
        return sources.computeIfAbsent(file, f -> ctx.workspace().read(f));
    }

    private List<Scored> generate(List<Suspicious> lines) {
        Map<String, Map<Integer, Double>> byFile = new LinkedHashMap<>();
        for (Suspicious s : lines) {
            byFile.computeIfAbsent(s.file(), f -> new HashMap<>()).merge(s.line(), s.score(), Math::max);
        }
        List<Scored> out = new ArrayList<>();
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
        if (!priors.isNone()) {
            out = rescore(out, byFile);
        }
        // stable: equal scores keep the generator's order
        out.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingDouble((Scored s) -> s.candidate().prior()).reversed()));
        return out;
    }

    /**
     * Suspiciousness x family prior / the family's candidates on that line: the family prior is how often a one-line
     * bug is of the family's pattern, shared by the alternatives the family offers at the line, so a family that
     * proposes twenty names does not crowd out one that proposes two. The operator's own number then only breaks
     * ties, i.e. orders candidates within a family.
     */
    private ArrayList<Scored> rescore(List<Scored> scored, Map<String, Map<Integer, Double>> byFile) {
        var perFamily = new HashMap<String, Integer>();
        scored.forEach(s -> perFamily.merge(familyKey(s.candidate()), 1, Integer::sum));
        var out = new ArrayList<Scored>(scored.size());
        for (Scored s : scored) {
            Candidate c = s.candidate();
            Map<Integer, Double> susp = byFile.get(c.file());
            double lineScore = susp.getOrDefault(c.line(), minScore(susp));
            double score = lineScore * priors.of(c.operator()) / perFamily.get(familyKey(c));
            out.add(new Scored(c, score, s.newText()));
        }
        return out;
    }

    private static String familyKey(Candidate c) {
        return c.file() + "\0" + c.line() + "\0" + c.operator();
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

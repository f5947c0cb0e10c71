package dev.aap.repair.search;

import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.candidate.Edit;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.CandidateValidator;
import dev.aap.repair.validate.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A language whose candidates and verdicts a test scripts: each validator answers from the patched text. */
final class ScriptedLanguage implements LanguageSupport {

    /** A validator that answers per candidate text and records what it was asked. */
    static final class ScriptedValidator implements CandidateValidator {

        private final BiFunction<String, Integer, Verdict> answer;
        private final Map<String, AtomicInteger> calls;
        final List<String> log = new CopyOnWriteArrayList<>();
        volatile Duration limit;

        ScriptedValidator(BiFunction<String, Integer, Verdict> answer, Map<String, AtomicInteger> calls) {
            this.answer = answer;
            this.calls = calls;
        }

        @Override
        public Verdict validate(Map<String, String> changed, List<String> first, List<String> rest, Duration timeout) {
            String text = changed.values().iterator().next();
            int n = calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            log.add("validate limit=" + limit + " timeout=" + timeout);
            return answer.apply(text, n);
        }

        @Override
        public void setTestLimit(Duration limit) {
            this.limit = limit;
            log.add("limit " + limit);
        }

        @Override
        public void close() {
        }
    }

    private final Map<String, List<Candidate>> candidates;
    final List<ScriptedValidator> validators = new ArrayList<>();
    /** How often each candidate text was validated, over all validators. */
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Function<String, List<TestCoverage>> coverageOfPatch;

    ScriptedLanguage(Map<String, List<Candidate>> candidates, int validators,
                     BiFunction<String, Integer, Verdict> answer, Function<String, List<TestCoverage>> coverageOfPatch) {
        this.candidates = candidates;
        this.coverageOfPatch = coverageOfPatch;
        for (int i = 0; i < validators; i++) {
            this.validators.add(new ScriptedValidator(answer, calls));
        }
    }

    /** A candidate replacing the first {@code from} in {@code text} with {@code to}. */
    static Candidate replace(String file, String text, String from, String to, String operator, double prior) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException(from + " is not in the sample");
        }
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return Candidate.single(new Edit(file, at, at + from.length(), to, line), operator,
                "replace '" + from + "' with '" + to + "'", prior);
    }

    @Override
    public List<TestCoverage> coverage(Set<String> baselineFailing) {
        return List.of();
    }

    @Override
    public List<Candidate> candidates(String file, String source, Set<Integer> lines) {
        return candidates.getOrDefault(file, List.of());
    }

    @Override
    public boolean isRepairable(String file) {
        return true;
    }

    @Override
    public List<CandidateValidator> validators() {
        return List.copyOf(validators);
    }

    @Override
    public Duration candidateTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Optional<List<TestCoverage>> coverageWith(Map<String, String> changed, List<String> tests) {
        return Optional.ofNullable(coverageOfPatch.apply(changed.values().iterator().next()));
    }

    @Override
    public void close() {
    }
}

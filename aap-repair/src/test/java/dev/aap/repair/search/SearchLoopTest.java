package dev.aap.repair.search;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.TestReport;
import dev.aap.core.build.TestRun;
import dev.aap.core.event.EventLog;
import dev.aap.core.pipeline.StrategyContext;
import dev.aap.core.pipeline.StrategyResult;
import dev.aap.core.run.Task;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.Sandbox;
import dev.aap.core.workspace.Git;
import dev.aap.core.workspace.SourceRepo;
import dev.aap.core.workspace.Workspace;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.localize.Suspicious;
import dev.aap.repair.localize.TestCoverage;
import dev.aap.repair.validate.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The search loop with a scripted validator: retries, shared queue, stop rules and the choice among patches. */
class SearchLoopTest {

    private static final String CALC = "src/Calc.java";
    private static final String UTIL = "src/Util.java";
    private static final String CALC_TEXT = """
            class Calc {
                int clamp(int v, int hi) {
                    if (v > hi) {
                        return hi;
                    }
                    return v;
                }
            }
            """;
    private static final String UTIL_TEXT = """
            class Util {
                static int half(int v) {
                    return v / 2;
                }
            }
            """;

    @TempDir
    Path dir;

    private static final List<TestCoverage> COVERAGE = List.of(
            new TestCoverage("CalcTest#clampsAtTheBound", false, Map.of(CALC, Set.of(2, 3, 4), UTIL, Set.of(3))),
            new TestCoverage("CalcTest#keepsSmallValues", true, Map.of(CALC, Set.of(2, 3, 6))),
            new TestCoverage("UtilTest#halves", true, Map.of(UTIL, Set.of(3))));

    private static final List<Suspicious> LINES = List.of(new Suspicious(CALC, 3, 0.7),
            new Suspicious(CALC, 4, 0.6), new Suspicious(UTIL, 3, 0.4));

    private static Verdict plausible() {
        return new Verdict.Plausible(3, 5);
    }

    private static Verdict failed() {
        return new Verdict.TestFailed("CalcTest#clampsAtTheBound", "expected 3", false, 5);
    }

    /** Candidates on Calc's return line, {@code return v + i;}, best first; the ones listed in plausible pass. */
    private static List<Candidate> numbered(int n) {
        var out = new ArrayList<Candidate>();
        for (int i = 1; i <= n; i++) {
            out.add(ScriptedLanguage.replace(CALC, CALC_TEXT, "return v;", "return v + " + i + ";", "literal",
                    1.0 - i / 1000.0));
        }
        return out;
    }

    private static BiFunction<String, Integer, Verdict> passing(int... plausible) {
        return (text, call) -> {
            for (int p : plausible) {
                if (text.contains("return v + " + p + ";")) {
                    return plausible();
                }
            }
            return failed();
        };
    }

    @Test
    void retriesATimedOutCandidateWithTheFullTimeoutOnceTheQueueIsSpent() throws Exception {
        List<Candidate> cands = numbered(3);
        var lang = new ScriptedLanguage(Map.of(CALC, cands), 1, (text, call) -> {
            if (text.contains("v + 2;")) {
                return call == 1 ? new Verdict.TestFailed("CalcTest#clampsAtTheBound", "slow", true, 500)
                        : plausible();
            }
            return failed();
        }, t -> null);

        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(r).isInstanceOf(StrategyResult.Found.class);
        assertThat(((StrategyResult.Found) r).solutions().get(0).summary()).contains("return v + 2;");
        assertThat(r.stats().validated()).isEqualTo(4);
        List<String> log = lang.validators.get(0).log;
        // the per-test limit is lifted to the full candidate timeout before the retry, not before
        assertThat(log.indexOf("limit PT10S")).isEqualTo(3);
        assertThat(log.get(4)).startsWith("validate limit=PT10S");
        assertThat(lang.calls.values()).extracting(java.util.concurrent.atomic.AtomicInteger::get)
                .containsExactlyInAnyOrder(1, 2, 1);
    }

    @Test
    void severalValidatorsShareOneQueueAndValidateEachCandidateOnce() throws Exception {
        var lang = new ScriptedLanguage(Map.of(CALC, numbered(30)), 3, (text, call) -> {
            sleep(20);
            return failed();
        }, t -> null);

        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(r).isInstanceOf(StrategyResult.NotFound.class);
        assertThat(((StrategyResult.NotFound) r).reason()).startsWith("all 30 candidates");
        assertThat(lang.calls).hasSize(30);
        assertThat(lang.calls.values()).allMatch(n -> n.get() == 1);
        assertThat(lang.validators).allMatch(v -> !v.log.isEmpty());
        assertThat(lang.validators.stream().mapToInt(v -> v.log.size()).sum()).isEqualTo(30);
    }

    @Test
    void exploresAFixedNumberOfCandidatesAfterTheFirstPlausiblePatch() throws Exception {
        var lang = new ScriptedLanguage(Map.of(CALC, numbered(200)), 1, passing(5), t -> null);

        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(r.stats().validated()).isEqualTo(5 + SearchLoop.EXPLORE_AFTER_FIRST);
        assertThat(r.stats().candidates()).isEqualTo(200);
    }

    @Test
    void exploresForABoundedTimeAfterTheFirstPlausiblePatch() throws Exception {
        var lang = new ScriptedLanguage(Map.of(CALC, numbered(200)), 1, (text, call) -> {
            if (text.contains("v + 1;")) {
                return plausible();
            }
            sleep(400);
            return failed();
        }, t -> null);

        long t0 = System.nanoTime();
        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        long exploreMs = SearchLoop.EXPLORE_TIME.toMillis();
        // the first plausible patch's own line may take twice the exploration time (SAME_LINE_AFTER_FIRST)
        assertThat(r.stats().validated()).isBetween(2, 1 + (int) (2 * exploreMs / 400) + 2);
        assertThat(ms).isLessThan(2 * exploreMs + 3_000);
    }

    @Test
    void afterTheFirstPlausiblePatchTheOtherCandidatesOnItsLineAreTriedFirst() throws Exception {
        var onBoundLine = ScriptedLanguage.replace(CALC, CALC_TEXT, "if (v > hi)", "if (v >= hi)", "relational",
                0.9);
        var others = new ArrayList<Candidate>();
        for (int i = 1; i <= 100; i++) {
            others.add(ScriptedLanguage.replace(CALC, CALC_TEXT, "return hi;", "return hi + " + i + ";", "literal",
                    0.8 - i / 1000.0));
        }
        var sameLine = ScriptedLanguage.replace(CALC, CALC_TEXT, "if (v > hi)", "if (v > hi - 1)", "literal", 0.1);
        var all = new ArrayList<Candidate>(List.of(onBoundLine));
        all.addAll(others);
        all.add(sameLine);
        var lang = new ScriptedLanguage(Map.of(CALC, all), 1, (text, call) -> text.contains("if (v >= hi)")
                || text.contains("if (v > hi - 1)") ? plausible() : failed(), t -> null);

        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(r).isInstanceOfSatisfying(StrategyResult.Found.class, f -> assertThat(f.solutions())
                .as("the last-ranked candidate of the plausible patch's line was tried").hasSize(2));
    }

    @Test
    void stopsAtMaxCandidates() throws Exception {
        var lang = new ScriptedLanguage(Map.of(CALC, numbered(50)), 2, passing(), t -> null);

        StrategyResult r = new SearchLoop(context(7), lang, COVERAGE).run(LINES);

        assertThat(r.stats().validated()).isEqualTo(7);
        assertThat(((StrategyResult.NotFound) r).reason()).isEqualTo("budget spent after 7 of 50 candidates");
    }

    @Test
    void stopsOnceEnoughPlausiblePatchesAreFound() throws Exception {
        var lang = new ScriptedLanguage(Map.of(CALC, numbered(50)), 1, (text, call) -> plausible(), t -> null);

        StrategyResult r = new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(r.stats().validated()).isEqualTo(SearchLoop.MAX_SOLUTIONS);
        assertThat(((StrategyResult.Found) r).solutions()).hasSize(SearchLoop.MAX_SOLUTIONS);
    }

    @Test
    void refusesAnAntiPatternWhenAnotherPatchIsPlausible() throws Exception {
        // the constant condition is generated first (higher prior) and is also the smaller change
        var constant = ScriptedLanguage.replace(CALC, CALC_TEXT, "v > hi", "true", "condition", 0.9);
        var bound = ScriptedLanguage.replace(CALC, CALC_TEXT, "v > hi", "v >= hi", "relational-operator", 0.5);
        var lang = new ScriptedLanguage(Map.of(CALC, List.of(constant, bound)), 1, (t, n) -> plausible(),
                t -> null);

        var found = (StrategyResult.Found) new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(found.solutions()).extracting(StrategyResult.Solution::summary)
                .containsExactly("replace 'v > hi' with 'v >= hi' in Calc.java:3");
        assertThat(Files.readString(dir.resolve("events.jsonl")))
                .contains("'replace 'v > hi' with 'true' in Calc.java:3' ranks last: it makes the condition");
    }

    @Test
    void keepsAnAntiPatternWhenNothingElseIsPlausible() throws Exception {
        var constant = ScriptedLanguage.replace(CALC, CALC_TEXT, "v > hi", "true", "condition", 0.9);
        var bound = ScriptedLanguage.replace(CALC, CALC_TEXT, "v > hi", "v >= hi", "relational-operator", 0.5);
        var lang = new ScriptedLanguage(Map.of(CALC, List.of(constant, bound)), 1,
                (t, n) -> t.contains("(true)") ? plausible() : failed(), t -> null);

        var found = (StrategyResult.Found) new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(found.solutions()).extracting(StrategyResult.Solution::summary)
                .containsExactly("replace 'v > hi' with 'true' in Calc.java:3");
    }

    @Test
    void prefersThePatchInTheMostSuspiciousFile() throws Exception {
        var inUtil = ScriptedLanguage.replace(UTIL, UTIL_TEXT, "v / 2", "v / 3", "literal", 1.0);
        var inCalc = ScriptedLanguage.replace(CALC, CALC_TEXT, "return hi;", "return hi - 1;", "literal", 0.1);
        var lang = new ScriptedLanguage(Map.of(CALC, List.of(inCalc), UTIL, List.of(inUtil)), 1,
                (t, n) -> plausible(), t -> null);

        var found = (StrategyResult.Found) new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(found.solutions()).extracting(StrategyResult.Solution::summary).containsExactly(
                "replace 'return hi;' with 'return hi - 1;' in Calc.java:4",
                "replace 'v / 2' with 'v / 3' in Util.java:3");
    }

    @Test
    void prefersThePatchThatLeavesThePassingTestsCoverageUnchangedOverTheSmallerOne() throws Exception {
        var small = ScriptedLanguage.replace(CALC, CALC_TEXT, "v > hi", "v >= 0", "condition", 0.9);
        var wider = ScriptedLanguage.replace(CALC, CALC_TEXT, "            return hi;\n",
                "            int at = hi;\n            return at;\n", "statement", 0.5);
        Function<String, List<TestCoverage>> measured = text -> text.contains("v >= 0")
                ? List.of(new TestCoverage("CalcTest#keepsSmallValues", true, Map.of(CALC, Set.of(2, 3, 4))))
                // the inserted line shifts "return v;" from 6 to 7: unchanged once mapped over the shift
                : List.of(new TestCoverage("CalcTest#keepsSmallValues", true, Map.of(CALC, Set.of(2, 3, 7))));
        var lang = new ScriptedLanguage(Map.of(CALC, List.of(small, wider)), 1, (t, n) -> plausible(), measured);

        var found = (StrategyResult.Found) new SearchLoop(context(100), lang, COVERAGE).run(LINES);

        assertThat(found.solutions()).extracting(StrategyResult.Solution::changedLines).containsExactly(2, 1);
        assertThat(found.solutions().get(1).summary()).contains("v >= 0");
    }

    private StrategyContext context(int maxCandidates) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Git.check(repo, "init", "-q", "-b", "main");
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve(CALC), CALC_TEXT);
        Files.writeString(repo.resolve(UTIL), UTIL_TEXT);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
        Workspace ws = Workspace.create(SourceRepo.inspect(repo), dir.resolve("ws"));
        var exec = new ExecResult(1, "", "", false, false, Duration.ofMillis(10));
        var baseline = new TestRun("mvn test", exec, new TestReport(List.of()), null);
        var events = EventLog.open("run", dir.resolve("events.jsonl"));
        Duration budget = Duration.ofSeconds(60);
        var task = new Task(repo, "", null, "search", budget, maxCandidates);
        return new StrategyContext(task, ws, null, new BuildContext(Sandbox.select("none"), ws.projectDir(),
                dir, Duration.ofMinutes(1)), baseline, events, Instant.now().plus(budget), dir, System.nanoTime(),
                dir, dir.resolve("cache"), List.of());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

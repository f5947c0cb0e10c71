package dev.aap.core.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestReport;
import dev.aap.core.build.TestRun;
import dev.aap.core.integrate.Narrative;
import dev.aap.core.run.ModelUsage;
import dev.aap.core.run.TaskKind;
import dev.aap.core.run.TestEvidence;
import dev.aap.core.sandbox.ExecResult;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON a step's checkpoint holds: small records of what later steps and {@code run.json} need, not the live
 * objects (no workspace, no build tool). Every snapshot has {@code "v": 1}; another version does not load.
 */
final class Snapshots {

    /** The snapshot format this build writes and reads. */
    static final int V = 1;

    /** Output kept of a test run's stdout and stderr, each: the end, where the failures and stack frames are. */
    static final int OUTPUT_CHARS = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Snapshots() {
    }

    static JsonNode toJson(Object snapshot) {
        return JSON.valueToTree(snapshot);
    }

    /** The snapshot in {@code node}, or empty with {@code problem[0]} set when it is malformed or of another version. */
    static <T> Optional<T> read(JsonNode node, Class<T> type, String[] problem) {
        try {
            return Optional.of(JSON.treeToValue(node, type));
        } catch (JacksonException | IllegalArgumentException e) {
            problem[0] = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            return Optional.empty();
        }
    }

    private static void version(int v) {
        if (v != V) {
            throw new IllegalArgumentException("snapshot version " + v + ", this build reads " + V);
        }
    }

    /** A test run without the process: its exit, timing, tail of output and the parsed cases. */
    record TestRunSnapshot(String command, int exitCode, boolean timedOut, boolean outputTruncated, long elapsedMs,
                           String stdout, String stderr, String compileError, List<TestCase> cases) {

        TestRunSnapshot {
            Objects.requireNonNull(command, "command");
            stdout = stdout == null ? "" : stdout;
            stderr = stderr == null ? "" : stderr;
            cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
        }

        static TestRunSnapshot of(TestRun run, boolean withOutput) {
            ExecResult e = run.exec();
            String out = withOutput ? tail(e.stdout()) : "";
            String err = withOutput ? tail(e.stderr()) : "";
            boolean cut = e.outputTruncated() || out.length() < e.stdout().length() || err.length() < e.stderr().length();
            return new TestRunSnapshot(run.command(), e.exitCode(), e.timedOut(), cut, e.elapsed().toMillis(), out,
                    err, run.compileError(), run.report().cases());
        }

        TestRun toRun() {
            return new TestRun(command, new ExecResult(exitCode, stdout, stderr, timedOut, outputTruncated,
                    Duration.ofMillis(elapsedMs)), new TestReport(cases), compileError);
        }

        private static String tail(String s) {
            return s.length() <= OUTPUT_CHARS ? s : s.substring(s.length() - OUTPUT_CHARS);
        }
    }

    /** prepare: the commit the workspace is made from and the baseline with what it made of the task. */
    record PrepareSnapshot(int v, String baseCommit, String taskKind, List<String> targets, String brokenTests,
                           TestRunSnapshot baseline) {

        PrepareSnapshot {
            version(v);
            Objects.requireNonNull(baseCommit, "base_commit");
            TaskKind.valueOf(taskKind.toUpperCase(Locale.ROOT));
            targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
            Objects.requireNonNull(baseline, "baseline");
        }

        static PrepareSnapshot of(String baseCommit, Baseline base) {
            return new PrepareSnapshot(V, baseCommit, base.kind().label(), base.targets(), base.brokenTests(),
                    TestRunSnapshot.of(base.run(), true));
        }

        Baseline toBaseline() {
            return new Baseline(baseline.toRun(), TaskKind.valueOf(taskKind.toUpperCase(Locale.ROOT)), targets,
                    brokenTests);
        }
    }

    /** One plausible patch as the strategy found it. */
    record SolutionSnapshot(Map<String, String> files, String summary, int changedLines, double score,
                            long foundAtMillis, List<String> fixedTests, Narrative notes) {

        SolutionSnapshot {
            files = Map.copyOf(Objects.requireNonNull(files, "files"));
            Objects.requireNonNull(summary, "summary");
            fixedTests = fixedTests == null ? List.of() : List.copyOf(fixedTests);
        }

        static SolutionSnapshot of(StrategyResult.Solution s) {
            return new SolutionSnapshot(s.files(), s.summary(), s.changedLines(), s.score(), s.foundAtMillis(),
                    s.fixedTests(), s.notes());
        }

        StrategyResult.Solution toSolution() {
            return new StrategyResult.Solution(files, summary, changedLines, score, foundAtMillis, fixedTests, notes);
        }
    }

    /** The strategy's effort, for run.json. */
    record StatsSnapshot(int candidates, int validated, int compiled, long validationMsMedian, long firstPlausibleMs,
                         ModelUsage usage, List<String> attempts) {

        static StatsSnapshot of(StrategyResult.Stats s) {
            return new StatsSnapshot(s.candidates(), s.validated(), s.compiled(), s.validationMsMedian(),
                    s.firstPlausibleMs(), s.usage(), s.attempts());
        }

        StrategyResult.Stats toStats() {
            return new StrategyResult.Stats(candidates, validated, compiled, validationMsMedian, firstPlausibleMs,
                    usage, attempts);
        }
    }

    /** code: the plausible patches, best first, and what finding them took. */
    record CodeSnapshot(int v, List<SolutionSnapshot> solutions, StatsSnapshot stats) {

        CodeSnapshot {
            version(v);
            if (solutions == null || solutions.isEmpty()) {
                throw new IllegalArgumentException("a code snapshot needs at least one solution");
            }
            solutions = List.copyOf(solutions);
            Objects.requireNonNull(stats, "stats");
        }

        static CodeSnapshot of(StrategyResult.Found found) {
            return new CodeSnapshot(V, found.solutions().stream().map(SolutionSnapshot::of).toList(),
                    StatsSnapshot.of(found.stats()));
        }

        StrategyResult.Found toFound() {
            return new StrategyResult.Found(solutions.stream().map(SolutionSnapshot::toSolution).toList(),
                    stats.toStats());
        }
    }

    /** verify: which solution met the criterion (its index in the code snapshot), its diff and the proof. */
    record VerifySnapshot(int v, int chosen, String patch, TestRunSnapshot proof, TestEvidence evidence) {

        VerifySnapshot {
            version(v);
            if (chosen < 0) {
                throw new IllegalArgumentException("chosen must not be negative");
            }
            Objects.requireNonNull(patch, "patch");
            Objects.requireNonNull(proof, "proof");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** review: the branch and commit message the guardrails let through, and the test edits the user allowed. */
    record ReviewSnapshot(int v, String branch, String commitMessage, List<String> allowedTestEdits) {

        ReviewSnapshot {
            version(v);
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commitMessage, "commit_message");
            allowedTestEdits = allowedTestEdits == null ? List.of() : List.copyOf(allowedTestEdits);
        }
    }

    /** integrate: the branch in the user's repository and its commit. */
    record IntegrateSnapshot(int v, String branch, String commit) {

        IntegrateSnapshot {
            version(v);
            Objects.requireNonNull(branch, "branch");
            Objects.requireNonNull(commit, "commit");
        }
    }
}

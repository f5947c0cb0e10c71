package dev.aap.repair.jvm;

import dev.aap.repair.jvm.Protocol.Reply;
import dev.aap.repair.jvm.Protocol.Request;
import dev.aap.repair.jvm.runner.TestPlatform;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The worker's state for one project: its classes, the JUnit loader and runner, and coverage when asked for. */
final class WorkerSession {

    private final ProjectClasses classes;
    private final RunnerLoader junit;
    private final TestPlatform platform;
    private CoverageRecorder coverage;

    private WorkerSession(ProjectClasses classes, RunnerLoader junit, TestPlatform platform) {
        this.classes = classes;
        this.junit = junit;
        this.platform = platform;
    }

    static WorkerSession open(Request.Init init) throws ReflectiveOperationException {
        var classes = new ProjectClasses(Path.of(init.classesDir()), Path.of(init.testClassesDir()));
        var jars = new ArrayList<Path>();
        init.testClasspath().forEach(p -> jars.add(Path.of(p)));
        init.runnerJars().forEach(p -> jars.add(Path.of(p)));
        var junit = new RunnerLoader(jars);
        try {
            return new WorkerSession(classes, junit, junit.newPlatform());
        } catch (NoClassDefFoundError | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            if (!(cause instanceof NoClassDefFoundError missing)) {
                throw e;
            }
            throw new IllegalStateException("the JUnit Platform launcher is not on the test class path (missing "
                    + missing.getMessage() + "); add the jars JunitRunnerArtifacts.required names", missing);
        }
    }

    Reply.Discovered discover() {
        var loader = new CandidateLoader(junit, classes, Map.of(), (n, f) -> f.bytes());
        return new Reply.Discovered(platform.discover(loader, List.of(classes.testRoot())));
    }

    Reply.Validated validate(Request.Validate request, Consumer<String> onStarted) {
        var leaks = ThreadLeaks.snapshot();
        var loader = new CandidateLoader(junit, classes, request.classes(), (n, f) -> f.bytes());
        int run = 0;
        // failing-at-baseline tests one by one, so a candidate that still fails stops after one test, not a class
        var groups = new ArrayList<List<String>>();
        request.first().forEach(id -> groups.add(List.of(id)));
        groups.addAll(byClass(request.rest()));
        for (List<String> group : groups) {
            TestPlatform.Outcome outcome = platform.run(loader, group, onStarted);
            run += outcome.testsRun();
            if (!outcome.passed()) {
                return new Reply.Validated(run, outcome.failedTest(), outcome.message(), outcome.timedOut(),
                        leaks.leaked());
            }
        }
        return new Reply.Validated(run, null, null, false, leaks.leaked());
    }

    Reply.Covered cover(Request.Cover request) throws Exception {
        if (coverage == null) {
            coverage = new CoverageRecorder(classes);
        }
        var leaks = ThreadLeaks.snapshot();
        coverage.reset();
        var patched = new java.util.HashMap<String, byte[]>();
        for (var e : request.classes().entrySet()) {
            patched.put(e.getKey(), coverage.instrument(e.getKey(), e.getValue()));
        }
        var loader = new CandidateLoader(junit, classes, patched, coverage::classBytes);
        TestPlatform.Outcome outcome = platform.run(loader, List.of(request.testId()), id -> { });
        var lines = coverage.collect(request.classes());
        addFailureLines(outcome, lines);
        // a skipped (disabled) test counts as passing: it covers nothing, so it cannot sway fault localization
        return new Reply.Covered(outcome.passed(), lines, leaks.leaked());
    }

    /** Lines of main classes on the failure's stack: they ran, though JaCoCo cannot see a block a throw cut short. */
    private void addFailureLines(TestPlatform.Outcome outcome, Map<String, Set<Integer>> lines) {
        for (StackTraceElement frame : outcome.trace()) {
            if (frame.getLineNumber() <= 0 || frame.getFileName() == null) {
                continue;
            }
            String className = frame.getClassName();
            if (classes.find(className).filter(ProjectClasses.ClassFile::main).isEmpty()) {
                continue;
            }
            int dot = className.lastIndexOf('.');
            String dir = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
            lines.computeIfAbsent(dir + frame.getFileName(), k -> new TreeSet<>()).add(frame.getLineNumber());
        }
    }

    /** Test ids grouped by class, classes in order of first appearance: one launcher request per class. */
    static List<List<String>> byClass(List<String> testIds) {
        var groups = new LinkedHashMap<String, List<String>>();
        for (String id : testIds) {
            int hash = id.indexOf('#');
            groups.computeIfAbsent(hash < 0 ? id : id.substring(0, hash), k -> new ArrayList<>()).add(id);
        }
        return List.copyOf(groups.values());
    }
}

package dev.aap.repair.jvm;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.RuntimeData;
import org.jacoco.core.runtime.SystemPropertiesRuntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Line coverage of the project's main classes, one test at a time, with JaCoCo's in-memory instrumentation. The
 * runtime talks to instrumented classes through system properties, so it works whatever loader defines them.
 */
final class CoverageRecorder {

    private final RuntimeData data = new RuntimeData();
    private final Instrumenter instrumenter;
    private final ProjectClasses classes;
    private final Map<String, byte[]> instrumented = new ConcurrentHashMap<>();

    CoverageRecorder(ProjectClasses classes) throws Exception {
        this.classes = classes;
        var runtime = new SystemPropertiesRuntime();
        runtime.startup(data);
        instrumenter = new Instrumenter(runtime);
    }

    /** The bytes to define for a project class: main classes instrumented, test classes as they are. */
    byte[] classBytes(String name, ProjectClasses.ClassFile file) {
        if (!file.main()) {
            return file.bytes();
        }
        return instrumented.computeIfAbsent(name, n -> {
            try {
                return instrumenter.instrument(file.bytes(), n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A patched class instrumented (not cached: each patch brings its own bytes). */
    byte[] instrument(String name, byte[] bytes) throws IOException {
        return instrumenter.instrument(bytes, name);
    }

    void reset() {
        data.reset();
    }

    /** Covered lines since the last reset, keyed by {@code package/dirs/File.java}; resets the probes. */
    Map<String, Set<Integer>> collect() {
        return collect(Map.of());
    }

    /** As {@link #collect()}, reading the probes of patched classes against their own bytes. */
    Map<String, Set<Integer>> collect(Map<String, byte[]> patched) {
        var execution = new ExecutionDataStore();
        // the store keeps RuntimeData's own objects, so resetting while collecting would wipe what was collected
        data.collect(execution, new SessionInfoStore(), false);
        var builder = new CoverageBuilder();
        var analyzer = new Analyzer(execution, builder);
        for (ExecutionData d : execution.getContents()) {
            if (!d.hasHits()) {
                continue;
            }
            String binary = d.getName().replace('/', '.');
            var file = classes.find(binary);
            if (file.isPresent()) {
                try {
                    analyzer.analyzeClass(patched.getOrDefault(binary, file.get().bytes()), d.getName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        var out = new TreeMap<String, Set<Integer>>();
        for (ISourceFileCoverage source : builder.getSourceFiles()) {
            var lines = new TreeSet<Integer>();
            for (int line = source.getFirstLine(); line > 0 && line <= source.getLastLine(); line++) {
                int status = source.getLine(line).getStatus();
                if (status == ICounter.FULLY_COVERED || status == ICounter.PARTLY_COVERED) {
                    lines.add(line);
                }
            }
            if (!lines.isEmpty()) {
                String pkg = source.getPackageName();
                out.put(pkg.isEmpty() ? source.getName() : pkg + "/" + source.getName(), lines);
            }
        }
        data.reset();
        return out;
    }
}

package dev.aap.core.coverage;

import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's own sandbox with the coverage collector's environment and data directory added; it runs {@code before}
 * and {@code after} around each command so that the data describes that command alone.
 */
final class ArmedSandbox implements Sandbox {

    /** Variables whose existing value is kept after ours, separated by {@code separator}. */
    private static final Map<String, String> SEPARATORS = Map.of("PYTHONPATH", java.io.File.pathSeparator,
            "JAVA_TOOL_OPTIONS", " ");

    private final Sandbox inner;
    private final Map<String, String> env;
    private final Path dataDir;
    private final Runnable before;
    private final Runnable after;

    ArmedSandbox(Sandbox inner, Map<String, String> env, Path dataDir, Runnable before, Runnable after) {
        this.inner = inner;
        this.env = Map.copyOf(env);
        this.dataDir = dataDir;
        this.before = before;
        this.after = after;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean isolates() {
        return inner.isolates();
    }

    @Override
    public ExecResult exec(ExecSpec spec) {
        before.run();
        try {
            return inner.exec(armed(spec));
        } finally {
            after.run();
        }
    }

    @Override
    public Process start(ExecSpec spec) {
        return inner.start(armed(spec));
    }

    private ExecSpec armed(ExecSpec spec) {
        var merged = new HashMap<String, String>();
        env.forEach((k, v) -> {
            String existing = spec.env().getOrDefault(k, System.getenv(k));
            String sep = SEPARATORS.get(k);
            merged.put(k, sep != null && existing != null && !existing.isBlank() ? v + sep + existing : v);
        });
        var writable = new ArrayList<>(spec.writable());
        writable.add(dataDir);
        return spec.withEnv(merged).withWritable(writable);
    }
}

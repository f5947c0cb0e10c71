package dev.aap.repair.python;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The Python helper scripts shipped as resources, copied out of the jar so that python3 can run them. */
final class PythonScripts {

    static final String COVERAGE_PLUGIN = "aap_cov";
    static final String WORKER = "aap_worker.py";
    static final String MUTATOR = "aap_mutate.py";
    private static final List<String> FILES = List.of("aap_cov.py", WORKER, "aap_worker_child.py", MUTATOR,
            "aap_mutate_ops.py", "aap_mutate_scope.py", "aap_mutate_clauses.py", "aap_mutate_insert.py");

    private static volatile Path shared;

    private PythonScripts() {
    }

    /** Copies the scripts into {@code scratch/aap-python} and returns that directory. */
    static Path extract(Path scratch) {
        Path dir = scratch.resolve("aap-python");
        try {
            Files.createDirectories(dir);
            for (String name : FILES) {
                try (InputStream in = PythonScripts.class.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new EnvironmentException("the aap jar is missing its Python helper " + name);
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot write the Python helpers to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** The scripts in a temporary directory shared by this JVM, for helpers that need no project scratch. */
    static Path shared() {
        Path dir = shared;
        if (dir == null) {
            synchronized (PythonScripts.class) {
                if (shared == null) {
                    try {
                        Path tmp = Files.createTempDirectory("aap-python-");
                        shared = extract(tmp);
                    } catch (IOException e) {
                        throw new EnvironmentException("cannot create a temporary directory: " + e.getMessage(), e);
                    }
                }
                dir = shared;
            }
        }
        return dir;
    }
}

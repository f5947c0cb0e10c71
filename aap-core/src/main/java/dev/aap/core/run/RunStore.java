package dev.aap.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code AAP_HOME}: run directories with their artifacts, workspaces and caches. */
public final class RunStore {

    /** The JSON mapper for run records: snake_case, indented. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final dev.aap.core.secrets.Redactor REDACTOR = dev.aap.core.secrets.Redactor.standard();

    private final Path home;

    private RunStore(Path home) {
        this.home = home;
    }

    /** The home from {@code AAP_HOME} or {@code ~/.aap}. */
    public static Path defaultHome() {
        String env = System.getenv("AAP_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".aap");
    }

    /** Opens (creating) the home; fails with what to do when it is not writable. */
    public static RunStore open(Path home) {
        Path h = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(h.resolve("runs"));
            Files.createDirectories(h.resolve("workspaces"));
            Path probe = Files.createTempFile(h, ".write-probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new EnvironmentException("AAP_HOME " + h + " is not writable (" + e.getMessage()
                    + "): point AAP_HOME at a writable directory or fix its permissions");
        }
        return new RunStore(h);
    }

    public Path home() {
        return home;
    }

    public Path runDir(RunId id) {
        return home.resolve("runs").resolve(id.value());
    }

    public Path workspaceDir(RunId id) {
        return home.resolve("workspaces").resolve(id.value());
    }

    /** Creates the run directory with its {@code checks/} subdirectory. */
    public Path create(RunId id) {
        Path dir = runDir(id);
        try {
            Files.createDirectories(dir.resolve("checks"));
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    public void writeResult(RunResult result) {
        // run.json is an artifact others read: a secret in the patch or a message is masked there too
        write(runDir(new RunId(result.runId())).resolve("run.json"), toJson(result));
    }

    /** run.json's text, secrets masked (the server stores the same text as the run's record). */
    public static String toJson(RunResult result) {
        try {
            return JSON.writeValueAsString(REDACTOR.redactTree(JSON.valueToTree(result)));
        } catch (IOException e) {
            throw new IllegalStateException("run results always serialize", e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** All runs, newest first. Unreadable run directories are skipped. */
    public List<RunResult> list() {
        var out = new ArrayList<RunResult>();
        try (Stream<Path> dirs = Files.list(home.resolve("runs"))) {
            for (Path d : dirs.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (RunId.isValid(d.getFileName().toString())) {
                    read(new RunId(d.getFileName().toString())).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot list " + home.resolve("runs") + ": " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<RunResult> read(RunId id) {
        Path f = runDir(id).resolve("run.json");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), RunResult.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

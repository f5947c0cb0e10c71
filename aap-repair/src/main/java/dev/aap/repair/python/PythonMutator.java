package dev.aap.repair.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.repair.candidate.Candidate;
import dev.aap.repair.candidate.Edit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Mutation candidates for suspicious lines of one Python file, produced by a script that reads the file with
 * Python's own {@code ast} module; it only parses the text, so it runs outside the sandbox.
 */
public final class PythonMutator {

    /** At most this many candidates per line, highest priors first. */
    public static final int PER_LINE_LIMIT = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private PythonMutator() {
    }

    /** Candidates for {@code lines} of {@code source} using {@code python3}. */
    public static List<Candidate> candidates(String relPath, String source, Set<Integer> lines) {
        return candidates(relPath, source, lines, "python3");
    }

    /**
     * Candidates for {@code lines} of {@code source}, grouped by line and, within a line, by descending prior.
     *
     * @param relPath the file's path relative to the project root, recorded in every edit
     * @throws BadInputException when the source does not parse
     */
    public static List<Candidate> candidates(String relPath, String source, Set<Integer> lines, String python) {
        if (lines.isEmpty()) {
            return List.of();
        }
        JsonNode reply = run(python, Map.of("path", relPath, "source", source, "lines", new TreeSet<>(lines),
                "limit", PER_LINE_LIMIT));
        if (reply.has("error")) {
            throw new BadInputException(reply.get("error").asText());
        }
        var out = new ArrayList<Candidate>();
        for (JsonNode c : reply.path("candidates")) {
            var edits = new ArrayList<Edit>();
            for (JsonNode e : c.path("edits")) {
                edits.add(new Edit(relPath, e.get(0).asInt(), e.get(1).asInt(), e.get(2).asText(), e.get(3).asInt()));
            }
            out.add(new Candidate(edits, c.path("operator").asText(), c.path("description").asText(),
                    c.path("prior").asDouble()));
        }
        return List.copyOf(out);
    }

    private static JsonNode run(String python, Map<String, Object> request) {
        Path script = PythonScripts.shared().resolve(PythonScripts.MUTATOR);
        Process p;
        try {
            p = new ProcessBuilder(python, script.toString()).start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start " + python + ": " + e.getMessage(), e);
        }
        var err = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
        Thread outReader = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
        try (OutputStream in = p.getOutputStream()) {
            JSON.writeValue(in, request);
        } catch (IOException e) {
            p.destroyForcibly();
            throw new EnvironmentException("the mutation script stopped reading its input: " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new EnvironmentException("the mutation script took longer than " + TIMEOUT_SECONDS + " s");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while generating mutants");
        }
        if (p.exitValue() != 0) {
            throw new EnvironmentException("the mutation script failed (exit " + p.exitValue() + "):\n"
                    + PythonCoverage.tail(err.toString(StandardCharsets.UTF_8)));
        }
        try {
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new EnvironmentException("the mutation script answered nonsense: " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException ignored) {
            // the process was killed; its exit status reports the problem
        }
    }
}

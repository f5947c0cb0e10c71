package dev.aap.repair.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Reads {@link MethodFacts} of Python functions with a small {@code ast} script run by the interpreter. */
final class PythonFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCRIPT = "aap_facts.py";
    private static volatile Path script;

    private PythonFacts() {
    }

    /**
     * Facts of the innermost function spanning {@code line} in each text (null where it does not parse or no function
     * spans the line). Only parses: the project's code is never run, so no sandbox is needed.
     */
    static List<MethodFacts> at(String python, List<String> texts, int line) {
        Process p;
        try {
            p = new ProcessBuilder(python, script().toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot start " + python + ": " + e.getMessage(), e);
        }
        try (OutputStream in = p.getOutputStream()) {
            JSON.writeValue(in, Map.of("texts", texts, "line", line));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new EnvironmentException("the Python facts script stopped reading: " + e.getMessage(), e);
        }
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new EnvironmentException("the Python facts script failed");
            }
            var facts = new ArrayList<MethodFacts>();
            for (JsonNode f : JSON.readTree(out)) {
                facts.add(f.isNull() ? null : read(f));
            }
            return facts;
        } catch (IOException e) {
            throw new EnvironmentException("the Python facts script answered nonsense: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while reading Python facts");
        }
    }

    private static MethodFacts read(JsonNode f) {
        var conditions = new ArrayList<MethodFacts.Condition>();
        f.path("conditions").forEach(c -> conditions.add(new MethodFacts.Condition(c.path("text").asText(),
                c.path("constant").asBoolean())));
        var returns = new ArrayList<Integer>();
        f.path("returnLines").forEach(r -> returns.add(r.asInt()));
        var assigns = new ArrayList<MethodFacts.FieldAssign>();
        f.path("assigns").forEach(a -> assigns.add(new MethodFacts.FieldAssign(a.path("target").asText(),
                a.path("value").asText(), a.path("field").isNull() ? null : a.path("field").asText())));
        return new MethodFacts(conditions, f.path("exits").asInt(), returns, f.path("lastStatementLine").asInt(),
                f.path("initializer").asBoolean(), assigns);
    }

    private static Path script() {
        Path s = script;
        if (s == null) {
            synchronized (PythonFacts.class) {
                if (script == null) {
                    try (InputStream in = PythonFacts.class.getResourceAsStream(SCRIPT)) {
                        if (in == null) {
                            throw new EnvironmentException("the aap jar is missing its Python helper " + SCRIPT);
                        }
                        Path dir = Files.createTempDirectory("aap-facts-");
                        Files.copy(in, dir.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
                        script = dir.resolve(SCRIPT);
                    } catch (IOException e) {
                        throw new EnvironmentException("cannot write " + SCRIPT + ": " + e.getMessage(), e);
                    }
                }
                s = script;
            }
        }
        return s;
    }
}

package dev.aap.core.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the machine-readable output of the Python tools into issues with project-relative paths. */
final class LintOutput {

    /** flake8 with the format aap asks for: {@code path:line:col: CODE text}. */
    private static final Pattern FLAKE8 = Pattern.compile("^(.+?):(\\d+):(\\d+): ([A-Z]+[0-9]+) (.*)$");
    /** mypy: {@code path:line: error: text  [code]} (column optional, notes ignored). */
    private static final Pattern MYPY = Pattern.compile("^(.+?):(\\d+)(?::\\d+)?: error: (.*?)(?:\\s+\\[([a-z0-9-]+)])?$");

    private LintOutput() {
    }

    static List<Issue> flake8(String out, Path workdir) {
        var issues = new ArrayList<Issue>();
        for (String line : out.lines().toList()) {
            Matcher m = FLAKE8.matcher(line);
            if (m.matches()) {
                issues.add(new Issue("flake8", m.group(4), relative(m.group(1), workdir),
                        Integer.parseInt(m.group(2)), m.group(5).strip()));
            }
        }
        return issues;
    }

    static List<Issue> mypy(String out, Path workdir) {
        var issues = new ArrayList<Issue>();
        for (String line : out.lines().toList()) {
            Matcher m = MYPY.matcher(line);
            if (m.matches()) {
                issues.add(new Issue("mypy", m.group(4) == null ? "error" : m.group(4), relative(m.group(1), workdir),
                        Integer.parseInt(m.group(2)), m.group(3).strip()));
            }
        }
        return issues;
    }

    /** {@code ruff check --output-format json}: a JSON array; throws when the output is not one. */
    static List<Issue> ruff(String out, Path workdir) {
        JsonNode arr;
        try {
            arr = new ObjectMapper().readTree(out.isBlank() ? "[]" : out);
        } catch (IOException e) {
            throw new IllegalStateException("ruff's output is not JSON: " + out.lines().findFirst().orElse(""));
        }
        if (!arr.isArray()) {
            throw new IllegalStateException("ruff's output is not a JSON array");
        }
        var issues = new ArrayList<Issue>();
        for (JsonNode d : arr) {
            String code = d.path("code").asText("");
            issues.add(new Issue("ruff", code.isEmpty() ? "error" : code, relative(d.path("filename").asText(), workdir),
                    d.path("location").path("row").asInt(0), d.path("message").asText().strip()));
        }
        return issues;
    }

    /** Tools print what they were given (relative) or absolute paths; both end up relative to the project. */
    static String relative(String path, Path workdir) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            Path abs = workdir.toAbsolutePath().normalize();
            p = p.normalize();
            if (p.startsWith(abs)) {
                p = abs.relativize(p);
            }
        }
        String s = p.toString().replace('\\', '/');
        return s.startsWith("./") ? s.substring(2) : s;
    }
}

package dev.aap.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;
import dev.aap.core.patch.Patch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Guardrails a patch must pass before it may become a branch: size limits and allowed/denied paths. Defaults come
 * from DESIGN.md; a repository may tighten or loosen them in {@code .aap/policy.yaml}.
 *
 * @param maxChangedFiles most files one patch may touch
 * @param maxChangedLines most changed lines (the larger of added and removed)
 * @param maxNewFiles     most files one patch may create
 * @param maxFileBytes    largest file a patch may leave behind
 * @param allow           globs (relative to the project directory) a patch may touch
 * @param deny            globs a patch may never touch, whatever {@code allow} says
 */
public record Policy(int maxChangedFiles, int maxChangedLines, int maxNewFiles, long maxFileBytes,
                     List<String> allow, List<String> deny) {

    private static final List<String> DEFAULT_ALLOW = List.of("src/**", "tests/**", "test/**", "docs/**",
            "pom.xml", "**/pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "pyproject.toml",
            "setup.py", "setup.cfg", "requirements*.txt", "tox.ini", "pytest.ini",
            "**/*.java", "**/*.py", "**/*.kt");
    private static final List<String> DEFAULT_DENY = List.of(".git/**", ".aap/**", ".env*", "**/.env*", "**/*.pem", "**/id_*",
            ".github/workflows/**", "**/*.jar", "**/*.class", "**/*.so", "**/*.dll", "**/*.exe", "**/*.bin");

    public Policy {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    public static Policy defaults() {
        return new Policy(20, 1000, 10, 200 * 1024, DEFAULT_ALLOW, DEFAULT_DENY);
    }

    /** Defaults merged with {@code .aap/policy.yaml} under {@code projectDir}, when present. */
    public static Policy load(Path projectDir) {
        Policy base = defaults();
        Path file = projectDir.resolve(".aap/policy.yaml");
        if (!Files.isRegularFile(file)) {
            return base;
        }
        try {
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (n == null || n.isNull()) {
                return base;
            }
            if (!n.isObject()) {
                throw new BadInputException(file + " must be a YAML mapping (e.g. 'max_changed_lines: 200')");
            }
            return new Policy(n.path("max_changed_files").asInt(base.maxChangedFiles),
                    n.path("max_changed_lines").asInt(base.maxChangedLines),
                    n.path("max_new_files").asInt(base.maxNewFiles),
                    n.path("max_file_bytes").asLong(base.maxFileBytes),
                    list(n.get("allow"), base.allow), merge(base.deny, list(n.get("deny"), List.of())));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * Why an edit of {@code projectRelative} would be refused (deny list, not on the allow list), or empty when the
     * path may be edited; checked before every agent edit, whatever the model asked for.
     */
    public java.util.Optional<String> pathProblem(String projectRelative) {
        if (matchesAny(deny, projectRelative)) {
            return java.util.Optional.of(projectRelative + " is on the deny list " + deny);
        }
        if (!matchesAny(allow, projectRelative)) {
            return java.util.Optional.of(projectRelative + " is not on the allow list " + allow);
        }
        return java.util.Optional.empty();
    }

    /** Checks a patch; {@code projectPrefix} is the project's directory relative to the repository ("" at top). */
    public PolicyDecision check(Patch patch, String projectPrefix, Path repoRoot) {
        var reasons = new ArrayList<String>();
        if (patch.files().size() > maxChangedFiles) {
            reasons.add("changes " + patch.files().size() + " files; the limit is " + maxChangedFiles);
        }
        if (patch.changedLines() > maxChangedLines) {
            reasons.add("changes " + patch.changedLines() + " lines; the limit is " + maxChangedLines);
        }
        if (patch.newFiles().size() > maxNewFiles) {
            reasons.add("creates " + patch.newFiles().size() + " files; the limit is " + maxNewFiles);
        }
        for (String file : patch.files()) {
            String rel = relativeToProject(file, projectPrefix);
            if (rel == null) {
                reasons.add(file + " is outside the project directory " + projectPrefix);
                continue;
            }
            if (matchesAny(deny, rel) || matchesAny(deny, file)) {
                reasons.add(file + " is on the deny list");
            } else if (!matchesAny(allow, rel)) {
                reasons.add(file + " is not on the allow list " + allow);
            }
            Path onDisk = repoRoot.resolve(file);
            try {
                if (Files.isRegularFile(onDisk) && Files.size(onDisk) > maxFileBytes) {
                    reasons.add(file + " is " + Files.size(onDisk) + " bytes; the limit is " + maxFileBytes);
                }
            } catch (IOException e) {
                reasons.add(file + " cannot be measured: " + e.getMessage());
            }
        }
        return new PolicyDecision(reasons.isEmpty(), reasons);
    }

    private static String relativeToProject(String file, String prefix) {
        if (prefix.isEmpty()) {
            return file;
        }
        return file.startsWith(prefix + "/") ? file.substring(prefix.length() + 1) : null;
    }

    static boolean matchesAny(List<String> globs, String path) {
        Path p = Path.of(path);
        for (String g : globs) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g);
            if (m.matches(p)) {
                return true;
            }
            if (g.startsWith("**/")
                    && FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)).matches(p)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(JsonNode node, List<String> fallback) {
        if (node == null || !node.isArray()) {
            return fallback;
        }
        var out = new ArrayList<String>();
        node.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<String> merge(List<String> a, List<String> b) {
        var out = new ArrayList<>(a);
        b.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}

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
            "**/*.java", "**/*.py", "**/*.kt", "poetry.lock", "uv.lock", "Pipfile", "Pipfile.lock",
            "gradle.lockfile", "requirements.in", "requirements.lock");
    private static final List<String> DEFAULT_DENY = List.of(".git/**", ".aap/**", ".env*", "**/.env*", "**/*.pem", "**/id_*",
            ".github/workflows/**", "**/*.jar", "**/*.class", "**/*.so", "**/*.dll", "**/*.exe", "**/*.bin",
            ".ssh/**", "**/.ssh/**", "**/*.key", "**/*.p12", "**/*.jks", "**/secrets/**", "**/*.secret",
            "vendor/**", "**/vendor/**", "third_party/**", "**/node_modules/**",
            ".gitlab-ci.yml", "Jenkinsfile", "**/*.tf", "**/*.tfvars", "k8s/**", "helm/**", "ansible/**");

    /** Lock files a patch may change only together with their manifest (a dependency change, not a stray edit). */
    private static final java.util.Map<String, List<String>> LOCKS = java.util.Map.of(
            "poetry.lock", List.of("pyproject.toml"), "uv.lock", List.of("pyproject.toml"),
            "Pipfile.lock", List.of("Pipfile"), "package-lock.json", List.of("package.json"),
            "yarn.lock", List.of("package.json"), "pnpm-lock.yaml", List.of("package.json"),
            "gradle.lockfile", List.of("build.gradle", "build.gradle.kts"),
            "requirements.lock", List.of("requirements.txt", "requirements.in"));

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
            List<String> allow = list(n.get("allow"), base.allow);
            // a default deny entry the repository's policy names in its allow list is lifted (workflows, infra code)
            List<String> deny = base.deny.stream().filter(d -> n.get("allow") == null || !allow.contains(d)).toList();
            return new Policy(n.path("max_changed_files").asInt(base.maxChangedFiles),
                    n.path("max_changed_lines").asInt(base.maxChangedLines),
                    n.path("max_new_files").asInt(base.maxNewFiles),
                    n.path("max_file_bytes").asLong(base.maxFileBytes),
                    allow, merge(deny, list(n.get("deny"), List.of())));
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
        List<String> reasons = findings(patch, projectPrefix, repoRoot).stream().map(Finding::message).toList();
        return new PolicyDecision(reasons.isEmpty(), reasons);
    }

    /** The size and path findings on a patch, each blocking, with its rule id. */
    public List<Finding> findings(Patch patch, String projectPrefix, Path repoRoot) {
        var out = new ArrayList<Finding>();
        if (patch.files().size() > maxChangedFiles) {
            out.add(block("max-changed-files", "", "changes " + patch.files().size() + " files; the limit is "
                    + maxChangedFiles));
        }
        if (patch.changedLines() > maxChangedLines) {
            out.add(block("max-changed-lines", "", "changes " + patch.changedLines() + " lines; the limit is "
                    + maxChangedLines));
        }
        if (patch.newFiles().size() > maxNewFiles) {
            out.add(block("max-new-files", "", "creates " + patch.newFiles().size() + " files; the limit is "
                    + maxNewFiles));
        }
        for (String file : patch.files()) {
            String rel = relativeToProject(file, projectPrefix);
            if (rel == null) {
                out.add(block("path-outside-project", file, file + " is outside the project directory "
                        + projectPrefix));
                continue;
            }
            if (matchesAny(deny, rel) || matchesAny(deny, file)) {
                out.add(block("path-denied", file, file + " is on the deny list"));
            } else if (!matchesAny(allow, rel)) {
                out.add(block("path-not-allowed", file, file + " is not on the allow list " + allow));
            }
            lockWithoutManifest(patch, file).ifPresent(out::add);
            Path onDisk = repoRoot.resolve(file);
            try {
                if (Files.isRegularFile(onDisk) && Files.size(onDisk) > maxFileBytes) {
                    out.add(block("max-file-bytes", file, file + " is " + Files.size(onDisk) + " bytes; the limit is "
                            + maxFileBytes));
                }
            } catch (IOException e) {
                out.add(block("max-file-bytes", file, file + " cannot be measured: " + e.getMessage()));
            }
        }
        return out;
    }

    /** A lock file changed while its manifest beside it did not: a dependency change nobody asked for. */
    private static java.util.Optional<Finding> lockWithoutManifest(Patch patch, String file) {
        Path p = Path.of(file);
        List<String> manifests = LOCKS.get(p.getFileName().toString());
        if (manifests == null) {
            return java.util.Optional.empty();
        }
        Path dir = p.getParent();
        boolean withManifest = manifests.stream().map(m -> dir == null ? m : dir.resolve(m).toString())
                .anyMatch(patch.files()::contains);
        return withManifest ? java.util.Optional.empty() : java.util.Optional.of(block("lock-without-manifest", file,
                file + " changes without " + String.join(" or ", manifests) + " beside it"));
    }

    private static Finding block(String rule, String path, String message) {
        return new Finding(rule, Finding.Severity.BLOCK, path, 0, message);
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

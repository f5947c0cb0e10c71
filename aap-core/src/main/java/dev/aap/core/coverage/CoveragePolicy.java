package dev.aap.core.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;
import dev.aap.core.policy.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diff coverage threshold of {@code .aap/policy.yaml} ({@code coverage: {min_diff: 80, severity: warn}}): a
 * measured coverage below {@code minDiff} percent is a finding of that severity; n/a never is.
 *
 * @param minDiff  lowest acceptable diff coverage in percent, 0..100
 * @param severity what falling below it weighs, or null when the rule is off
 */
public record CoveragePolicy(int minDiff, Finding.Severity severity) {

    public static final String RULE = "diff-coverage";

    public CoveragePolicy {
        if (minDiff < 0 || minDiff > 100) {
            throw new BadInputException("coverage.min_diff must be a percentage from 0 to 100, not " + minDiff);
        }
    }

    public static CoveragePolicy defaults() {
        return new CoveragePolicy(80, Finding.Severity.WARN);
    }

    /** Defaults merged with the {@code coverage} section of {@code .aap/policy.yaml} under {@code projectDir}. */
    public static CoveragePolicy load(Path projectDir) {
        Path file = projectDir.resolve(".aap/policy.yaml");
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        JsonNode section;
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            section = root == null ? null : root.get("coverage");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (section == null || section.isNull()) {
            return defaults();
        }
        if (!section.isObject()) {
            throw new BadInputException(file + ": 'coverage' must be a mapping such as {min_diff: 80, severity: warn}");
        }
        Finding.Severity severity = section.has("severity") ? Finding.Severity.parse(section.get("severity").asText())
                : defaults().severity();
        return new CoveragePolicy(section.path("min_diff").asInt(defaults().minDiff()), severity);
    }

    /**
     * The finding for {@code coverage}, placed at its first uncovered line: "diff coverage 62% (5/8 changed lines)
     * is below 80%: uncovered A.java:12,14".
     */
    public Optional<Finding> check(DiffCoverage coverage) {
        if (severity == null || !coverage.available() || coverage.percent() >= minDiff) {
            return Optional.empty();
        }
        Map.Entry<String, List<Integer>> first = coverage.uncovered().entrySet().stream().findFirst().orElse(null);
        String message = "diff coverage " + coverage.summary() + " is below " + minDiff + "%"
                + (first == null ? "" : ": uncovered " + coverage.uncoveredSummary(20));
        return Optional.of(new Finding(RULE, severity, first == null ? "" : first.getKey(),
                first == null ? 0 : first.getValue().get(0), message));
    }
}

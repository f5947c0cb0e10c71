package dev.aap.core.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;
import dev.aap.core.policy.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code gates:} section of {@code .aap/policy.yaml}:
 * {@code {severity: block|warn, timeout_seconds: 120, tools: {mypy: off, flake8: warn}}}.
 *
 * @param severity what a new finding weighs unless its tool says otherwise
 * @param timeout  wall time for one run of one tool (base and branch each get it)
 * @param tools    per tool: its own severity, or absent (null value) when it is switched off
 */
public record GatesConfig(Finding.Severity severity, Duration timeout, Map<String, Optional<Finding.Severity>> tools) {

    public GatesConfig {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new BadInputException("gates.timeout_seconds must be positive");
        }
        tools = Map.copyOf(tools);
        for (String t : tools.keySet()) {
            if (!Tool.NAMES.contains(t)) {
                throw new BadInputException("gates.tools: unknown tool '" + t + "'; the gates are " + Tool.NAMES);
            }
        }
    }

    /** Every configured and installed gate runs, new findings block, two minutes per run. */
    public static GatesConfig defaults() {
        return new GatesConfig(Finding.Severity.BLOCK, Duration.ofSeconds(120), Map.of());
    }

    /** Whether the policy leaves {@code tool} on. */
    public boolean enabled(String tool) {
        return tools.getOrDefault(tool, Optional.of(severity)).isPresent();
    }

    /** The severity of a new finding of {@code tool} (the section's severity unless the tool names its own). */
    public Finding.Severity severityOf(String tool) {
        return tools.getOrDefault(tool, Optional.of(severity)).orElse(severity);
    }

    /** The {@code gates:} section under {@code projectDir}, or the defaults. */
    public static GatesConfig load(Path projectDir) {
        Path file = projectDir.resolve(".aap/policy.yaml");
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return parse(root == null ? null : root.get("gates"), file.toString());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static GatesConfig parse(JsonNode gates, String source) {
        GatesConfig base = defaults();
        if (gates == null || gates.isNull()) {
            return base;
        }
        if (!gates.isObject()) {
            throw new BadInputException(source + ": 'gates' must be a mapping, e.g. "
                    + "'gates: {severity: block, timeout_seconds: 120, tools: {mypy: off}}'");
        }
        Finding.Severity severity = base.severity;
        if (gates.has("severity")) {
            severity = level(gates.get("severity"), "gates.severity", source)
                    .orElseThrow(() -> new BadInputException(source + ": gates.severity is block or warn; switch"
                            + " single tools off under gates.tools"));
        }
        Duration timeout = gates.has("timeout_seconds")
                ? Duration.ofSeconds(gates.get("timeout_seconds").asLong(0)) : base.timeout;
        var tools = new HashMap<String, Optional<Finding.Severity>>();
        JsonNode t = gates.get("tools");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) {
                throw new BadInputException(source + ": 'gates.tools' maps a tool (" + Tool.NAMES
                        + ") to block, warn or off");
            }
            t.fields().forEachRemaining(e -> {
                if (!(e.getValue().isBoolean() && e.getValue().booleanValue())) { // on: the section's severity
                    tools.put(e.getKey(), level(e.getValue(), "gates.tools." + e.getKey(), source));
                }
            });
        }
        return new GatesConfig(severity, timeout, tools);
    }

    /** YAML 1.1 reads a bare {@code off} as false; both spellings mean off. */
    private static Optional<Finding.Severity> level(JsonNode value, String where, String source) {
        if (value.isBoolean() && !value.booleanValue()) {
            return Optional.empty();
        }
        String s = value.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "block" -> Optional.of(Finding.Severity.BLOCK);
            case "warn" -> Optional.of(Finding.Severity.WARN);
            case "off" -> Optional.empty();
            default -> throw new BadInputException(source + ": " + where + " is '" + value.asText()
                    + "'; use block, warn or off");
        };
    }
}

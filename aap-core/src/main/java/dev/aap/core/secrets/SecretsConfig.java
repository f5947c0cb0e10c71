package dev.aap.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A repository's secret-scanning settings, the {@code secrets:} section of {@code .aap/policy.yaml}:
 * {@code {allow_patterns: [regex], allow_paths: [glob], rules: {rule-id: block|warn|off}}}.
 *
 * @param allowPatterns regular expressions; a secret any of them finds (anywhere in the match) is not reported
 * @param allowPaths    globs relative to the repository; files matching them are not scanned
 * @param rules         action per rule id; rules not named here block
 */
public record SecretsConfig(List<String> allowPatterns, List<String> allowPaths, Map<String, RuleAction> rules) {

    public SecretsConfig {
        allowPatterns = List.copyOf(allowPatterns);
        allowPaths = List.copyOf(allowPaths);
        rules = Map.copyOf(rules);
        for (String p : allowPatterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new BadInputException("secrets.allow_patterns: '" + p + "' is not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
        for (String rule : rules.keySet()) {
            if (!SecretScanner.ruleIds().contains(rule)) {
                throw new BadInputException("secrets.rules: unknown rule '" + rule + "'; known rules are "
                        + SecretScanner.ruleIds());
            }
        }
    }

    /** Every rule blocks, nothing beyond the built-in placeholders is allowed. */
    public static SecretsConfig defaults() {
        return new SecretsConfig(List.of(), List.of(), Map.of());
    }

    /** The {@code secrets:} section of {@code .aap/policy.yaml} under {@code projectDir}, or defaults. */
    public static SecretsConfig load(Path projectDir) {
        Path file = projectDir.resolve(".aap/policy.yaml");
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            return root == null || !root.isObject() ? defaults() : fromYaml(root.get("secrets"));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Parses the {@code secrets:} node (null or missing gives defaults); how {@code Policy} reads its sub-tree. */
    public static SecretsConfig fromYaml(JsonNode secrets) {
        if (secrets == null || secrets.isNull() || secrets.isMissingNode()) {
            return defaults();
        }
        if (!secrets.isObject()) {
            throw new BadInputException("secrets: must be a mapping with allow_patterns, allow_paths and rules");
        }
        var rules = new LinkedHashMap<String, RuleAction>();
        JsonNode ruleNode = secrets.path("rules");
        if (!ruleNode.isMissingNode() && !ruleNode.isNull() && !ruleNode.isObject()) {
            throw new BadInputException("secrets.rules: must be a mapping such as {jwt: warn}");
        }
        for (var e : ruleNode.properties()) {
            // YAML 1.1 reads an unquoted off as the boolean false; that is what the user meant
            JsonNode v = e.getValue();
            RuleAction action = v.isBoolean() && !v.asBoolean() ? RuleAction.OFF : RuleAction.parse(v.asText());
            if (action == null) {
                throw new BadInputException("secrets.rules." + e.getKey() + ": '" + e.getValue().asText()
                        + "' must be block, warn or off");
            }
            rules.put(e.getKey(), action);
        }
        return new SecretsConfig(strings(secrets, "allow_patterns"), strings(secrets, "allow_paths"), rules);
    }

    /** What to do with a finding of {@code rule}. */
    public RuleAction action(String rule) {
        return rules.getOrDefault(rule, RuleAction.BLOCK);
    }

    private static List<String> strings(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadInputException("secrets." + key + ": must be a list");
        }
        var out = new ArrayList<String>();
        node.forEach(x -> out.add(x.asText()));
        return out;
    }
}

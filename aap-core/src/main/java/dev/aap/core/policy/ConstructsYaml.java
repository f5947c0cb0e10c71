package dev.aap.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aap.core.BadInputException;
import dev.aap.core.policy.ForbiddenConstructs.Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code constructs} sub-tree of {@code .aap/policy.yaml}; the rest of the file belongs to {@link Policy}.
 * A misspelt rule or severity is refused rather than ignored, so a rule someone meant to relax never silently blocks
 * and one they meant to tighten never silently stays off.
 */
final class ConstructsYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConstructsYaml() {
    }

    static Config load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Config.defaults();
        }
        try {
            return parse(YAML.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static Config parse(String yaml) {
        try {
            return parse(YAML.readTree(yaml), "policy.yaml");
        } catch (IOException e) {
            throw new BadInputException("cannot read policy.yaml: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Config parse(JsonNode root, String source) {
        Config base = Config.defaults();
        JsonNode constructs = root == null ? null : root.get("constructs");
        if (constructs == null || constructs.isNull()) {
            return base;
        }
        if (!constructs.isObject()) {
            throw new BadInputException(source + ": 'constructs' must be a mapping, e.g. "
                    + "'constructs: {rules: {py-eval: warn}, network: {allow_hosts: [localhost]}}'");
        }
        return new Config(rules(constructs.get("rules"), source), hosts(constructs.path("network").get("allow_hosts"),
                base.allowHosts(), source));
    }

    private static Map<String, String> rules(JsonNode node, String source) {
        var out = new HashMap<String, String>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new BadInputException(source + ": 'constructs.rules' must map rule ids to block, warn or off");
        }
        node.fields().forEachRemaining(e -> {
            if (!ForbiddenConstructs.RULES.contains(e.getKey())) {
                throw new BadInputException(source + ": unknown rule '" + e.getKey() + "' under constructs.rules; "
                        + "the rules are " + String.join(", ", ForbiddenConstructs.RULES));
            }
            out.put(e.getKey(), severity(e.getValue(), e.getKey(), source));
        });
        return out;
    }

    /** YAML 1.1 reads a bare {@code off} as false; both spellings mean off. */
    private static String severity(JsonNode value, String rule, String source) {
        if (value.isBoolean() && !value.booleanValue()) {
            return Config.OFF;
        }
        String s = value.asText().strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of(Config.BLOCK, Config.WARN, Config.OFF).contains(s)) {
            throw new BadInputException(source + ": constructs.rules." + rule + " is '" + value.asText()
                    + "'; use block, warn or off");
        }
        return s;
    }

    private static List<String> hosts(JsonNode node, List<String> fallback, String source) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            throw new BadInputException(source + ": 'constructs.network.allow_hosts' must be a list of host names");
        }
        var out = new ArrayList<String>();
        node.forEach(h -> out.add(h.asText()));
        return out;
    }
}

package dev.aap.core.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review's findings as SARIF 2.1.0 ({@code checks/review.sarif}), the format GitHub code scanning and GitLab's
 * security reports read: one run of the tool {@code aap}, one rule per rule id seen, one result per finding.
 */
public final class Sarif {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Sarif() {
    }

    public static ObjectNode render(List<Finding> findings, String toolVersion) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "aap");
        driver.put("semanticVersion", toolVersion);
        driver.put("informationUri", "https://github.com/aap-dev/aap");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            Integer index = ruleIndex.get(f.rule());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(f.rule(), index);
                ObjectNode rule = rules.addObject();
                rule.put("id", f.rule());
                rule.putObject("shortDescription").put("text", f.rule());
                rule.putObject("defaultConfiguration").put("level", level(f));
            }
            ObjectNode result = results.addObject();
            result.put("ruleId", f.rule());
            result.put("ruleIndex", index);
            result.put("level", level(f));
            result.putObject("message").put("text", f.message());
            if (!f.path().isEmpty()) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", f.path()).put("uriBaseId", "%SRCROOT%");
                if (f.line() > 0) {
                    physical.putObject("region").put("startLine", f.line());
                }
            }
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", "file:///");
        return root;
    }

    private static String level(Finding f) {
        return f.blocks() ? "error" : "warning";
    }
}

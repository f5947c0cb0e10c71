package dev.aap.agent.role;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRoleTest {

    @Test
    void extractsAnObjectFromACodeFence() {
        String reply = """
                Here is the plan:
                ```json
                {"steps": ["read Pager", "fix hasNext"], "risk": "low"}
                ```
                Let me know if you need more.""";

        assertThat(JsonRole.parse(reply)).hasValueSatisfying(n -> {
            assertThat(n.get("risk").asText()).isEqualTo("low");
            assertThat(JsonRole.strings(n, "steps")).containsExactly("read Pager", "fix hasNext");
        });
    }

    @Test
    void extractsAnObjectFromProse() {
        assertThat(JsonRole.parse("Sure. {\"verdict\": \"pass\", \"reasons\": []} That is all."))
                .hasValueSatisfying(n -> assertThat(n.get("verdict").asText()).isEqualTo("pass"));
        assertThat(JsonRole.parse("{\"a\": {\"b\": 1}}")).hasValueSatisfying(
                n -> assertThat(n.at("/a/b").asInt()).isEqualTo(1));
    }

    @Test
    void findsTheObjectAfterProseThatContainsBraces() {
        assertThat(JsonRole.parse("The method {@code next} skips a page. {\"verdict\": \"fail\"}"))
                .hasValueSatisfying(n -> assertThat(n.get("verdict").asText()).isEqualTo("fail"));
    }

    @Test
    void givesNothingForTextWithoutAnObject() {
        assertThat(JsonRole.parse(null)).isEmpty();
        assertThat(JsonRole.parse("I could not decide.")).isEmpty();
        assertThat(JsonRole.parse("} backwards {")).isEmpty();
        assertThat(JsonRole.parse("{not: json, really}")).isEmpty();
    }

    @Test
    void keepsTextAndObjectItemsOfAListSkippingBlanks() throws Exception {
        var n = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"items\": [\" a \", \"\", 3, {\"k\": 1}], \"other\": \"x\"}");

        assertThat(JsonRole.strings(n, "items")).containsExactly("a", "{\"k\":1}");
        assertThat(JsonRole.strings(n, "other")).isEmpty();
        assertThat(JsonRole.strings(n, "missing")).isEmpty();
    }
}

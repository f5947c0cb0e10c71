package dev.aap.core.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {

    private static final Redactor REDACTOR = Redactor.create();

    @Test
    void replacesEachSecretWithAPlaceholderNamingItsRule() {
        var keys = new FakeKeys(30);
        String aws = keys.key("aws-access-key");
        String gh = keys.key("github-token");
        String google = keys.key("google-api-key");
        String generic = keys.genericValue();
        String text = "AWS_ACCESS_KEY_ID=" + aws + "\ngh = '" + gh + "'\nmaps: " + google + "\nclient_secret = \""
                + generic + "\"\n";

        String redacted = REDACTOR.redact(text);

        assertThat(redacted).isEqualTo("AWS_ACCESS_KEY_ID=[REDACTED:aws-access-key]\ngh = '[REDACTED:github-token]'\n"
                + "maps: [REDACTED:google-api-key]\nclient_secret = \"[REDACTED:generic-secret]\"\n");
    }

    @Test
    void replacesEveryRuleWithItsOwnType() {
        var keys = new FakeKeys(31);
        for (String rule : List.of("aws-access-key", "github-token", "gitlab-token", "slack-token", "openai-key",
                "anthropic-key", "google-api-key", "jwt", "stripe-key")) {
            String key = keys.key(rule);

            assertThat(REDACTOR.redact("value: " + key + "\n")).isEqualTo("value: [REDACTED:" + rule + "]\n");
        }
        assertThat(REDACTOR.redact("aws_secret_access_key = " + keys.key("aws-secret-key")))
                .isEqualTo("aws_secret_access_key = [REDACTED:aws-secret-key]");
    }

    @Test
    void replacesAPrivateKeyBlockWholeAndKeepsLineNumbers() {
        String block = new FakeKeys(32).privateKey("RSA PRIVATE KEY", "\n");
        String text = "before\n" + block + "\nafter\n";
        int blockLines = (int) block.lines().count();

        Redaction r = REDACTOR.redactWithLines(text);

        assertThat(r.text()).startsWith("before\n[REDACTED:private-key]\n").endsWith("\nafter\n")
                .doesNotContain("BEGIN", "END", block.lines().toList().get(1));
        assertThat(r.text().lines().count()).isEqualTo(text.lines().count());
        assertThat(r.lines()).hasSize(blockLines).first().isEqualTo(2);
        assertThat(r.lines().last()).isEqualTo(blockLines + 1);
    }

    @Test
    void replacesAnEscapedOneLineKeyInJsonWithoutBreakingTheString() {
        String block = new FakeKeys(33).privateKey("PRIVATE KEY", "\\n");
        String json = "{\"type\": \"service_account\", \"private_key\": \"" + block + "\", \"id\": 7}";

        assertThat(REDACTOR.redact(json))
                .isEqualTo("{\"type\": \"service_account\", \"private_key\": \"[REDACTED:private-key]\", \"id\": 7}");
    }

    @Test
    void reportsTheLinesThatHeldSecrets() {
        var keys = new FakeKeys(34);
        String text = "a\nb = " + keys.key("slack-token") + "\nc\nd\ntoken: " + keys.jwt() + "\r\nf\n";

        Redaction r = REDACTOR.redactWithLines(text);

        assertThat(r.lines()).containsExactly(2, 5);
        assertThat(r.redacted()).isTrue();
        assertThat(r.text()).contains("[REDACTED:slack-token]", "token: [REDACTED:jwt]\r\nf");
    }

    @Test
    void isIdempotent() {
        var keys = new FakeKeys(35);
        String text = "key = '" + keys.genericValue() + "'\n" + keys.privateKey() + "\npassword: " + keys.genericValue()
                + "\nurl: https://x.test/?token=" + keys.key("openai-key") + "\n";

        String once = REDACTOR.redact(text);
        Redaction twice = REDACTOR.redactWithLines(once);

        assertThat(once).isNotEqualTo(text);
        assertThat(twice.text()).isEqualTo(once);
        assertThat(twice.redacted()).isFalse();
        assertThat(SecretScanner.create().scan(once)).isEmpty();
    }

    @Test
    void leavesCleanTextUntouched() {
        String code = "String token = tokenService.issue(user);\nsha = \"" + new FakeKeys(36).chars(FakeKeys.HEX, 40)
                + "\"\n";

        Redaction r = REDACTOR.redactWithLines(code);

        assertThat(r.text()).isSameAs(code);
        assertThat(r.lines()).isEmpty();
    }

    @Test
    void honoursTheScannersAllowListAndDisabledRules() {
        var keys = new FakeKeys(37);
        String jwt = keys.jwt();
        String restricted = "rk_live_" + keys.chars(FakeKeys.ALNUM, 30);
        String secret = "sk_live_" + keys.chars(FakeKeys.ALNUM, 30);
        var config = new SecretsConfig(List.of("^rk_live_"), List.of(), Map.of("jwt", RuleAction.OFF));
        String text = "a: " + jwt + "\nb: " + restricted + "\nc: " + secret + "\n";

        String redacted = Redactor.of(SecretScanner.create(config)).redact(text);

        assertThat(redacted).isEqualTo("a: " + jwt + "\nb: " + restricted + "\nc: [REDACTED:stripe-key]\n");
    }

    @Test
    void jsonIsRedactedAsATreeBecauseEscapingHidesTheContextOfAssignedSecrets() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String secret = new FakeKeys(5).key("aws-secret-key");
        String diff = "+aws_secret_access_key = \"" + secret + "\"\n";
        var node = json.createObjectNode().put("diff", diff).put("n", 3);
        node.putArray("more").add("token: " + new FakeKeys(6).key("github-token"));

        String redacted = json.writeValueAsString(Redactor.standard().redactTree(node));

        assertThat(Redactor.standard().redact(json.writeValueAsString(node))).as("escaped quotes hide the assignment")
                .contains(secret);
        assertThat(redacted).doesNotContain(secret).contains("[REDACTED:aws-secret-key]", "[REDACTED:github-token]",
                "\"n\":3");
    }
}

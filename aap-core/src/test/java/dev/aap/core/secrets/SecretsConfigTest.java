package dev.aap.core.secrets;

import dev.aap.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsConfigTest {

    @TempDir
    Path project;

    private void policy(String yaml) throws Exception {
        Files.createDirectories(project.resolve(".aap"));
        Files.writeString(project.resolve(".aap/policy.yaml"), yaml);
    }

    @Test
    void everyRuleBlocksWithoutAPolicyFile() {
        SecretsConfig config = SecretsConfig.load(project);

        assertThat(config).isEqualTo(SecretsConfig.defaults());
        assertThat(SecretScanner.ruleIds()).allMatch(rule -> config.action(rule) == RuleAction.BLOCK);
    }

    @Test
    void readsTheSecretsSectionOfPolicyYaml() throws Exception {
        policy("""
                max_changed_lines: 300
                secrets:
                  allow_patterns: ['^sk_live_0{4}']
                  allow_paths: ['docs/**', '**/fixtures/*.json']
                  rules:
                    jwt: warn
                    generic-secret: OFF
                """);

        SecretsConfig config = SecretsConfig.load(project);

        assertThat(config.allowPatterns()).containsExactly("^sk_live_0{4}");
        assertThat(config.allowPaths()).containsExactly("docs/**", "**/fixtures/*.json");
        assertThat(config.action("jwt")).isEqualTo(RuleAction.WARN);
        assertThat(config.action("generic-secret")).isEqualTo(RuleAction.OFF);
        assertThat(config.action("github-token")).isEqualTo(RuleAction.BLOCK);
    }

    @Test
    void allowedPathsAreNotScannedButOtherPathsAre() throws Exception {
        policy("secrets:\n  allow_paths: ['docs/**', '**/fixtures/*.json']\n");
        var scanner = SecretScanner.create(SecretsConfig.load(project));
        String text = "token: " + new FakeKeys(40).key("gitlab-token") + "\n";

        assertThat(scanner.scan("docs/setup.md", text)).isEmpty();
        assertThat(scanner.scan("src/test/fixtures/login.json", text)).isEmpty();
        assertThat(scanner.scan("fixtures/login.json", text)).isEmpty();
        assertThat(scanner.scan("src/test/java/LoginTest.java", text)).extracting(Finding::rule)
                .containsExactly("gitlab-token");
    }

    @Test
    void allowPatternsMatchAnywhereInTheSecret() throws Exception {
        policy("secrets:\n  allow_patterns: ['TESTONLY']\n");
        var scanner = SecretScanner.create(SecretsConfig.load(project));
        var keys = new FakeKeys(41);

        assertThat(scanner.scan("k: AIza" + "TESTONLY" + keys.chars(FakeKeys.ALNUM, 27))).isEmpty();
        assertThat(scanner.scan("k: " + keys.key("google-api-key"))).hasSize(1);
    }

    @Test
    void offRulesAreNotRun() throws Exception {
        policy("secrets:\n  rules: {generic-secret: off}\n");
        var scanner = SecretScanner.create(SecretsConfig.load(project));
        var keys = new FakeKeys(42);

        assertThat(scanner.scan("password = \"" + keys.genericValue() + "\"")).isEmpty();
        assertThat(scanner.scan("password = \"" + keys.key("openai-key") + "\"")).extracting(Finding::rule)
                .containsExactly("openai-key");
    }

    @Test
    void refusesUnknownRulesActionsAndBadPatternsSayingWhatIsAllowed() throws Exception {
        policy("secrets:\n  rules: {github: block}\n");
        assertThatThrownBy(() -> SecretsConfig.load(project)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown rule 'github'").hasMessageContaining("github-token");

        policy("secrets:\n  rules: {jwt: maybe}\n");
        assertThatThrownBy(() -> SecretsConfig.load(project)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("must be block, warn or off");

        policy("secrets:\n  allow_patterns: ['(unclosed']\n");
        assertThatThrownBy(() -> SecretsConfig.load(project)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'(unclosed' is not a regular expression");

        policy("secrets: [a, b]\n");
        assertThatThrownBy(() -> SecretsConfig.load(project)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("must be a mapping");
    }
}

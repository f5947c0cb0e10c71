package dev.aap.core.policy;

import dev.aap.core.secrets.FakeKeys;
import dev.aap.core.secrets.SecretsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The review's content rules on one edit, before it is written: what the agent loop refuses and tells the model. */
class EditGuardTest {

    private static final EditGuard DEFAULTS = new EditGuard(Policy.defaults(), SecretsConfig.defaults(),
            ForbiddenConstructs.Config.defaults());

    private static final String PY = """
            import os
            import pickle
            import subprocess
            import marshal
            import yaml
            import requests


            def work(cmd, data):
                total = 0
                return total
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            py-shell-true | subprocess.run(cmd, shell=True)
            py-os-system  | os.system(cmd)
            py-os-popen   | os.popen(cmd).read()
            py-eval       | total = eval(data)
            py-exec       | exec(data)
            py-pickle     | total = pickle.loads(data)
            py-yaml-load  | total = yaml.load(data)
            py-marshal    | total = marshal.loads(data)
            py-network    | requests.get('https://evil.example/x')
            """)
    void eachPythonConstructIsRefusedWithItsRuleAndLine(String rule, String statement) {
        String after = PY.replace("    total = 0\n", "    total = 0\n    " + statement + "\n");

        Optional<String> refused = DEFAULTS.problem("app/tool.py", PY, after);

        assertThat(refused).hasValueSatisfying(m -> assertThat(m).contains("REJECTED", "app/tool.py:11: " + rule));
        assertThat(DEFAULTS.problem("app/tool.py", PY, PY.replace("total = 0", "total = 1"))).isEmpty();
    }

    private static final String JAVA = """
            package demo;

            import java.io.*;
            import java.lang.reflect.Field;
            import java.net.*;
            import javax.script.*;

            class Tool {
                Object work(String cmd, InputStream in, Field field) throws Exception {
                    int unrelated = 1;
                    return null;
                }
            }
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            java-runtime-exec    | Runtime.getRuntime().exec(cmd);
            java-process-builder | new ProcessBuilder("sh", "-c", cmd).start();
            java-deserialization | Object o = new ObjectInputStream(in).readObject();
            java-set-accessible  | field.setAccessible(true);
            java-system-exit     | System.exit(3);
            java-script-eval     | new ScriptEngineManager().getEngineByName("js").eval(cmd);
            java-network         | new URL("http://evil.example/x").openStream();
            """)
    void eachJavaConstructIsRefusedWithItsRuleAndLine(String rule, String statement) {
        String after = JAVA.replace("        int unrelated = 1;\n", "        int unrelated = 1;\n        " + statement
                + "\n");

        Optional<String> refused = DEFAULTS.problem("src/main/java/demo/Tool.java", JAVA, after);

        assertThat(refused).hasValueSatisfying(m -> assertThat(m)
                .contains("src/main/java/demo/Tool.java:11: " + rule));
    }

    @Test
    void aConstructTheFileAlreadyHadIsNotIntroducedByAnEditNearIt() {
        String before = PY.replace("    total = 0\n", "    total = 0\n    os.system(cmd)\n");
        String after = before.replace("total = 0", "total = len(cmd)");

        assertThat(DEFAULTS.problem("tool.py", before, after)).isEmpty();
    }

    @Test
    void aRuleTheRepositorySetsToWarnDoesNotRefuseTheEdit() {
        var guard = new EditGuard(Policy.defaults(), SecretsConfig.defaults(),
                ForbiddenConstructs.Config.defaults().with("py-os-system", "warn"));
        String after = PY.replace("    total = 0\n", "    total = 0\n    os.system(cmd)\n");

        assertThat(guard.problem("tool.py", PY, after)).isEmpty();
    }

    private static final List<String> KEY_RULES = List.of("aws-access-key", "aws-secret-key", "github-token",
            "gitlab-token", "slack-token", "openai-key", "anthropic-key", "google-api-key", "private-key", "jwt",
            "stripe-key", "generic-secret");

    /** A Python line (or block) assigning a key of {@code rule} the way code really holds one. */
    static String assignment(String rule, FakeKeys keys) {
        return switch (rule) {
            case "private-key" -> "PEM = \"\"\"" + keys.privateKey() + "\"\"\"";
            case "aws-secret-key" -> "aws_secret_access_key = \"" + keys.key(rule) + "\"";
            case "generic-secret" -> "api_key = \"" + keys.key(rule) + "\"";
            default -> "upstream = \"" + keys.key(rule) + "\"";
        };
    }

    @Test
    void eachKeyFormatAnEditWouldAddIsRefusedWithoutRepeatingTheKey() {
        var keys = new FakeKeys(7);
        String before = "def settings():\n    return {}\n";
        for (String rule : KEY_RULES) {
            String line = assignment(rule, keys);
            String after = line + "\n\n\n" + before;

            Optional<String> refused = DEFAULTS.problem("app/settings.py", before, after);

            assertThat(refused).as(rule).hasValueSatisfying(m -> {
                assertThat(m).contains("app/settings.py:1 (" + rule + ")", "environment");
                String secret = line.substring(line.indexOf('"') + 1).replace("\"", "");
                assertThat(m).doesNotContain(secret.substring(0, Math.min(30, secret.length())));
            });
        }
    }

    @Test
    void aKeyOnAnAllowedPathOrWithAWarnRuleIsNotRefused() throws Exception {
        String token = new FakeKeys(3).key("github-token");
        String after = "TOKEN = \"" + token + "\"\n";
        var config = SecretsConfig.fromYaml(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                "allow_paths: ['tests/fixtures/**']\nrules: {github-token: warn}\n"));
        var allowPath = new EditGuard(Policy.defaults(), SecretsConfig.fromYaml(
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree("allow_paths: ['tests/fixtures/**']\n")), ForbiddenConstructs.Config.defaults());

        assertThat(allowPath.problem("tests/fixtures/tokens.py", "", after)).isEmpty();
        assertThat(allowPath.problem("app/tokens.py", "", after)).isPresent();
        assertThat(new EditGuard(Policy.defaults(), config, ForbiddenConstructs.Config.defaults())
                .problem("app/tokens.py", "", after)).isEmpty();
    }

    @Test
    void theLinesHoldingASecretCannotBeEditedThroughButTheLinesAroundThemCan() {
        var keys = new FakeKeys(11);
        String key = keys.key("aws-access-key");
        String before = "TIMEOUT = 3\nAWS_KEY = \"" + key + "\"\nRETRIES = 1\n";

        assertThat(DEFAULTS.problem("conf.py", before, before.replace("TIMEOUT = 3", "TIMEOUT = 30"))).isEmpty();
        assertThat(DEFAULTS.problem("conf.py", before, "import os\n" + before)).as("the line moves, unchanged")
                .isEmpty();
        assertThat(DEFAULTS.problem("conf.py", before,
                before.replace("AWS_KEY = \"" + key + "\"", "AWS_KEY = \"[REDACTED:aws-access-key]\"")))
                .hasValueSatisfying(m -> assertThat(m).contains("line 2 ([REDACTED:aws-access-key])",
                        "exactly as they are").doesNotContain(key));
        assertThat(DEFAULTS.problem("conf.py", before, "TIMEOUT = 3\nRETRIES = 1\n")).as("deleted").isPresent();
        assertThat(DEFAULTS.problem("conf.py", before, before.replace(key, key.substring(0, 10) + "X"
                + key.substring(11)))).as("one character changed").isPresent();
    }

    @ParameterizedTest(name = "limit {0}: a file of limit bytes passes, limit + 1 is refused")
    @ValueSource(ints = {10, 4096})
    void theFileSizeLimitHoldsAtTheLimitAndRefusesOnePast(int limit) {
        var policy = new Policy(20, 1000, 10, limit, Policy.defaults().allow(), Policy.defaults().deny());
        var guard = new EditGuard(policy, SecretsConfig.defaults(), ForbiddenConstructs.Config.defaults());

        assertThat(guard.problem("notes.txt", "", "x".repeat(limit))).isEmpty();
        assertThat(guard.problem("notes.txt", "", "x".repeat(limit + 1)))
                .hasValueSatisfying(m -> assertThat(m).contains((limit + 1) + " bytes", "the " + limit));
    }

    @Test
    void theGuardReadsTheRepositorysPolicyFile(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve(".aap"));
        Files.writeString(project.resolve(".aap/policy.yaml"), "max_file_bytes: 50\nconstructs:\n  rules: {py-eval: \"off\"}\n");
        var guard = EditGuard.load(project);

        assertThat(guard.problem("t.py", "", "x = eval('1')\n")).isEmpty();
        assertThat(guard.problem("t.py", "", "x = 1\n" + "#".repeat(60) + "\n")).isPresent();
    }
}

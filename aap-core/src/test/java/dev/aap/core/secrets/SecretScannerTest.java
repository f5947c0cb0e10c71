package dev.aap.core.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScannerTest {

    private static final SecretScanner SCANNER = SecretScanner.create();
    private static final List<String> SINGLE_LINE_RULES = List.of("aws-access-key", "aws-secret-key", "github-token",
            "gitlab-token", "slack-token", "openai-key", "anthropic-key", "google-api-key", "jwt", "stripe-key",
            "generic-secret");

    /** A source file of one language holding {@code value} under {@code name} (snake case). */
    record Context(String language, String path, String text) {

        static List<Context> all(String name, String value) {
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            return List.of(
                    new Context("java", "src/main/java/app/Config.java", "package app;\n\nclass Config {\n"
                            + "    private static final String " + upper + " = \"" + value + "\";\n}\n"),
                    new Context("java-field", "src/main/java/app/Client.java", "class Client {\n"
                            + "    String " + camel(name) + " = \"" + value + "\";\n}\n"),
                    new Context("python", "app/settings.py", "import os\n\n" + name + " = '" + value + "'\n"),
                    new Context("yaml", "config/app.yaml", "service:\n  port: 8080\n  " + name + ": " + value + "\n"),
                    new Context("yaml-quoted", "config/app.yml", "service:\n  " + name + ": \"" + value + "\"\n"),
                    new Context("json", "config/app.json", "{\n  \"port\": 8080,\n  \"" + name + "\": \"" + value
                            + "\"\n}\n"),
                    new Context("env", ".env", "PORT=8080\n" + upper + "=" + value + "\n"),
                    new Context("properties", "src/main/resources/app.properties",
                            "server.port=8080\napp." + name.replace('_', '-') + "=" + value + "\n"));
        }

        private static String camel(String snake) {
            var b = new StringBuilder();
            boolean up = false;
            for (char c : snake.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    b.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return b.toString();
        }
    }

    static Stream<Arguments> singleLineKeysInContexts() {
        var keys = new FakeKeys(10);
        var out = new ArrayList<Arguments>();
        for (String rule : SINGLE_LINE_RULES) {
            String name = switch (rule) {
                case "aws-secret-key" -> "aws_secret_access_key";
                case "generic-secret" -> "client_secret";
                default -> "upstream_setting";
            };
            for (int i = 0; i < 3; i++) {
                String key = keys.key(rule);
                for (Context c : Context.all(name, key)) {
                    out.add(Arguments.of(rule, c.language(), c.path(), c.text(), key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("singleLineKeysInContexts")
    void findsEachKeyFormatInEachLanguageWithItsRuleAndPlace(String rule, String language, String path, String text,
                                                              String key) {
        List<Finding> found = SCANNER.scan(path, text);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(rule);
            assertThat(f.path()).isEqualTo(path);
            String line = text.lines().toList().get(f.line() - 1);
            assertThat(line.substring(f.start(), f.end())).isEqualTo(key);
            assertThat(f.preview()).startsWith(key.substring(0, 4)).doesNotContain(key.substring(4, 8));
        });
    }

    static Stream<Arguments> privateKeysInContexts() {
        var keys = new FakeKeys(11);
        var out = new ArrayList<Arguments>();
        for (String kind : FakeKeys.PRIVATE_KEY_KINDS) {
            out.add(Arguments.of(kind, "java", "src/main/java/app/Keys.java",
                    "class Keys {\n    static final String KEY = \"" + keys.privateKey(kind, "\\n") + "\";\n}\n"));
            out.add(Arguments.of(kind, "python", "app/keys.py",
                    "KEY = \"\"\"" + keys.privateKey(kind, "\n") + "\"\"\"\n"));
            out.add(Arguments.of(kind, "yaml", "deploy/tls.yaml",
                    "tls:\n  key: |\n    " + keys.privateKey(kind, "\n    ") + "\n  port: 443\n"));
            out.add(Arguments.of(kind, "json", "creds.json",
                    "{\"type\": \"service_account\", \"private_key\": \"" + keys.privateKey(kind, "\\n") + "\"}\n"));
            out.add(Arguments.of(kind, "env", ".env", "PRIVATE_KEY=\"" + keys.privateKey(kind, "\\n") + "\"\n"));
            out.add(Arguments.of(kind, "pem", "id_test", keys.privateKey(kind, "\n") + "\n"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("privateKeysInContexts")
    void findsPrivateKeyBlocksOfEveryKindInEachLanguage(String kind, String language, String path, String text) {
        List<Finding> found = SCANNER.scan(path, text);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("private-key");
            String line = text.lines().toList().get(f.line() - 1);
            assertThat(line.substring(f.start())).startsWith("-----BEGIN " + kind + "-----");
        });
    }

    @Test
    void findsAKeyWhoseEndLineIsMissing() {
        String truncated = new FakeKeys(12).privateKey("RSA PRIVATE KEY", "\n").lines()
                .limit(6).reduce((a, b) -> a + "\n" + b).orElseThrow();

        assertThat(SCANNER.scan(truncated)).extracting(Finding::rule).containsExactly("private-key");
    }

    @Test
    void ignoresPemHeadersInCodeThatParsesKeys() {
        String code = """
                static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
                static final String END = "-----END PRIVATE KEY-----";
                if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) { return parsePkcs1(pem); }
                String cert = "-----BEGIN CERTIFICATE-----";
                """;

        assertThat(SCANNER.scan(code)).isEmpty();
    }

    @Test
    void findsEveryKeyOnALineAndNumbersLinesFromOne() {
        var keys = new FakeKeys(13);
        String gh = keys.key("github-token");
        String aws = keys.key("aws-access-key");
        String text = "first line\nsecond line\nenv GITHUB=" + gh + " AWS=" + aws + "\n";

        List<Finding> found = SCANNER.scan(text);

        assertThat(found).extracting(Finding::rule).containsExactly("github-token", "aws-access-key");
        assertThat(found).extracting(Finding::line).containsExactly(3, 3);
        assertThat(found.get(1).start()).isEqualTo(text.lines().toList().get(2).indexOf(aws));
    }

    @Test
    void prefersTheProviderRuleWhenANamedValueIsAlsoAKnownFormat() {
        String token = new FakeKeys(14).key("github-token");

        assertThat(SCANNER.scan("api_token = \"" + token + "\"\n")).extracting(Finding::rule)
                .containsExactly("github-token");
    }

    @Test
    void skipsDocumentationPlaceholdersButNotTestFixtures() {
        String placeholders = """
                AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
                GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
                api_key: your-api-key-here
                token: ${GITHUB_TOKEN}
                password = "<your password goes here>"
                secret: changeme-changeme-changeme
                client_secret = "aaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                OPENAI_API_KEY=sk-...
                """;
        String fixture = "    @Test void usesKey() { client.login(\"" + new FakeKeys(15).key("stripe-key") + "\"); }\n";

        assertThat(SCANNER.scan("README.md", placeholders)).isEmpty();
        assertThat(SCANNER.scan("src/test/java/app/ClientTest.java", fixture)).extracting(Finding::rule)
                .containsExactly("stripe-key");
    }

    @Test
    void tellsJwtsFromOtherDottedBase64() {
        var keys = new FakeKeys(16);
        String noAlg = FakeKeys.base64Url("{\"typ\":\"JWT\",\"kid\":\"k1\"}".getBytes())
                + "." + FakeKeys.base64Url(keys.bytes(30)) + "." + FakeKeys.base64Url(keys.bytes(32));

        assertThat(SCANNER.scan("Authorization: Bearer " + keys.jwt())).extracting(Finding::rule).containsExactly("jwt");
        assertThat(SCANNER.scan("value: " + noAlg)).isEmpty();
    }

    @Test
    void readsAnnotatedPythonAndGoShortAssignments() {
        var keys = new FakeKeys(17);

        assertThat(SCANNER.scan("API_KEY: str = \"" + keys.genericValue() + "\"\n")).hasSize(1);
        assertThat(SCANNER.scan("authToken := \"" + keys.genericValue() + "\"\n")).hasSize(1);
        assertThat(SCANNER.scan("'password' => '" + keys.genericValue() + "',\n")).hasSize(1);
    }

    @Test
    void findsValuesInCommandLinesQueryStringsAndSubscripts() {
        var keys = new FakeKeys(18);
        String a = keys.genericValue();
        String b = keys.genericValue();
        String c = keys.genericValue();
        String text = "mvn -Dgpg.passphrase=" + a + " deploy\nGET /v1/items?api_key=" + b + "&format=json\n"
                + "os.environ['SECRET_KEY'] = '" + c + "'\n";

        List<Finding> found = SCANNER.scan(text);

        assertThat(found).extracting(Finding::rule).containsOnly("generic-secret").hasSize(3);
        assertThat(Redactor.create().redact(text)).isEqualTo("mvn -Dgpg.passphrase=[REDACTED:generic-secret] deploy\n"
                + "GET /v1/items?api_key=[REDACTED:generic-secret]&format=json\n"
                + "os.environ['SECRET_KEY'] = '[REDACTED:generic-secret]'\n");
    }

    @Test
    void ignoresRandomValuesUnderNamesThatMakeThemPublic() {
        var keys = new FakeKeys(19);
        String text = "cache.key = \"" + keys.chars(FakeKeys.HEX, 32) + "\"\npublic_key: " + keys.genericValue()
                + "\nsigning_key_id = \"" + keys.genericValue() + "\"\nidempotencyKey: " + keys.genericValue()
                + "\nmax_tokens = 4096\n";

        assertThat(SCANNER.scan(text)).isEmpty();
    }

    @Test
    void oneScannerServesManyThreadsWithTheSameAnswers() throws Exception {
        var keys = new FakeKeys(20);
        var texts = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            texts.add("a = 1\ntoken: " + keys.key(SINGLE_LINE_RULES.get(i % SINGLE_LINE_RULES.size())) + "\n"
                    + keys.privateKey() + "\n");
        }
        var expected = texts.stream().map(SCANNER::scan).toList();

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new ArrayList<java.util.concurrent.Future<List<List<Finding>>>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> texts.stream().map(SCANNER::scan).toList()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        }
        assertThat(expected).allSatisfy(found -> assertThat(found).hasSize(2));
    }
}

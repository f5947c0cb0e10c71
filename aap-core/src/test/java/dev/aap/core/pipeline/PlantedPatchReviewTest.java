package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.run.RunResult;
import dev.aap.core.run.RunStatus;
import dev.aap.core.secrets.FakeKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patches forced past any edit loop (a brain that writes files directly) reach the review, which blocks them with
 * one reason per finding naming file:line and the rule: every forbidden construct in both languages, every key
 * format, a weakened test, and paths the policy does not allow. The tests pass on every one of these branches, so
 * only the review stands between them and a branch. Real git, real pytest in bubblewrap.
 */
class PlantedPatchReviewTest {

    @TempDir
    Path dir;

    private static final String STOCK = """
            class Stock:
                def __init__(self, units):
                    self.units = units

                def remove(self, n):
                    self.units += n
                    return self.units
            """;
    private static final String FIXED = STOCK.replace("self.units += n", "self.units -= n");
    private static final String TEST = """
            from stock import Stock


            def test_remove_some():
                assert Stock(5).remove(2) == 3


            def test_remove_none():
                assert Stock(5).remove(0) == 5
            """;


    @Test
    void everyForbiddenConstructInBothLanguagesIsBlockedWithItsPlace() throws Exception {
        String python = """
                import os, subprocess, pickle, yaml, marshal, requests


                def work(cmd, data):
                    subprocess.run(cmd, shell=True)
                    os.system(cmd)
                    os.popen(cmd)
                    eval(data)
                    exec(data)
                    pickle.loads(data)
                    yaml.load(data)
                    marshal.loads(data)
                    requests.get('https://evil.example/x')
                """;
        String java = """
                package demo;

                import java.io.*;
                import java.lang.reflect.Field;
                import java.net.*;
                import javax.script.*;

                class Tool {
                    Object work(String cmd, InputStream in, Field field) throws Exception {
                        Runtime.getRuntime().exec(cmd);
                        new ProcessBuilder("sh", "-c", cmd).start();
                        Object o = new ObjectInputStream(in).readObject();
                        field.setAccessible(true);
                        System.exit(3);
                        new ScriptEngineManager().getEngineByName("js").eval(cmd);
                        return new URL("http://evil.example/x").openStream();
                    }
                }
                """;

        RunResult r = run(Map.of("stock.py", FIXED, "tools.py", python, "src/main/java/demo/Tool.java", java));

        assertBlocked(r);
        List<String> expected = List.of("tools.py:5: py-shell-true", "tools.py:6: py-os-system",
                "tools.py:7: py-os-popen", "tools.py:8: py-eval", "tools.py:9: py-exec", "tools.py:10: py-pickle",
                "tools.py:11: py-yaml-load", "tools.py:12: py-marshal", "tools.py:13: py-network",
                "Tool.java:10: java-runtime-exec", "Tool.java:11: java-process-builder",
                "Tool.java:12: java-deserialization", "Tool.java:13: java-set-accessible",
                "Tool.java:14: java-system-exit", "Tool.java:15: java-script-eval", "Tool.java:16: java-network");
        for (String e : expected) {
            assertThat(r.policyReasons()).as(e).anyMatch(reason -> reason.contains(e));
        }
        assertThat(r.policyReasons()).hasSize(expected.size());
        assertThat(sarifRules(r)).containsAll(expected.stream().map(e -> e.substring(e.lastIndexOf(' ') + 1))
                .toList());
    }

    @Test
    void everyKeyFormatIsBlockedAndAppearsNowhereInTheRunsRecords() throws Exception {
        var keys = new FakeKeys(2027);
        var rules = List.of("aws-access-key", "aws-secret-key", "github-token", "gitlab-token", "slack-token",
                "openai-key", "anthropic-key", "google-api-key", "private-key", "jwt", "stripe-key", "generic-secret");
        var settings = new StringBuilder("\"\"\"Deployment settings.\"\"\"\n");
        var lines = new LinkedHashMap<String, Integer>();
        var secrets = new ArrayList<String>();
        for (String rule : rules) {
            int line = (int) settings.chars().filter(c -> c == '\n').count() + 1;
            lines.put(rule, line);
            String value = rule.equals("private-key") ? keys.privateKey() : keys.key(rule);
            secrets.add(rule.equals("private-key") ? value.lines().skip(1).findFirst().orElseThrow() : value);
            settings.append(switch (rule) {
                case "private-key" -> "PEM = \"\"\"" + value + "\"\"\"";
                case "aws-secret-key" -> "aws_secret_access_key = \"" + value + "\"";
                case "generic-secret" -> "api_key = \"" + value + "\"";
                default -> rule.replace('-', '_') + "_value = \"" + value + "\"";
            }).append("\n");
        }

        RunResult r = run(Map.of("stock.py", FIXED, "settings.py", settings.toString()));

        assertBlocked(r);
        lines.forEach((rule, line) -> assertThat(r.policyReasons()).as(rule)
                .anyMatch(reason -> reason.contains("(" + rule + ",") && reason.contains("settings.py:" + line)));
        String records = Files.readString(Path.of(r.runDir()).resolve("run.json"))
                + Files.readString(Path.of(r.runDir()).resolve("pr.md"))
                + Files.readString(Path.of(r.runDir()).resolve("checks/review.sarif"))
                + Files.readString(Path.of(r.runDir()).resolve("events.jsonl"));
        for (String s : secrets) {
            assertThat(records).as("a key in the run's records").doesNotContain(s);
        }
    }

    @Test
    void aWeakenedTestIsBlockedWithItsPlace() throws Exception {
        String weakened = TEST.replace("assert Stock(5).remove(0) == 5", "assert Stock(5).remove(0) is not None");

        RunResult r = run(Map.of("stock.py", FIXED, "test_stock.py", weakened));

        assertBlocked(r);
        assertThat(r.policyReasons()).singleElement().asString().contains("test_stock.py:9");
        assertThat(sarifRules(r)).contains("test-weakened");
    }

    @Test
    void pathsThePolicyDeniesOrDoesNotAllowAreBlocked() throws Exception {
        RunResult r = run(Map.of("stock.py", FIXED, ".github/workflows/ci.yml", "on: push\n",
                "scripts/release.sh", "echo release\n", "deploy/main.tf", "resource \"x\" \"y\" {}\n"));

        assertBlocked(r);
        assertThat(r.policyReasons()).hasSize(3);
        assertThat(String.join("\n", r.policyReasons())).contains(".github/workflows/ci.yml", "scripts/release.sh",
                "deploy/main.tf");
    }

    private static void assertBlocked(RunResult r) {
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.NEEDS_HUMAN);
        assertThat(r.message()).startsWith("blocked by policy");
        assertThat(r.branch()).as("no branch for a blocked patch").isNull();
        assertThat(r.tests().failToPass()).as("the tests pass: only the review stops it")
                .containsExactly("test_stock.py::test_remove_some");
    }

    private static List<String> sarifRules(RunResult r) throws Exception {
        var sarif = new ObjectMapper().readTree(Path.of(r.runDir()).resolve("checks/review.sarif").toFile());
        var out = new ArrayList<String>();
        sarif.path("runs").get(0).path("results").forEach(x -> out.add(x.path("ruleId").asText()));
        return out;
    }

    private RunResult run(Map<String, String> change) throws Exception {
        return new FixedBrain(change).runOn(dir, FixedBrain.repo(dir, Map.of("stock.py", STOCK, "test_stock.py", TEST)));
    }
}

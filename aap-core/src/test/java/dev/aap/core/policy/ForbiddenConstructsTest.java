package dev.aap.core.policy;

import dev.aap.core.BadInputException;
import dev.aap.core.policy.ForbiddenConstructs.Change;
import dev.aap.core.policy.ForbiddenConstructs.Config;
import dev.aap.core.policy.ForbiddenConstructs.Finding;
import dev.aap.core.policy.ForbiddenConstructs.Report;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForbiddenConstructsTest {

    private static final Config DEFAULTS = Config.defaults();

    /** Line (1-based) of the first line of {@code text} holding {@code needle}. */
    static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in\n" + text);
    }

    @Nested
    class Java {

        private static final String PATH = "src/main/java/demo/Tool.java";

        /** A class whose {@code work} method ends with {@code body}; {@code imports} are single-type imports. */
        static String source(String imports, String body) {
            return """
                    package demo;

                    import java.io.*;
                    import java.lang.reflect.Field;
                    import java.net.*;
                    import java.net.http.*;
                    import javax.script.*;
                    %s

                    class Tool {

                        private final ScriptEngine shared = null;

                        Object work(String cmd, InputStream in, Field field) throws Exception {
                            int unrelated = 1;
                            %s
                            return null;
                        }
                    }
                    """.formatted(imports, body.replace("\n", "\n        "));
        }

        @ParameterizedTest(name = "{0}: {2}")
        @CsvSource(delimiter = '|', textBlock = """
                java-runtime-exec    |                                            | Runtime.getRuntime().exec(cmd);
                java-runtime-exec    |                                            | Runtime rt = Runtime.getRuntime();\\nrt.exec(new String[] {cmd});
                java-runtime-exec    |                                            | var rt = java.lang.Runtime.getRuntime();\\nrt.exec(cmd);
                java-process-builder |                                            | new ProcessBuilder("sh", "-c", cmd).start();
                java-process-builder |                                            | Process p = new java.lang.ProcessBuilder(List.of(cmd)).start();
                java-deserialization |                                            | Object o = new ObjectInputStream(in).readObject();
                java-deserialization |                                            | ObjectInputStream ois = new ObjectInputStream(in);\\nObject o = ois.readObject();
                java-deserialization |                                            | Object s = new ObjectInputStream(in);\\nObject o = ((ObjectInput) s).readObject();
                java-set-accessible  |                                            | field.setAccessible(true);
                java-system-exit     |                                            | System.exit(3);
                java-system-exit     | import static java.lang.System.exit;       | exit(3);
                java-system-exit     |                                            | Runtime.getRuntime().halt(3);
                java-script-eval     |                                            | new ScriptEngineManager().getEngineByName("js").eval(cmd);
                java-script-eval     |                                            | ScriptEngine engine = new ScriptEngineManager().getEngineByName("js");\\nengine.eval(cmd);
                java-script-eval     |                                            | shared.eval(cmd);
                java-network         |                                            | new URL("http://evil.example/x").openStream();
                java-network         |                                            | URI target = URI.create("https://evil.example:8443/api");
                java-network         |                                            | HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://evil.example/")).build(), null);
                java-network         |                                            | new Socket("evil.example", 25).close();
                java-network         | import static java.net.URI.create;         | Object u = create("http://evil.example");
                """)
        void findsAnIntroducedConstructWithItsLineAndRule(String rule, String imports, String body) {
            String code = body.replace("\\n", "\n");
            String after = source(imports == null ? "import java.util.List;" : imports + "\nimport java.util.List;",
                    code);
            String before = source("import java.util.List;", "");
            String last = code.lines().reduce((a, b) -> b).orElseThrow();

            List<Finding> found = ForbiddenConstructs.introduced(PATH, before, after, DEFAULTS);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(rule);
                assertThat(f.path()).isEqualTo(PATH);
                assertThat(f.line()).isEqualTo(lineOf(after, last.strip()));
                assertThat(f.severity()).isEqualTo("block");
                assertThat(f.blocks()).isTrue();
                assertThat(f.message()).startsWith(PATH + ":" + f.line() + ": " + rule + ": ");
            });
        }

        @Test
        void aNewFileIntroducesEverythingItHolds() {
            String after = source("", "System.exit(1);\nnew ProcessBuilder(cmd);");

            assertThat(ForbiddenConstructs.introduced(PATH, null, after, DEFAULTS))
                    .extracting(Finding::rule).containsExactly("java-system-exit", "java-process-builder");
        }

        @Test
        void aConstructAlreadyAtBaseIsNotIntroducedWhenUnrelatedEditsMoveIt() {
            String before = source("", "Runtime.getRuntime().exec(cmd);\nSystem.exit(1);");
            String after = source("import java.util.Map;", """
                    Map<String, String> env = Map.of();
                    int more = unrelated + 1;
                    // the same calls, reformatted and moved down
                    Runtime.getRuntime()
                        .exec(cmd);
                    System.exit( 1 );""");

            assertThat(ForbiddenConstructs.introduced(PATH, before, after, DEFAULTS)).isEmpty();
        }

        @Test
        void aSecondCopyOfAConstructAlreadyAtBaseIsIntroduced() {
            String before = source("", "System.exit(1);");
            String after = source("", "System.exit(1);\nif (cmd == null) System.exit(1);");

            assertThat(ForbiddenConstructs.introduced(PATH, before, after, DEFAULTS))
                    .extracting(Finding::rule, Finding::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("java-system-exit",
                            lineOf(after, "if (cmd == null)")));
        }

        @Test
        void aNameSpeltWithUnicodeEscapesIsStillFound() {
            String after = source("", "System.\\u0065xit(1);");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS))
                    .extracting(Finding::rule, Finding::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("java-system-exit", lineOf(after, "System.")));
        }

        @Test
        void constructsInCommentsAndStringsAreNotFound() {
            String after = source("", """
                    // Runtime.getRuntime().exec(cmd); System.exit(1);
                    /* new ProcessBuilder(cmd) */
                    String s = "field.setAccessible(true); new URL(\\"http://evil.example\\")";""");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS)).isEmpty();
        }

        @Test
        void lookalikesOnOtherTypesAreNotFound() {
            String after = source("", """
                    Executor runner = null;
                    runner.exec(cmd);
                    Model model = null;
                    model.eval(cmd);
                    field.setAccessible(false);
                    DataInputStream data = new DataInputStream(in);
                    data.readObject();
                    new URL("file:///tmp/x");""");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS)).isEmpty();
        }

        @Test
        void allowedHostsAreNotFound() {
            String after = source("", """
                    new URL("http://localhost:8080/health");
                    new Socket("127.0.0.1", 5432);
                    URI.create("https://api.partner.example/v1");
                    URI.create("https://eu.cdn.example/v1");""");
            Config config = DEFAULTS.withAllowHosts(List.of("localhost", "127.0.0.1", "API.partner.example",
                    "*.cdn.example"));

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, config)).isEmpty();
            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS))
                    .extracting(Finding::snippet).containsExactly("URI.create(\"https://api.partner.example/v1\")",
                            "URI.create(\"https://eu.cdn.example/v1\")");
        }

        @Test
        void aRuleSetToWarnWarnsAndARuleSetOffFindsNothing() {
            String after = source("", "System.exit(1);\nnew ProcessBuilder(cmd);");
            Config config = DEFAULTS.with("java-system-exit", "warn").with("java-process-builder", "off");

            assertThat(ForbiddenConstructs.introduced(PATH, null, after, config)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("java-system-exit");
                assertThat(f.severity()).isEqualTo("warn");
                assertThat(f.blocks()).isFalse();
            });
        }

        @Test
        void brokenSyntaxGivesANoteAndNoFindings() {
            String broken = "class Tool { void work() { System.exit(1); ";

            Report report = ForbiddenConstructs.introduced(List.of(new Change(PATH, source("", ""), broken),
                    new Change("src/main/java/demo/Old.java", broken, source("", "System.exit(2);"))), DEFAULTS);

            assertThat(report.findings()).isEmpty();
            assertThat(report.notes()).hasSize(2);
            assertThat(report.notes().get(0)).startsWith(PATH + ": not checked").contains("changed text does not parse");
            assertThat(report.notes().get(1)).contains("Old.java").contains("base text does not parse");
        }
    }

    @Nested
    class Python {

        private static final String PATH = "app/tool.py";

        static String source(String imports, String body) {
            return """
                    import os
                    import subprocess
                    %s


                    def work(cmd, data, f):
                        unrelated = 1
                        %s
                        return None
                    """.formatted(imports, body.replace("\n", "\n    "));
        }

        @ParameterizedTest(name = "{0}: {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                py-shell-true | import shlex                      | subprocess.run(cmd, shell=True)
                py-shell-true | import subprocess as sp           | sp.check_output(cmd, shell=True, text=True)
                py-shell-true | from subprocess import Popen      | Popen(cmd, shell=1)
                py-shell-true | from subprocess import *          | status, out = getstatusoutput(cmd)
                py-os-system  | import shlex                      | os.system(cmd)
                py-os-system  | from os import system             | system(cmd)
                py-os-system  | from os import system as run_it   | run_it(cmd)
                py-os-system  | import shlex                      | __import__('os').system(cmd)
                py-shell-true | import shlex                      | launch = subprocess.Popen; launch(cmd, shell=True)
                py-os-popen   | import shlex                      | out = os.popen(cmd).read()
                py-eval       | import shlex                      | value = eval(data)
                py-exec       | import shlex                      | exec(data)
                py-pickle     | import pickle                     | pickle.loads(data)
                py-pickle     | import cPickle                    | cPickle.load(f)
                py-pickle     | import dill as d                  | d.loads(data)
                py-yaml-load  | import yaml                       | yaml.load(f)
                py-yaml-load  | import yaml                       | yaml.load(f, Loader=yaml.Loader)
                py-marshal    | import marshal                    | marshal.loads(data)
                py-network    | import requests                   | requests.get('http://evil.example/x')
                py-network    | import requests as r              | r.post(url='https://evil.example/api', json={})
                py-network    | import urllib.request             | urllib.request.urlopen('https://evil.example')
                py-network    | from urllib.request import urlopen | urlopen('http://evil.example/x')
                py-network    | import http.client                | http.client.HTTPConnection('evil.example')
                py-network    | import socket                     | socket.create_connection(('evil.example', 80))
                """)
        void findsAnIntroducedConstructWithItsLineAndRule(String rule, String imports, String body) {
            String after = source(imports, body);
            String before = source(imports, "");

            List<Finding> found = ForbiddenConstructs.introduced(PATH, before, after, DEFAULTS);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo(rule);
                assertThat(f.path()).isEqualTo(PATH);
                assertThat(f.line()).isEqualTo(lineOf(after, body.strip()));
                assertThat(f.severity()).isEqualTo("block");
                assertThat(f.message()).isEqualTo(PATH + ":" + f.line() + ": " + rule + ": " + f.snippet());
            });
        }

        @Test
        void aConstructAlreadyAtBaseIsNotIntroducedWhenUnrelatedEditsMoveIt() {
            String before = source("import subprocess as sp", "sp.run(cmd, shell=True)\nos.system(cmd)");
            String after = source("import json\nimport subprocess as sp", """
                    payload = json.dumps({"cmd": cmd})
                    # same calls, reformatted and moved down; the alias is now spelt out
                    subprocess.run(
                        cmd,
                        shell=True,
                    )
                    os.system(cmd)""");

            assertThat(ForbiddenConstructs.introduced(PATH, before, after, DEFAULTS)).isEmpty();
        }

        @Test
        void constructsInCommentsDocstringsAndStringsAreNotFound() {
            String after = source("", """
                    \"\"\"Never call os.system(cmd) or eval(data) here.\"\"\"
                    # subprocess.run(cmd, shell=True)
                    text = "pickle.loads(data); requests.get('http://evil.example')\"""");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS)).isEmpty();
        }

        @Test
        void safeFormsAndLookalikesAreNotFound() {
            String after = source("import yaml\nfrom yaml import CSafeLoader\nimport requests", """
                    yaml.load(f, Loader=yaml.SafeLoader)
                    yaml.load(f, CSafeLoader)
                    yaml.safe_load(f)
                    subprocess.run([cmd], shell=False)
                    subprocess.run([cmd])
                    model = object()
                    model.eval()
                    requests.get(data)
                    requests.get('http://localhost:8000/health')""");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS)).isEmpty();
        }

        @Test
        void aLocallyDefinedEvalIsNotTheBuiltin() {
            String after = source("from asteval import Interpreter as eval", "eval(data)");

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS)).isEmpty();
        }

        @Test
        void aMethodNamedEvalDoesNotHideTheBuiltin() {
            String after = source("", "return eval(data)") + """


                    class Model:
                        def eval(self):
                            return self
                    """;

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS))
                    .extracting(Finding::rule).containsExactly("py-eval");
        }

        @Test
        void allowedHostsAreNotFound() {
            String after = source("import requests\nimport socket", """
                    requests.get('https://api.partner.example/v1')
                    socket.create_connection(('127.0.0.1', 6379))""");
            Config config = DEFAULTS.withAllowHosts(List.of("127.0.0.1", "api.partner.example"));

            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, config)).isEmpty();
            assertThat(ForbiddenConstructs.introduced(PATH, source("", ""), after, DEFAULTS))
                    .extracting(Finding::rule).containsExactly("py-network");
        }

        @Test
        void aRuleSetToWarnWarnsAndARuleSetOffFindsNothing() {
            String after = source("", "eval(data)\nexec(data)");
            Config config = DEFAULTS.with("py-eval", "warn").with("py-exec", "off");

            assertThat(ForbiddenConstructs.introduced(PATH, null, after, config))
                    .extracting(Finding::rule, Finding::severity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("py-eval", "warn"));
        }

        @Test
        void brokenSyntaxGivesANoteAndNoFindings() {
            Report report = ForbiddenConstructs.introduced(List.of(
                    new Change(PATH, source("", ""), "def work(:\n    os.system(cmd)\n"),
                    new Change("app/fine.py", null, source("", "os.system(cmd)"))), DEFAULTS);

            assertThat(report.findings()).extracting(Finding::path).containsExactly("app/fine.py");
            assertThat(report.notes()).singleElement().asString()
                    .startsWith(PATH + ": not checked").contains("does not parse").contains("line 1");
        }

        @Test
        void everyPythonFileOfAPatchIsParsedByOneProcess(@TempDir Path dir) throws Exception {
            Path log = dir.resolve("starts.log");
            Path python = dir.resolve("python-counting");
            Files.writeString(python, "#!/bin/sh\necho start >> '" + log + "'\nexec python3 \"$@\"\n");
            python.toFile().setExecutable(true);
            var changes = List.of(new Change("a.py", null, source("", "eval(data)")),
                    new Change("b.py", source("", ""), source("", "exec(data)")),
                    new Change("c.py", source("", "os.system(cmd)"), source("", "os.system(cmd)\nos.popen(cmd)")));

            Report report = ForbiddenConstructs.introduced(changes, DEFAULTS, python.toString());

            assertThat(report.findings()).extracting(Finding::path, Finding::rule).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("a.py", "py-eval"),
                    org.assertj.core.groups.Tuple.tuple("b.py", "py-exec"),
                    org.assertj.core.groups.Tuple.tuple("c.py", "py-os-popen"));
            assertThat(Files.readAllLines(log)).containsExactly("start");
        }

        @Test
        void aMissingInterpreterLeavesANotePerFileInsteadOfFailing(@TempDir Path dir) {
            var changes = List.of(new Change("a.py", null, "eval(x)\n"), new Change("b.py", null, "exec(x)\n"));

            Report report = ForbiddenConstructs.introduced(changes, DEFAULTS, dir.resolve("no-python").toString());

            assertThat(report.findings()).isEmpty();
            assertThat(report.notes()).hasSize(2).allSatisfy(n -> assertThat(n).contains("AAP_PYTHON"));
        }
    }

    @Nested
    class Configuration {

        @Test
        void defaultsBlockEveryRuleAndAllowOnlyTheLocalMachine() {
            assertThat(DEFAULTS.rules()).containsOnlyKeys(ForbiddenConstructs.RULES)
                    .allSatisfy((rule, severity) -> assertThat(severity).isEqualTo("block"));
            assertThat(DEFAULTS.allowHosts()).containsExactly("localhost", "127.0.0.1");
        }

        @Test
        void readsRulesAndHostsFromPolicyYaml(@TempDir Path project) throws IOException {
            Files.createDirectories(project.resolve(".aap"));
            Files.writeString(project.resolve(".aap/policy.yaml"), """
                    max_changed_lines: 300
                    constructs:
                      rules:
                        py-eval: warn
                        java-system-exit: off
                        py-exec: "off"
                      network:
                        allow_hosts: [localhost, pypi.org]
                    """);

            Config config = Config.load(project);

            assertThat(config.severity("py-eval")).isEqualTo("warn");
            assertThat(config.severity("java-system-exit")).isEqualTo("off");
            assertThat(config.severity("py-exec")).isEqualTo("off");
            assertThat(config.severity("py-pickle")).isEqualTo("block");
            assertThat(config.allowHosts()).containsExactly("localhost", "pypi.org");
            assertThat(Policy.load(project).maxChangedLines()).isEqualTo(300);
        }

        @Test
        void aPolicyWithoutConstructsOrNoPolicyAtAllGivesTheDefaults(@TempDir Path project) throws IOException {
            assertThat(Config.load(project)).isEqualTo(DEFAULTS);
            Files.createDirectories(project.resolve(".aap"));
            Files.writeString(project.resolve(".aap/policy.yaml"), "max_changed_files: 3\n");
            assertThat(Config.load(project)).isEqualTo(DEFAULTS);
        }

        @Test
        void aMisspeltRuleOrSeverityIsRefusedWithTheChoices() {
            assertThatThrownBy(() -> ConstructsYaml.parse("constructs: {rules: {py-evil: warn}}"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("py-evil").hasMessageContaining("py-eval");
            assertThatThrownBy(() -> ConstructsYaml.parse("constructs: {rules: {py-eval: maybe}}"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("block, warn or off");
            assertThatThrownBy(() -> ConstructsYaml.parse("constructs: {network: {allow_hosts: pypi.org}}"))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("list");
        }
    }

    @Nested
    class Speed {

        @Test
        void aThousandLineFilePairIsCheckedWellUnderASecond() {
            String javaBefore = javaFile(1000, Set.of());
            String javaAfter = javaFile(1000, Set.of(40, 80, 120));
            String pyBefore = pyFile(1000, Set.of());
            String pyAfter = pyFile(1000, Set.of(50, 100, 150));
            var patch = List.of(new Change("src/main/java/demo/Big.java", javaBefore, javaAfter),
                    new Change("app/big.py", pyBefore, pyAfter));

            long cold = System.nanoTime();
            Report first = ForbiddenConstructs.introduced(patch.subList(0, 1), DEFAULTS);
            long coldJavaMs = (System.nanoTime() - cold) / 1_000_000;
            cold = System.nanoTime();
            Report firstPy = ForbiddenConstructs.introduced(patch.subList(1, 2), DEFAULTS);
            long coldPyMs = (System.nanoTime() - cold) / 1_000_000;
            long javaMs = Long.MAX_VALUE;
            long pyMs = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t = System.nanoTime();
                ForbiddenConstructs.introduced(patch.subList(0, 1), DEFAULTS);
                javaMs = Math.min(javaMs, (System.nanoTime() - t) / 1_000_000);
                t = System.nanoTime();
                ForbiddenConstructs.introduced(patch.subList(1, 2), DEFAULTS);
                pyMs = Math.min(pyMs, (System.nanoTime() - t) / 1_000_000);
            }
            System.out.printf("ForbiddenConstructs timing: Java %d lines -> %d ms, Python %d lines -> %d ms "
                            + "(warm, best of 5); first calls in this JVM: Java %d ms, Python %d ms%n",
                    javaAfter.lines().count(), javaMs, pyAfter.lines().count(), pyMs, coldJavaMs, coldPyMs);

            assertThat(first.notes()).isEmpty();
            assertThat(first.findings()).extracting(Finding::rule).containsExactly("java-system-exit",
                    "java-system-exit", "java-system-exit");
            assertThat(firstPy.findings()).extracting(Finding::rule).containsExactly("py-os-system", "py-os-system",
                    "py-os-system");
            assertThat(javaMs).isLessThan(1000);
            assertThat(pyMs).isLessThan(1000);
        }

        /** A class of about {@code lines} lines; the methods numbered in {@code exits} call System.exit. */
        private static String javaFile(int lines, Set<Integer> exits) {
            var out = new StringBuilder("package demo;\n\nclass Big {\n");
            for (int m = 0; out.toString().lines().count() < lines - 6; m++) {
                out.append("    int m").append(m).append("(int x) {\n")
                        .append("        int y = x * ").append(m).append(" + Math.abs(x - 3);\n")
                        .append("        if (y > 100) { y = helper(y, \"s").append(m).append("\"); }\n")
                        .append(exits.contains(m) ? "        System.exit(y);\n" : "        y += Integer.parseInt(\"1\");\n")
                        .append("        return y;\n    }\n");
            }
            return out.append("    int helper(int a, String b) { return a + b.length(); }\n}\n").toString();
        }

        private static String pyFile(int lines, Set<Integer> systems) {
            var out = new StringBuilder("import os\nimport math\n\n");
            for (int m = 0; out.toString().lines().count() < lines - 6; m++) {
                out.append("\ndef f").append(m).append("(x):\n")
                        .append("    y = x * ").append(m).append(" + math.fabs(x - 3)\n")
                        .append(systems.contains(m) ? "    os.system('echo %d' % y)\n" : "    y += int('1')\n")
                        .append("    return y\n");
            }
            return out.toString();
        }
    }

    @Test
    void filesInOtherLanguagesAndDeletedFilesAreSkipped() {
        Report report = ForbiddenConstructs.introduced(List.of(new Change("README.md", null, "os.system(cmd)"),
                new Change("src/Gone.java", "class Gone { void f() { System.exit(1); } }", null)), DEFAULTS);

        assertThat(report.findings()).isEmpty();
        assertThat(report.notes()).isEmpty();
    }
}

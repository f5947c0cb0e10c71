package dev.aap.cli;

import dev.aap.core.build.PythonLocator;
import dev.aap.core.sandbox.ExecResult;
import dev.aap.core.sandbox.ExecSpec;
import dev.aap.core.sandbox.Limits;
import dev.aap.core.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code aap doctor}: what is installed and what the sandbox can do here. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Report the JDK, git, Maven, Python/pytest and bubblewrap, and test the sandbox.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--model", description = "Model to test (default: $AAP_MODEL, else config.yaml; none: skipped).")
    private String model;

    @picocli.CommandLine.Option(names = "--base-url", description = "Model server address (default: $AAP_BASE_URL).")
    private String baseUrl;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        boolean ok = true;
        String jdk = Runtime.version().feature() >= 21 && javacPresent() ? "ok" : "MISSING";
        ok &= jdk.equals("ok");
        row(out, "jdk", jdk, "Java " + Runtime.version() + " at " + System.getProperty("java.home"));
        String git = version("git", "--version");
        ok &= git != null;
        row(out, "git", git != null ? "ok" : "MISSING", git != null ? git : "install git");
        String mvn = version("mvn", "-B", "-v");
        row(out, "maven", mvn != null ? "ok" : "missing", mvn != null ? mvn.lines().findFirst().orElse("")
                : "needed for Maven projects (apt-get install -y maven), unless they ship ./mvnw");
        String py = null;
        try {
            py = PythonLocator.find();
        } catch (RuntimeException e) {
            row(out, "pytest", "missing", e.getMessage());
        }
        if (py != null) {
            row(out, "pytest", "ok", py + " with pytest " + PythonLocator.pytestVersion(py));
        }
        String problem = Sandbox.bwrapProblem();
        if (problem == null) {
            row(out, "bwrap", "ok", version("bwrap", "--version") + "; " + sandboxChecks());
        } else {
            row(out, "bwrap", "missing", problem + " (apt-get install -y bubblewrap); fix runs would use --sandbox none");
        }
        UserConfig config = UserConfig.load(dev.aap.core.run.RunStore.defaultHome());
        model = UserConfig.pick(model, "AAP_MODEL", config.model());
        baseUrl = UserConfig.baseUrl(baseUrl, config.baseUrl(), model);
        if (model == null || model.isBlank()) {
            row(out, "model", "none", "no --model, AAP_MODEL or config.yaml model: the llm brain is off, --strategy auto uses search");
        } else {
            ok &= modelAnswers(out);
        }
        out.flush();
        return ok ? 0 : 3;
    }

    /** Sends one tiny request through the same gateway a run uses (no cache) and reports what came back. */
    private boolean modelAnswers(java.io.PrintWriter out) {
        try {
            var chain = dev.aap.agent.model.ModelSpec.parseChain(model, baseUrl);
            var gateway = dev.aap.agent.model.Models.connect(chain,
                    dev.aap.agent.model.ModelSettings.defaults());
            var request = dev.langchain4j.model.chat.request.ChatRequest.builder()
                    .messages(dev.langchain4j.data.message.UserMessage.from("Reply with the word OK."))
                    .maxOutputTokens(16).build();
            var reply = gateway.chat(request);
            row(out, "model", "ok", reply.model() + " answered in " + reply.millis() + " ms (" + reply.inputTokens()
                    + " in / " + reply.outputTokens() + " out tokens)");
            return true;
        } catch (dev.aap.core.AapException e) {
            row(out, "model", "FAILED", e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    private static String sandboxChecks() throws IOException {
        Path dir = Files.createTempDirectory("aap-doctor");
        try {
            Sandbox box = Sandbox.select("bwrap");
            var limits = new Limits(Duration.ofSeconds(20), 0, 0, 1 << 16, false);
            ExecResult net = box.exec(ExecSpec.of(List.of("sh", "-c",
                    "exec 3<>/dev/tcp/1.1.1.1/53 && echo reachable || echo unreachable"), dir, limits));
            ExecResult write = box.exec(ExecSpec.of(List.of("sh", "-c",
                    "touch /usr/aap-doctor-probe 2>/dev/null && echo writable || echo read-only"), dir, limits));
            return "network " + (net.stdout().contains("unreachable") || !net.succeeded() ? "blocked" : "REACHABLE")
                    + ", system " + write.stdout().strip();
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static boolean javacPresent() {
        return Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "javac"));
    }

    private static String version(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return text.replaceAll("\u001B\\[[0-9;]*m", "").lines().findFirst().orElse("");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void row(java.io.PrintWriter out, String what, String status, String detail) {
        out.printf("%-8s %-8s %s%n", what, status, detail);
    }
}

package dev.aap.cli;

import dev.aap.agent.model.Reply;
import dev.aap.agent.model.ScriptedModelServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets never reach a model: a key planted in a file the model reads and one pasted into the issue arrive at the
 * (scripted, real HTTP) model server as typed placeholders, checked on the server's side; the trajectory holds the
 * placeholders too, and an edit that would write a placeholder back is refused.
 */
class RedactionTest {

    @TempDir
    Path home;

    @TempDir
    Path repo;

    private static String random(Random r, String alphabet, int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @Test
    void plantedKeysReachTheModelAsPlaceholdersOnly() throws Exception {
        var rnd = new Random(20261130);
        String aws = "AKIA" + random(rnd, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        String github = "ghp_" + random(rnd, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
        Cli.exampleRepo("python-pricing", repo);
        Files.writeString(repo.resolve("settings.py"), "\"\"\"Deployment settings.\"\"\"\n\nREGION = \"eu-west-1\"\n"
                + "AWS_ACCESS_KEY_ID = \"" + aws + "\"\n");
        Cli.git(repo, "add", "-A");
        Cli.git(repo, "commit", "-q", "-m", "settings");
        Reply view = Reply.toolCalls(Reply.call("view_file", "{\"path\": \"settings.py\"}"));
        Reply writeBack = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"settings.py\", \"edit_type\":"
                + " \"replace\", \"locator\": {\"line_range\": {\"start\": 4, \"end\": 4}}, \"patch\":"
                + " \"AWS_ACCESS_KEY_ID = \\\"[REDACTED:aws-access-key]\\\"\", \"rationale_summary\": \"tidy\"}"));
        Reply fix = Reply.toolCalls(Reply.call("propose_edit", "{\"file_path\": \"pricing.py\", \"edit_type\":"
                + " \"replace\", \"locator\": {\"line_range\": {\"start\": 10, \"end\": 10}}, \"patch\":"
                + " \"    if quantity >= 10:\", \"rationale_summary\": \"off by one\"}"));
        try (var server = ScriptedModelServer.openAi()) {
            server.enqueue(view, writeBack, fix, AgentScripts.runTests(),
                    Reply.toolCalls(Reply.call("submit", "{\"summary\": \"fix the bound\"}")));
            Cli.Result r = Cli.run(home, Map.of("OPENAI_API_KEY", "sk-test"), "fix", "--repo", repo.toString(),
                    "--json", "--no-roles", "--no-embeddings", "--model", "openai:gpt-4o-mini", "--base-url",
                    server.baseUrl(), "--issue", "Ten units get no discount. Our CI token is " + github
                            + " if you need it.");
            assertThat(r.exitCode()).as(r.err()).isZero();
            String received = server.requests().toString();
            assertThat(received).doesNotContain(aws).doesNotContain(github)
                    .contains("[REDACTED:aws-access-key]", "[REDACTED:github-token]");
            assertThat(server.requests().get(2).toString()).as("the write-back was refused")
                    .contains("holds a [REDACTED:...] placeholder");
        }
        assertThat(Cli.git(repo, "show", "HEAD:settings.py")).contains(aws);
        Path run;
        try (var runs = Files.list(home.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertThat(Files.readString(run.resolve("trajectory.jsonl"))).doesNotContain(aws).doesNotContain(github);
        assertThat(Files.readString(run.resolve("run.json")) + Files.readString(run.resolve("events.jsonl")))
                .doesNotContain(github);
        // the run is on the signed audit trail: who asked, each exec, model call and edit, the verdict, the commit
        Cli.Result show = Cli.run(home, "audit", "show", run.getFileName().toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("run.started", "sandbox.exec", "model.call", "edit.refused", "edit.applied",
                "policy.verdict", "git.commit", "run.finished").doesNotContain(aws).doesNotContain(github);
        Cli.Result verify = Cli.run(home, "audit", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).startsWith("intact:");
    }
}

package dev.aap.core.policy;

import dev.aap.core.BadInputException;
import dev.aap.core.patch.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    @TempDir
    Path root;

    private static Patch touching(String... files) {
        var b = new StringBuilder();
        for (String f : files) {
            b.append("diff --git a/").append(f).append(" b/").append(f).append('\n')
                    .append("--- a/").append(f).append('\n').append("+++ b/").append(f).append('\n')
                    .append("@@ -1 +1 @@\n-old\n+new\n");
        }
        return Patch.parse(b.toString());
    }

    @Test
    void allowsASourceChange() {
        assertThat(Policy.defaults().check(touching("src/main/java/A.java"), "", root).allowed()).isTrue();
    }

    @Test
    void rejectsPatchTouchingDeniedPath() {
        PolicyDecision d = Policy.defaults().check(touching(".github/workflows/ci.yml"), "", root);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).anyMatch(r -> r.contains(".github/workflows/ci.yml") && r.contains("deny"));
    }

    @Test
    void rejectsSecretsFilesAnywhere() {
        assertThat(Policy.defaults().check(touching("config/.env.local"), "", root).allowed()).isFalse();
        assertThat(Policy.defaults().check(touching("keys/server.pem"), "", root).allowed()).isFalse();
    }

    @Test
    void rejectsFilesOutsideTheProjectDirectory() {
        PolicyDecision d = Policy.defaults().check(touching("other/src/A.java"), "app", root);
        assertThat(d.allowed()).isFalse();
        assertThat(Policy.defaults().check(touching("app/src/A.java"), "app", root).allowed()).isTrue();
    }

    @Test
    void rejectsTooManyChangedLines() throws Exception {
        Files.createDirectories(root.resolve(".aap"));
        Files.writeString(root.resolve(".aap/policy.yaml"), "max_changed_lines: 0\n");
        PolicyDecision d = Policy.load(root).check(touching("src/A.java"), "", root);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).anyMatch(r -> r.contains("changes 1 lines; the limit is 0"));
    }

    @Test
    void repositoryPolicyCannotDropDefaultDenials() throws Exception {
        Files.createDirectories(root.resolve(".aap"));
        Files.writeString(root.resolve(".aap/policy.yaml"), "allow: ['**']\ndeny: ['docs/**']\n");
        Policy p = Policy.load(root);
        assertThat(p.check(touching(".github/workflows/x.yml"), "", root).allowed()).isFalse();
        assertThat(p.check(touching("docs/a.md"), "", root).allowed()).isFalse();
        assertThat(p.check(touching("anything/else.txt"), "", root).allowed()).isTrue();
    }

    @Test
    void brokenPolicyFileIsABadInput() throws Exception {
        Files.createDirectories(root.resolve(".aap"));
        Files.writeString(root.resolve(".aap/policy.yaml"), "- just\n- a list\n");
        assertThatThrownBy(() -> Policy.load(root)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("policy.yaml");
    }
}

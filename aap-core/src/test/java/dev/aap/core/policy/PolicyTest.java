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

    /** One file with {@code n} lines replaced. */
    private static Patch changingLines(String file, int n) {
        var b = new StringBuilder("diff --git a/" + file + " b/" + file + "\n--- a/" + file + "\n+++ b/" + file + "\n");
        b.append("@@ -1,").append(n).append(" +1,").append(n).append(" @@\n");
        for (int i = 0; i < n; i++) {
            b.append("-old").append(i).append('\n');
        }
        for (int i = 0; i < n; i++) {
            b.append("+new").append(i).append('\n');
        }
        return Patch.parse(b.toString());
    }

    private static Patch creating(int n) {
        var b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String f = "src/New" + i + ".java";
            b.append("diff --git a/").append(f).append(" b/").append(f).append("\nnew file mode 100644\n")
                    .append("--- /dev/null\n+++ b/").append(f).append("\n@@ -0,0 +1 @@\n+class New").append(i)
                    .append(" {}\n");
        }
        return Patch.parse(b.toString());
    }

    private static Policy limits(int files, int lines, int newFiles, long bytes) {
        Policy d = Policy.defaults();
        return new Policy(files, lines, newFiles, bytes, d.allow(), d.deny());
    }

    private static final int BIG = 1_000_000;

    @Test
    void changedFilesAtTheLimitPassAndOnePastIsRefused() {
        Policy p = limits(2, BIG, BIG, BIG);
        assertThat(p.check(touching("src/A.java", "src/B.java"), "", root).allowed()).isTrue();
        PolicyDecision past = p.check(touching("src/A.java", "src/B.java", "src/C.java"), "", root);
        assertThat(past.allowed()).isFalse();
        assertThat(past.reasons()).containsExactly("changes 3 files; the limit is 2");
    }

    @Test
    void changedLinesAtTheLimitPassAndOnePastIsRefused() {
        Policy p = limits(BIG, 5, BIG, BIG);
        Patch atLimit = changingLines("src/A.java", 5);
        assertThat(atLimit.changedLines()).isEqualTo(5);
        assertThat(p.check(atLimit, "", root).allowed()).isTrue();
        PolicyDecision past = p.check(changingLines("src/A.java", 6), "", root);
        assertThat(past.allowed()).isFalse();
        assertThat(past.reasons()).containsExactly("changes 6 lines; the limit is 5");
    }

    @Test
    void newFilesAtTheLimitPassAndOnePastIsRefused() {
        Policy p = limits(BIG, BIG, 2, BIG);
        Patch atLimit = creating(2);
        assertThat(atLimit.newFiles()).hasSize(2);
        assertThat(p.check(atLimit, "", root).allowed()).isTrue();
        PolicyDecision past = p.check(creating(3), "", root);
        assertThat(past.allowed()).isFalse();
        assertThat(past.reasons()).containsExactly("creates 3 files; the limit is 2");
    }

    @Test
    void fileSizeOnDiskAtTheLimitPassesAndOneBytePastIsRefused() throws Exception {
        Policy p = limits(BIG, BIG, BIG, 100);
        Files.createDirectories(root.resolve("src"));
        Files.write(root.resolve("src/A.java"), new byte[100]);
        assertThat(p.check(touching("src/A.java"), "", root).allowed()).isTrue();
        Files.write(root.resolve("src/A.java"), new byte[101]);
        PolicyDecision past = p.check(touching("src/A.java"), "", root);
        assertThat(past.allowed()).isFalse();
        assertThat(past.reasons()).containsExactly("src/A.java is 101 bytes; the limit is 100");
    }

    @Test
    void policyFileSetsEachLimit() throws Exception {
        Files.createDirectories(root.resolve(".aap"));
        Files.writeString(root.resolve(".aap/policy.yaml"),
                "max_changed_files: 3\nmax_changed_lines: 40\nmax_new_files: 2\nmax_file_bytes: 5000\n");
        Policy p = Policy.load(root);
        assertThat(p.maxChangedFiles()).isEqualTo(3);
        assertThat(p.maxChangedLines()).isEqualTo(40);
        assertThat(p.maxNewFiles()).isEqualTo(2);
        assertThat(p.maxFileBytes()).isEqualTo(5000);
    }

    @Test
    void defaultsAreTheDocumentedLimits() {
        Policy d = Policy.defaults();
        assertThat(d.maxChangedFiles()).isEqualTo(20);
        assertThat(d.maxChangedLines()).isEqualTo(1000);
        assertThat(d.maxNewFiles()).isEqualTo(10);
        assertThat(d.maxFileBytes()).isEqualTo(200 * 1024);
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

package dev.aap.core.policy;

import dev.aap.core.patch.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's default path rules: keys, vendored code, infrastructure, lock files only with their manifest. */
class PolicyPathsTest {

    @TempDir
    Path root;

    private static Patch touching(String... files) {
        var diff = new StringBuilder();
        for (String f : files) {
            diff.append("diff --git a/").append(f).append(" b/").append(f).append('\n')
                    .append("--- a/").append(f).append('\n').append("+++ b/").append(f).append('\n')
                    .append("@@ -1 +1 @@\n-a\n+b\n");
        }
        return Patch.parse(diff.toString());
    }

    private List<String> rules(Policy policy, String... files) {
        return policy.findings(touching(files), "", root).stream().map(Finding::rule).toList();
    }

    @Test
    void keysVendoredCodeAndInfrastructureAreDeniedByDefault() {
        Policy p = Policy.defaults();
        for (String f : List.of(".ssh/config", "deploy/.ssh/id_ed25519", "certs/server.key", "vendor/lib/A.java",
                "web/node_modules/x/index.js", "infra/main.tf", ".gitlab-ci.yml", "Jenkinsfile", "k8s/app.yaml",
                ".github/workflows/ci.yml", "config/secrets/db.yaml")) {
            assertThat(rules(p, f)).as(f).contains("path-denied");
        }
        assertThat(rules(p, "src/main/java/App.java")).isEmpty();
    }

    @Test
    void aLockFileMovesOnlyWithItsManifest() {
        Policy p = Policy.defaults();
        assertThat(rules(p, "poetry.lock")).containsExactly("lock-without-manifest");
        assertThat(rules(p, "poetry.lock", "pyproject.toml")).isEmpty();
        assertThat(rules(p, "Pipfile.lock", "Pipfile")).isEmpty();
        assertThat(rules(p, "Pipfile.lock", "pyproject.toml")).containsExactly("lock-without-manifest");
    }

    @Test
    void aRepositoryPolicyThatNamesWorkflowsInItsAllowListLiftsThatDefaultDenyOnly() throws Exception {
        Files.createDirectories(root.resolve(".aap"));
        Files.writeString(root.resolve(".aap/policy.yaml"),
                "allow: ['src/**', '.github/workflows/**']\ndeny: ['src/generated/**']\n");
        Policy p = Policy.load(root);
        assertThat(rules(p, ".github/workflows/ci.yml")).isEmpty();
        assertThat(rules(p, "infra/main.tf")).contains("path-denied");
        assertThat(rules(p, "src/generated/X.java")).contains("path-denied");
    }

    @Test
    void findingsCarryTheirRuleAndThePathAndReasonsKeepTheirWording() {
        Policy tight = new Policy(1, 1, 0, 10, List.of("**"), List.of());
        Patch patch = Patch.parse("""
                diff --git a/a.py b/a.py
                new file mode 100644
                --- /dev/null
                +++ b/a.py
                @@ -0,0 +1,2 @@
                +x = 1
                +y = 2
                diff --git a/b.py b/b.py
                --- a/b.py
                +++ b/b.py
                @@ -1 +1 @@
                -a
                +b
                """);
        var findings = tight.findings(patch, "", root);
        assertThat(findings).extracting(Finding::rule)
                .contains("max-changed-files", "max-changed-lines", "max-new-files");
        assertThat(tight.check(patch, "", root).reasons()).contains("changes 2 files; the limit is 1");
    }
}

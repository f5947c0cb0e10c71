package dev.aap.cli.cluster;

import dev.aap.core.patch.Patch;
import dev.aap.core.policy.ForbiddenConstructs;
import dev.aap.core.policy.Policy;
import dev.aap.core.secrets.SecretScanner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review's own checks on a 1,000-line patch (paths and sizes, secrets in added lines, forbidden constructs in
 * Java and Python), without the project's test run or linters. Prints its figures; run with
 * {@code -Dgroups=bench -DexcludedGroups=none -Dtest=ReviewBench}.
 */
@Tag("bench")
class ReviewBench {

    @TempDir
    Path root;

    @Test
    void reviewOfAThousandLinePatch() {
        var before = new StringBuilder("package app;\n\npublic class Big {\n");
        var after = new StringBuilder("package app;\n\npublic class Big {\n");
        var py = new StringBuilder();
        var pyBefore = new StringBuilder("import os\n\n");
        for (int i = 0; i < 500; i++) {
            before.append("    int f").append(i).append("(int x) { return x + ").append(i).append("; }\n");
            after.append("    int f").append(i).append("(int x) { return x * ").append(i).append(" + 1; }\n");
        }
        before.append("}\n");
        after.append("}\n");
        py.append("import os\n\n");
        for (int i = 0; i < 250; i++) {
            py.append("def g").append(i).append("(x):\n    return x + ").append(i).append('\n');
            pyBefore.append("def g").append(i).append("(x):\n    return x - ").append(i).append('\n');
        }
        String diff = unified("src/app/Big.java", before.toString(), after.toString())
                + unified("tool/small.py", pyBefore.toString(), py.toString());
        Patch patch = Patch.parse(diff);
        var changes = List.of(new ForbiddenConstructs.Change("src/app/Big.java", before.toString(),
                        after.toString()),
                new ForbiddenConstructs.Change("tool/small.py", pyBefore.toString(), py.toString()));
        var config = ForbiddenConstructs.Config.defaults();
        var scanner = SecretScanner.create();
        ForbiddenConstructs.introduced(changes, config); // first call: class loading, the interpreter lookup
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            Policy.defaults().findings(patch, "", root);
            scanner.scanAddedLines(patch);
            ForbiddenConstructs.introduced(changes, config);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("review of a %d-line patch (paths, secrets, constructs): %.0f ms (best of 5, warm)%n",
                patch.changedLines(), best / 1e6);
        assertThat(patch.changedLines()).isGreaterThanOrEqualTo(1000);
    }

    private static String unified(String path, String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        List<String> lines = new ArrayList<>();
        lines.add("diff --git a/" + path + " b/" + path);
        lines.add("--- a/" + path);
        lines.add("+++ b/" + path);
        lines.add("@@ -1," + (a.length - 1) + " +1," + (b.length - 1) + " @@");
        for (int i = 0; i < a.length - 1; i++) {
            lines.add("-" + a[i]);
        }
        for (int i = 0; i < b.length - 1; i++) {
            lines.add("+" + b[i]);
        }
        return String.join("\n", lines) + "\n";
    }
}

package dev.aap.core.pipeline;

import dev.aap.core.patch.Patch;
import dev.aap.core.policy.TestIntegrity;
import dev.aap.core.workspace.Workspace;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The review step's test integrity check: changes of a patch that weaken tests that existed on the base commit. */
final class TestGuard {

    private TestGuard() {
    }

    /** {@code file:line: reason} for each weakening; {@code prefix} is the project's directory in the repository. */
    static List<String> findings(Patch patch, String prefix, Workspace ws) {
        var out = new ArrayList<String>();
        String p = prefix.isEmpty() ? "" : prefix + "/";
        for (String file : patch.files()) {
            if (!file.startsWith(p)) {
                continue;
            }
            String rel = file.substring(p.length());
            if (!TestIntegrity.isTestFile(rel)) {
                continue;
            }
            Optional<String> before = ws.readBase(rel);
            if (before.isEmpty()) {
                continue; // a new test file weakens nothing
            }
            String after = Files.isRegularFile(ws.projectDir().resolve(rel)) ? ws.read(rel) : null;
            TestIntegrity.check(rel, before.get(), after).forEach(f -> out.add(f.render()));
        }
        return out;
    }
}

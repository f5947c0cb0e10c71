package dev.aap.core.pipeline;

import dev.aap.core.patch.Patch;
import dev.aap.core.policy.Finding;
import dev.aap.core.policy.ForbiddenConstructs;
import dev.aap.core.secrets.RuleAction;
import dev.aap.core.secrets.SecretScanner;
import dev.aap.core.secrets.SecretsConfig;
import dev.aap.core.workspace.Workspace;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The content checks of the review step, as findings: secrets in the patch's added lines and dangerous constructs
 * the patch introduces (present on the branch, absent at base), each rule {@code block|warn|off} from the
 * repository's {@code .aap/policy.yaml}.
 */
final class PatchChecks {

    private PatchChecks() {
    }

    static List<Finding> secrets(Patch patch, Workspace ws) {
        SecretsConfig config = SecretsConfig.load(ws.projectDir());
        var out = new ArrayList<Finding>();
        for (var f : SecretScanner.create(config).scanAddedLines(patch)) {
            RuleAction action = config.action(f.rule());
            if (action == RuleAction.OFF) {
                continue;
            }
            out.add(new Finding(f.rule(), action == RuleAction.WARN ? Finding.Severity.WARN : Finding.Severity.BLOCK,
                    f.path(), f.line(), "a secret (" + f.rule() + ", " + f.preview() + ") is added in " + f.path()
                    + ":" + f.line()));
        }
        return out;
    }

    /** {@code prefix}: the project's directory in the repository ("" at the top), as the patch names files. */
    static List<Finding> constructs(Patch patch, String prefix, Workspace ws) {
        String p = prefix.isEmpty() ? "" : prefix + "/";
        var changes = new ArrayList<ForbiddenConstructs.Change>();
        for (String file : patch.files()) {
            if (!file.startsWith(p)) {
                continue;
            }
            String rel = file.substring(p.length());
            String after = Files.isRegularFile(ws.projectDir().resolve(rel)) ? ws.read(rel) : null;
            if (after != null) {
                changes.add(new ForbiddenConstructs.Change(file, ws.readBase(rel).orElse(null), after));
            }
        }
        var report = ForbiddenConstructs.introduced(changes, ForbiddenConstructs.Config.load(ws.projectDir()));
        return report.findings().stream().map(f -> new Finding(f.rule(), f.blocks() ? Finding.Severity.BLOCK
                : Finding.Severity.WARN, f.path(), f.line(), f.message())).toList();
    }
}

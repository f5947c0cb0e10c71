package dev.aap.core.pipeline;

import dev.aap.core.event.Event;
import dev.aap.core.gates.GateReport;
import dev.aap.core.gates.GatesConfig;
import dev.aap.core.gates.QualityGates;
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

    /**
     * The project's own linters and type checkers on base and branch: new findings, each gate's run as a
     * {@code lint:<tool>} check with its raw output in {@code checks/lint-<tool>.log}, and what ran or was skipped in
     * {@code checks/gates.log}. Paths come back as the patch names them.
     */
    static List<Finding> gates(RunScope s, Patch patch, String prefix, Workspace ws, String baseCommit) {
        String p = prefix.isEmpty() ? "" : prefix + "/";
        List<String> changed = patch.files().stream().filter(f -> f.startsWith(p)).map(f -> f.substring(p.length()))
                .toList();
        GateReport report = QualityGates.newFindings(s.sandbox(), ws.projectDir(), baseCommit, changed,
                GatesConfig.load(ws.projectDir()));
        for (GateReport.Ran r : report.ran()) {
            String log = "checks/lint-" + r.tool() + ".log";
            Checks.write(s.runDir().resolve(log), r.log());
            s.events().emit(new Event.ChecksRan("lint:" + r.tool(), r.command(), r.exitCode(), r.branchCount(),
                    r.newCount(), r.millis(), log));
        }
        report.skipped().stream().filter(k -> k.reason().startsWith("not installed")).forEach(k -> s.events().emit(
                new Event.Warning("quality gate " + k.tool() + " is configured but " + k.reason())));
        Checks.write(s.runDir().resolve("checks/gates.log"), report.summary() + "\n");
        return report.findings().stream().map(f -> f.path().isEmpty() || p.isEmpty() ? f : new Finding(f.rule(),
                f.severity(), p + f.path(), f.line(), f.message().replace(" at " + f.path() + ":",
                " at " + p + f.path() + ":"))).toList();
    }
}

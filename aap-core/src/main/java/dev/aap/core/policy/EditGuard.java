package dev.aap.core.policy;

import dev.aap.core.secrets.RuleAction;
import dev.aap.core.secrets.SecretScanner;
import dev.aap.core.secrets.SecretsConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review's content rules applied to one edit before it is written, so a brain can change course instead of
 * finding out at review: the file-size limit, secrets the edit would add, secrets the file holds that the edit
 * would change or remove (the model only ever saw them as placeholders), and dangerous constructs it would
 * introduce. Rules set to {@code warn} or {@code off} in {@code .aap/policy.yaml} do not refuse here; the review
 * still reports warnings. The refusal is written for the model: what is wrong, where, and what to do instead.
 */
public final class EditGuard {

    private final Policy policy;
    private final SecretsConfig secretsConfig;
    private final SecretScanner scanner;
    private final ForbiddenConstructs.Config constructs;

    public EditGuard(Policy policy, SecretsConfig secrets, ForbiddenConstructs.Config constructs) {
        this.policy = policy;
        this.secretsConfig = secrets;
        this.scanner = SecretScanner.create(secrets);
        this.constructs = constructs;
    }

    /** The guard for the project at {@code projectDir}, from its {@code .aap/policy.yaml} over the defaults. */
    public static EditGuard load(Path projectDir) {
        return new EditGuard(Policy.load(projectDir), SecretsConfig.load(projectDir),
                ForbiddenConstructs.Config.load(projectDir));
    }

    /**
     * Why the project-relative {@code file} may not go from {@code before} ("" when new) to {@code after}, or empty
     * when it may.
     */
    public Optional<String> problem(String file, String before, String after) {
        long bytes = after.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > policy.maxFileBytes()) {
            return Optional.of("Edit REJECTED, nothing was changed: " + file + " would be " + bytes + " bytes, more"
                    + " than the " + policy.maxFileBytes() + " the policy allows for one file. Make a smaller change.");
        }
        Optional<String> held = heldSecretTouched(file, before, after);
        if (held.isPresent()) {
            return held;
        }
        Optional<String> added = secretAdded(file, before, after);
        if (added.isPresent()) {
            return added;
        }
        return constructIntroduced(file, before, after);
    }

    /** A secret in the file that the edit changes or removes: the model saw a placeholder, never the value. */
    private Optional<String> heldSecretTouched(String file, String before, String after) {
        if (before.isEmpty()) {
            return Optional.empty();
        }
        var lost = new ArrayList<String>();
        Map<String, Integer> counted = new HashMap<>();
        for (var f : scanner.scan(file, before)) {
            String value = valueOf(before, f);
            if (value.isEmpty()) {
                continue;
            }
            int need = counted.merge(value, 1, Integer::sum);
            if (occurrences(after, value) < need) {
                lost.add("line " + f.line() + " ([REDACTED:" + f.rule() + "])");
            }
        }
        if (lost.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Edit REJECTED, nothing was changed: the edit changes or removes " + String.join(", ", lost)
                + " of " + file + ", which holds a secret aap hides from you. Leave the lines that hold it exactly as"
                + " they are (old_text must not include them) and change only the lines around them.");
    }

    private Optional<String> secretAdded(String file, String before, String after) {
        Map<String, Integer> had = new HashMap<>();
        for (var f : scanner.scan(file, before)) {
            had.merge(f.rule() + "\u0000" + valueOf(before, f), 1, Integer::sum);
        }
        var added = new ArrayList<String>();
        for (var f : scanner.scan(file, after)) {
            String key = f.rule() + "\u0000" + valueOf(after, f);
            if (had.merge(key, -1, Integer::sum) >= 0) {
                continue;
            }
            if (secretsConfig.action(f.rule()) == RuleAction.BLOCK) {
                added.add(file + ":" + f.line() + " (" + f.rule() + ")");
            }
        }
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Edit REJECTED, nothing was changed: it would write a secret into the code at "
                + String.join(", ", added) + ". Never put credentials in source: read them from the environment"
                + " or the configuration the project already uses (for a test, use an obviously fake value such as"
                + " \"test-token\").");
    }

    private Optional<String> constructIntroduced(String file, String before, String after) {
        if (!(file.endsWith(".java") || file.endsWith(".py"))) {
            return Optional.empty();
        }
        List<ForbiddenConstructs.Finding> found = ForbiddenConstructs.introduced(file, before.isEmpty() ? null : before,
                after, constructs).stream().filter(ForbiddenConstructs.Finding::blocks).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var out = new StringBuilder("Edit REJECTED, nothing was changed: the policy forbids what it would add:");
        found.stream().limit(5).forEach(f -> out.append("\n  ").append(f.message()));
        out.append("\nReach the goal without these constructs (for example call the program directly with an"
                + " argument list and no shell, parse data with a safe loader such as json or yaml.safe_load, and"
                + " return an error instead of exiting); hosts a network client may reach are listed in the"
                + " policy.");
        return Optional.of(out.toString());
    }

    /** The secret's text: from its start column to its end column, across lines for a multi-line block. */
    private static String valueOf(String text, dev.aap.core.secrets.Finding f) {
        int lineStart = 0;
        for (int l = 1; l < f.line(); l++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                return "";
            }
            lineStart = nl + 1;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int from = Math.min(lineStart + f.start(), lineEnd);
        int to = Math.min(lineStart + f.end(), lineEnd);
        return text.substring(from, to);
    }

    private static int occurrences(String text, String value) {
        int n = 0;
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length())) {
            n++;
        }
        return n;
    }
}

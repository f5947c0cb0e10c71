package dev.aap.forge.flow;

import java.nio.file.Path;
import java.util.List;

/**
 * How a run ended, as the forge side needs it.
 *
 * @param status  a {@code RunStatus} name
 * @param commit  the integrated commit, or null
 * @param reasons why the policy stopped the patch, when it did
 * @param runDir    the run's artifacts ({@code pr.md} is read from there)
 * @param questions what the run asks before it goes on (NEEDS_INPUT)
 */
public record Finished(String status, String message, String commit, List<String> reasons, Path runDir,
                       List<String> questions) {

    public Finished {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Finished(String status, String message, String commit, List<String> reasons, Path runDir) {
        this(status, message, commit, reasons, runDir, List.of());
    }

    public boolean succeeded() {
        return "SUCCEEDED".equals(status) && commit != null && !commit.isBlank();
    }
}

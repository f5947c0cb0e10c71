package dev.aap.core.coverage;

import dev.aap.core.build.BuildContext;
import dev.aap.core.build.BuildTool;
import dev.aap.core.patch.Patch;

import java.nio.file.Path;
import java.util.Collection;

/**
 * Diff coverage taken from the verification's own test run, so no extra run is needed: {@link #arm} returns a build
 * context whose next test run records what it executes in the changed files, {@link #measure} reads that back for
 * the final patch. Failures never escape: they make the coverage n/a with a one-line reason.
 */
public sealed interface Coverage permits JacocoCoverage, PythonTraceCoverage, Coverage.Unavailable {

    /**
     * The collector for {@code build}'s language.
     *
     * @param dir a directory of ours outside the project for the agent or tracer and the data they write; it is
     *            made writable in the sandbox for the armed run
     */
    static Coverage of(BuildTool build, Path dir) {
        return switch (build.language()) {
            case "java" -> new JacocoCoverage(dir);
            case "python" -> new PythonTraceCoverage(dir);
            default -> new Unavailable("no coverage collector for " + build.language());
        };
    }

    /**
     * {@code ctx} set up so that its next test run records coverage of {@code changedFiles} (project-relative); the
     * data of any earlier armed run is discarded when that run starts. Returns {@code ctx} itself when there is
     * nothing to record.
     */
    BuildContext arm(BuildContext ctx, Collection<String> changedFiles);

    /**
     * Diff coverage of {@code patch} from the last armed run; {@code subdir} is the project's directory relative to
     * the repository ("" at the top).
     */
    DiffCoverage measure(Patch patch, String subdir);

    /** No collector: every measurement is n/a with the same reason. */
    record Unavailable(String reason) implements Coverage {

        @Override
        public BuildContext arm(BuildContext ctx, Collection<String> changedFiles) {
            return ctx;
        }

        @Override
        public DiffCoverage measure(Patch patch, String subdir) {
            return DiffCoverage.unavailable(reason);
        }
    }
}

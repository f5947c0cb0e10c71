package dev.aap.core.workspace;

import dev.aap.core.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's repository as found on disk: its top level, the project's subdirectory in it, the commit a run starts
 * from, and whether the working tree had uncommitted changes (which a run never reads or touches).
 *
 * @param topLevel  the repository's top-level directory
 * @param subdir    the project directory relative to {@code topLevel} ("" when they are the same)
 * @param head      the commit id of HEAD
 * @param branch    the current branch name, or "HEAD" when detached
 * @param dirty     whether {@code git status} showed changes
 */
public record SourceRepo(Path topLevel, String subdir, String head, String branch, boolean dirty) {

    /** Inspects {@code path}; throws {@link BadInputException} with what to do when it cannot be used. */
    public static SourceRepo inspect(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new BadInputException("--repo " + path + " does not exist: pass the path of a git repository");
        }
        if (!Files.isDirectory(p)) {
            throw new BadInputException("--repo " + path + " is not a directory: pass the path of a git repository");
        }
        Git.Result top = Git.run(p, "rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new BadInputException(path + " is not inside a git repository: run 'git init' and commit your code"
                    + " first (aap works from a commit, never from loose files)");
        }
        Path topLevel = Path.of(top.out().strip()).toAbsolutePath().normalize();
        Git.Result head = Git.run(p, "rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        if (!head.ok()) {
            throw new BadInputException("the git repository at " + topLevel + " has no commits yet: commit your code"
                    + " first (aap starts from HEAD)");
        }
        String branch = Git.run(p, "rev-parse", "--abbrev-ref", "HEAD").out().strip();
        boolean dirty = !Git.check(p, "status", "--porcelain", "--untracked-files=no").isEmpty();
        String sub = topLevel.relativize(realOrSelf(p)).toString().replace('\\', '/');
        return new SourceRepo(topLevel, sub, head.out().strip(), branch, dirty);
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }
}

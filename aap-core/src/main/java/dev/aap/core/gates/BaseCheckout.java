package dev.aap.core.gates;

import dev.aap.core.EnvironmentException;
import dev.aap.core.workspace.Git;
import dev.aap.core.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A detached checkout of the base commit in a temporary directory, for running the gates on the code before the
 * patch without touching the workspace's files, index or HEAD. Removed (with its worktree entry) on close.
 */
final class BaseCheckout implements AutoCloseable {

    private final Path repoRoot;
    private final Path tmp;
    private final Path tree;
    private final Path projectDir;

    private BaseCheckout(Path repoRoot, Path tmp, Path tree, Path projectDir) {
        this.repoRoot = repoRoot;
        this.tmp = tmp;
        this.tree = tree;
        this.projectDir = projectDir;
    }

    /** Checks out {@code commit} of the repository holding {@code projectDir}. */
    static BaseCheckout create(Path projectDir, String commit) {
        Path root = Path.of(Git.check(projectDir, "rev-parse", "--show-toplevel"));
        String prefix = Git.check(projectDir, "rev-parse", "--show-prefix");
        Path tmp;
        try {
            tmp = Files.createTempDirectory("aap-gates-base");
        } catch (IOException e) {
            throw new EnvironmentException("cannot create a directory for the base checkout: " + e.getMessage(), e);
        }
        Path tree = tmp.resolve("base");
        Git.check(root, "worktree", "add", "--quiet", "--detach", tree.toString(), commit);
        return new BaseCheckout(root, tmp, tree, prefix.isEmpty() ? tree : tree.resolve(prefix));
    }

    /** The project directory inside the checkout. */
    Path projectDir() {
        return projectDir;
    }

    @Override
    public void close() {
        Git.run(repoRoot, "worktree", "remove", "--force", tree.toString());
        Workspace.deleteTree(tmp);
        Git.run(repoRoot, "worktree", "prune");
    }
}

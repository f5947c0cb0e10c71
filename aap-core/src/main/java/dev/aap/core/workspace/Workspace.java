package dev.aap.core.workspace;

import dev.aap.core.EnvironmentException;
import dev.aap.core.patch.Patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A private checkout of the user's repository at its HEAD commit, where all building, testing and editing happens.
 * The user's working tree is never written; only a branch is fetched back into it at the end.
 */
public final class Workspace implements AutoCloseable {

    private static final String BOT_NAME = "aap";
    private static final String BOT_EMAIL = "aap@localhost";

    private final SourceRepo source;
    private final Path root;
    private final java.util.Set<String> added = new java.util.LinkedHashSet<>();

    private Workspace(SourceRepo source, Path root) {
        this.source = source;
        this.root = root;
    }

    /** Clones the committed state of {@code source} (never its uncommitted changes) into {@code dir}. */
    public static Workspace create(SourceRepo source, Path dir) {
        return create(source, dir, null);
    }

    /** Clones {@code commit} (HEAD when null) of {@code source} into {@code dir}. */
    public static Workspace create(SourceRepo source, Path dir, String commit) {
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new EnvironmentException("cannot create " + dir.getParent() + ": " + e.getMessage(), e);
        }
        Git.check(dir.getParent(), "clone", "--quiet", "--no-checkout", source.topLevel().toString(), dir.toString());
        String start = commit == null ? source.head() : commit;
        if (commit != null && Git.run(dir, "cat-file", "-e", commit + "^{commit}").exitCode() != 0) {
            deleteTree(dir);
            throw new dev.aap.core.BadInputException("commit " + commit + " is not in " + source.topLevel()
                    + "; fetch it or pick a run made from this repository");
        }
        Git.check(dir, "checkout", "--quiet", "--detach", start);
        Git.check(dir, "config", "user.name", BOT_NAME);
        Git.check(dir, "config", "user.email", BOT_EMAIL);
        return new Workspace(source, dir);
    }

    public Path root() {
        return root;
    }

    /** The project directory inside the workspace (the repository root or the subdirectory the user named). */
    public Path projectDir() {
        return source.subdir().isEmpty() ? root : root.resolve(source.subdir());
    }

    public SourceRepo source() {
        return source;
    }

    /** Reads a file given relative to the project directory. */
    public String read(String projectRelative) {
        try {
            return Files.readString(projectDir().resolve(projectRelative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + projectRelative + " in the workspace: " + e.getMessage(), e);
        }
    }

    /** Writes a file given relative to the project directory. */
    public void write(String projectRelative, String text) {
        Path file = projectDir().resolve(projectRelative);
        boolean created = !Files.exists(file);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + projectRelative + " in the workspace: " + e.getMessage(), e);
        }
        if (created) {
            trackNew(projectRelative);
        }
    }

    /** Deletes a file given relative to the project directory; {@link #reset()} brings a tracked one back. */
    public void delete(String projectRelative) {
        try {
            Files.deleteIfExists(projectDir().resolve(projectRelative));
        } catch (IOException e) {
            throw new EnvironmentException("cannot delete " + projectRelative + " in the workspace: " + e.getMessage(),
                    e);
        }
    }

    /** A file's text at the base commit (relative to the project directory); empty when it did not exist there. */
    public java.util.Optional<String> readBase(String projectRelative) {
        String rel = root.relativize(projectDir().resolve(projectRelative)).toString().replace('\\', '/');
        Git.Result r = Git.run(root, "show", "HEAD:" + rel);
        return r.ok() ? java.util.Optional.of(r.out()) : java.util.Optional.empty();
    }

    /**
     * Makes a file created in the project part of {@link #diff()} and of the published commit (git's intent-to-add),
     * and of what {@link #reset()} removes.
     */
    public synchronized void trackNew(String projectRelative) {
        Path file = projectDir().resolve(projectRelative);
        String rel = root.relativize(file).toString();
        if (added.add(rel)) {
            Git.check(root, "add", "--intent-to-add", "--", rel);
        }
    }

    /** Restores every tracked file to the base commit (build outputs are left alone). */
    public synchronized void reset() {
        for (String rel : added) {
            Git.run(root, "rm", "--cached", "--quiet", "--force", "--", rel);
            try {
                Files.deleteIfExists(root.resolve(rel));
            } catch (IOException e) {
                throw new EnvironmentException("cannot remove " + rel + " from the workspace: " + e.getMessage(), e);
            }
        }
        added.clear();
        Git.check(root, "checkout", "--quiet", "--", ".");
    }

    /** The current change against the base commit, with paths relative to the repository top level. */
    public Patch diff() {
        // not Git.check: stripping would cut the trailing context line " " of a hunk and break the patch
        Git.Result r = Git.run(root, "diff", "--no-color", "--no-ext-diff", "HEAD");
        if (!r.ok()) {
            throw new dev.aap.core.EnvironmentException("git diff failed in " + root + ": " + r.err().strip());
        }
        return Patch.parse(r.out());
    }

    /**
     * Commits the current tracked changes on a new branch in the workspace and fetches that branch into the user's
     * repository. Only a new ref and its objects reach the user's repository: working tree, index and HEAD stay as
     * they were. Returns the commit id.
     */
    public String publish(String branch, String message) {
        if (Git.run(source.topLevel(), "rev-parse", "--verify", "--quiet", "refs/heads/" + branch).ok()) {
            throw new EnvironmentException("branch " + branch + " already exists in " + source.topLevel());
        }
        Git.check(root, "checkout", "--quiet", "-b", branch);
        Git.check(root, "commit", "--quiet", "--all", "--no-verify", "-m", message);
        String commit = Git.check(root, "rev-parse", "HEAD");
        Git.check(source.topLevel(), "fetch", "--quiet", "--no-tags", root.toString(),
                "refs/heads/" + branch + ":refs/heads/" + branch);
        return commit;
    }

    /**
     * The tip of {@code branch} in the user's repository when it is there and its commit message carries
     * {@code marker} (a run's trailer): a branch an earlier process of the same run published. Empty when there is
     * no such branch; a branch of that name without the marker is someone else's, and {@link #publish} refuses it.
     */
    public java.util.Optional<String> publishedTip(String branch, String marker) {
        Git.Result tip = Git.run(source.topLevel(), "rev-parse", "--verify", "--quiet", "refs/heads/" + branch);
        if (!tip.ok()) {
            return java.util.Optional.empty();
        }
        String message = Git.check(source.topLevel(), "log", "-1", "--format=%B", "refs/heads/" + branch);
        return message.contains(marker) ? java.util.Optional.of(tip.out().strip()) : java.util.Optional.empty();
    }

    /** Deletes the workspace directory. */
    @Override
    public void close() {
        deleteTree(root);
    }

    /** Deletes a directory tree, making read-only entries writable first. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    file.toFile().setWritable(true);
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new EnvironmentException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}

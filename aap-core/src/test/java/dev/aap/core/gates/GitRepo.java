package dev.aap.core.gates;

import dev.aap.core.workspace.Git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real git repository with one base commit, and the patch written over it uncommitted (the branch state). */
final class GitRepo {

    private GitRepo() {
    }

    /** Commits {@code files} into a new repository at {@code dir}; returns the commit id. */
    static String base(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Git.check(dir, "init", "-q", "-b", "main");
        write(dir, files);
        Git.check(dir, "add", "-A");
        Git.check(dir, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "base");
        return Git.check(dir, "rev-parse", "HEAD");
    }

    static void write(Path dir, Map<String, String> files) throws IOException {
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
    }
}

package dev.aap.core.coverage;

import dev.aap.core.patch.Patch;
import dev.aap.core.workspace.Git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Real git repositories for the coverage tests: a base commit, then the change left in the working tree. */
final class CoverageProjects {

    private CoverageProjects() {
    }

    static void commit(Path repo, Map<String, String> files) throws Exception {
        Files.createDirectories(repo);
        Git.check(repo, "init", "-q", "-b", "main");
        write(repo, files);
        Git.check(repo, "add", "-A");
        Git.check(repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "base");
    }

    static void write(Path repo, Map<String, String> files) throws Exception {
        for (var e : files.entrySet()) {
            Path f = repo.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue());
        }
    }

    /** The working tree's change against the base commit, as the workspace reports it. */
    static Patch diff(Path repo) {
        Git.check(repo, "add", "-N", ".");
        return Patch.parse(Git.run(repo, "diff", "--no-color", "HEAD").out());
    }
}

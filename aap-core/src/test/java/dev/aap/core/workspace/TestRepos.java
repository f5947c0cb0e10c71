package dev.aap.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes real git repositories for tests. */
final class TestRepos {

    private TestRepos() {
    }

    static void commit(Path repo, String file, String text) throws IOException {
        if (!Files.exists(repo.resolve(".git"))) {
            Git.check(repo, "init", "-q", "-b", "main");
            Git.check(repo, "config", "user.name", "Test User");
            Git.check(repo, "config", "user.email", "test@example.com");
        }
        Path f = repo.resolve(file);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Git.check(repo, "add", "-A");
        Git.check(repo, "commit", "-q", "-m", "add " + file);
    }
}

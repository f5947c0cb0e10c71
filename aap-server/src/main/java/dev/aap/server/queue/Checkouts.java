package dev.aap.server.queue;

import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;
import dev.aap.core.workspace.Git;
import dev.aap.server.store.RepoRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a registered repository's code comes from for a run: its own directory when it is a local path, else this
 * server's clone under {@code AAP_HOME/repos/<name>}, fetched before each run.
 */
final class Checkouts {

    private final Path home;
    private final java.util.function.Function<RepoRecord, java.util.Map<String, String>> credentials;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** {@code credentials}: the environment that lets git fetch a repository (its forge's token), or none. */
    Checkouts(Path home, java.util.function.Function<RepoRecord, java.util.Map<String, String>> credentials) {
        this.home = home;
        this.credentials = credentials;
    }

    /** The repository directory and the commit {@code baseRef} names there. */
    record Source(Path dir, String commit) {
    }

    Source resolve(RepoRecord repo, String baseRef) {
        Path dir = repo.localPath() ? Path.of(repo.url()) : clone(repo);
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("repository '" + repo.name() + "' is registered at " + repo.url()
                    + ", which is not a directory any more: register it again");
        }
        String ref = baseRef == null || baseRef.isBlank() ? "HEAD" : baseRef;
        // a clone's own branches do not move on fetch: its remote-tracking refs are what the forge has now
        java.util.List<String> candidates = repo.localPath() ? java.util.List.of(ref)
                : java.util.List.of(ref.equals("HEAD") ? "origin/HEAD" : "origin/" + ref, ref);
        for (String c : candidates) {
            Git.Result r = Git.run(dir, "rev-parse", "--verify", "--quiet", c + "^{commit}");
            if (r.ok()) {
                return new Source(dir, r.out().trim());
            }
        }
        throw new BadInputException("repository '" + repo.name() + "' has no branch, tag or commit '" + ref + "'");
    }

    private Path clone(RepoRecord repo) {
        Path dir = home.resolve("repos").resolve(repo.name());
        synchronized (locks.computeIfAbsent(repo.name(), k -> new Object())) {
            try {
                Files.createDirectories(dir.getParent());
            } catch (IOException e) {
                throw new EnvironmentException("cannot create " + dir.getParent() + ": " + e.getMessage(), e);
            }
            java.util.Map<String, String> env = credentials.apply(repo);
            Git.Result r = Files.isDirectory(dir.resolve(".git"))
                    ? Git.run(dir, env, "fetch", "--quiet", "--prune", "origin")
                    : Git.run(dir.getParent(), env, "clone", "--quiet", "--no-checkout", repo.url(), dir.toString());
            if (!r.ok()) {
                throw new EnvironmentException("cannot fetch repository '" + repo.name() + "' from " + repo.url()
                        + ": " + r.err().lines().filter(l -> !l.isBlank()).findFirst().orElse("git failed"));
            }
            if (!Files.isRegularFile(dir.resolve(".git/HEAD"))) {
                throw new EnvironmentException("the clone of '" + repo.name() + "' at " + dir + " is broken");
            }
            return dir;
        }
    }
}

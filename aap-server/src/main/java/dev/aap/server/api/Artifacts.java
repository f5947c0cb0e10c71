package dev.aap.server.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's artifacts (patch.diff, pr.md, checks/*.log, trajectory.jsonl, …) by name. Files under
 * {@code AAP_HOME/runs/<id>/} today; an object store can stand behind the same two calls.
 */
public interface Artifacts {

    /** Names relative to the run, with {@code /} between directories, sorted. */
    List<String> list(String runId);

    /** The artifact's file; empty for names outside the run, symbolic links and missing files. */
    Optional<Path> open(String runId, String name);

    /** The file system store under a home directory. */
    static Artifacts files(Path home) {
        return new Artifacts() {
            @Override
            public List<String> list(String runId) {
                Path dir = home.resolve("runs").resolve(runId);
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> s = Files.walk(dir)) {
                    return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                            .filter(n -> !n.endsWith(".tmp"))
                            .sorted().toList();
                } catch (IOException e) {
                    return List.of();
                }
            }

            @Override
            public Optional<Path> open(String runId, String name) {
                if (name == null || name.isEmpty() || name.length() > 256 || name.indexOf('\0') >= 0
                        || name.startsWith("/") || name.contains("\\")) {
                    return Optional.empty();
                }
                for (String part : name.split("/")) {
                    if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                        return Optional.empty();
                    }
                }
                Path dir = home.resolve("runs").resolve(runId).normalize();
                Path f;
                try {
                    f = dir.resolve(name).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    // a name this file system cannot spell (non-ASCII under a POSIX locale) names no artifact
                    return Optional.empty();
                }
                if (!f.startsWith(dir)) {
                    return Optional.empty();
                }
                // no link anywhere on the way: a link could lead out of the run directory
                for (Path p = f; !p.equals(dir) && p.startsWith(dir); p = p.getParent()) {
                    if (Files.isSymbolicLink(p)) {
                        return Optional.empty();
                    }
                }
                return Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Optional.of(f) : Optional.empty();
            }
        };
    }
}

package dev.aap.cli;

import dev.aap.core.workspace.Git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The engine's view of a benchmark item: a copy of a folder, minus what it must not see, as a one-commit repo. */
final class BenchRepo {

    private BenchRepo() {
    }

    /** Copies {@code src} into {@code target} without the paths {@code left} names, then commits it as is. */
    static Path copy(Path src, Path target, Predicate<Path> left, String message) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path rel = src.relativize(p);
                if (rel.toString().isEmpty() || left.test(rel)) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
        }
        Git.check(target, "init", "-q", "-b", "main");
        Git.check(target, "config", "user.name", "aap bench");
        Git.check(target, "config", "user.email", "bench@localhost");
        Git.check(target, "add", "-A");
        Git.check(target, "commit", "-q", "--no-verify", "-m", message);
        return target;
    }
}

package dev.aap.repair.search;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** Copies a project directory (without VCS data and build or cache outputs) for an extra worker to write into. */
final class ProjectCopy {

    private static final Set<String> SKIP = Set.of(".git", "target", "__pycache__", ".pytest_cache", ".tox",
            ".venv", "node_modules");

    private ProjectCopy() {
    }

    static Path of(Path project, Path target) {
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.toList()) {
                Path rel = project.relativize(p);
                if (rel.toString().isEmpty()) {
                    Files.createDirectories(target);
                    continue;
                }
                boolean skipped = false;
                for (Path part : rel) {
                    skipped |= SKIP.contains(part.toString());
                }
                if (skipped) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new EnvironmentException("cannot copy " + project + " for a parallel test worker: " + e.getMessage(),
                    e);
        }
        return target;
    }
}

package dev.aap.agent.files;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project directory as the tools see it. Every path the model gives is resolved here: relative to the project,
 * normalized, and refused when it leaves the project (by {@code ..}, an absolute path or a symbolic link) or enters
 * {@code .git}.
 */
public final class ProjectFiles {

    private final Path root;
    private final Path realRoot;
    private final java.util.function.Consumer<String> onCreate;

    public ProjectFiles(Path root) {
        this(root, rel -> { });
    }

    /** {@code onCreate} hears of each file {@link #write} creates (project-relative), e.g. to track it in git. */
    public ProjectFiles(Path root, java.util.function.Consumer<String> onCreate) {
        this.onCreate = onCreate;
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new EnvironmentException("cannot resolve " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The project-relative form of {@code given} ("" for the root); throws {@link PathRefused} when outside. */
    public String relative(String given) {
        String g = given == null ? "" : given.strip();
        if (g.startsWith("./")) {
            g = g.substring(2);
        }
        if (g.equals(".") || g.equals("/")) {
            g = "";
        }
        Path p;
        try {
            p = Path.of(g);
        } catch (java.nio.file.InvalidPathException e) {
            throw new PathRefused("'" + given + "' is not a valid path (" + e.getReason() + ")");
        }
        if (p.isAbsolute()) {
            Path abs = p.normalize();
            if (!abs.startsWith(root)) {
                throw new PathRefused("'" + given + "' is outside the project; use paths relative to the project root");
            }
            p = root.relativize(abs);
        }
        Path resolved = root.resolve(p).normalize();
        if (!resolved.startsWith(root)) {
            throw new PathRefused("'" + given + "' leaves the project directory; use paths relative to its root");
        }
        String rel = root.relativize(resolved).toString();
        if (rel.equals(".git") || rel.startsWith(".git/")) {
            throw new PathRefused("'" + given + "' is inside .git; the tools work on the project's files only");
        }
        checkLinks(resolved, given);
        return rel;
    }

    /** The absolute path of a checked relative path. */
    public Path resolve(String relative) {
        return root.resolve(relative(relative));
    }

    /** The file's text, or empty when it does not exist; throws {@link PathRefused} for binary or huge files. */
    public Optional<String> read(String relative) {
        Path p = resolve(relative);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            if (Files.size(p) > 2_000_000) {
                throw new PathRefused(relative + " is " + Files.size(p) + " bytes; too large to view or edit");
            }
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new PathRefused(relative + " is not UTF-8 text");
        } catch (IOException e) {
            throw new EnvironmentException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    public void write(String relative, String text) {
        Path p = resolve(relative);
        boolean created = !Files.exists(p);
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("cannot write " + p + ": " + e.getMessage(), e);
        }
        if (created) {
            onCreate.accept(relative(relative));
        }
    }

    public void delete(String relative) {
        try {
            Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new EnvironmentException("cannot delete " + relative + ": " + e.getMessage(), e);
        }
    }

    private void checkLinks(Path resolved, String given) {
        // the deepest existing ancestor must really be inside the project (a symlink could point anywhere)
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            if (!existing.toRealPath().startsWith(realRoot)) {
                throw new PathRefused("'" + given + "' goes through a link that leaves the project");
            }
        } catch (IOException e) {
            throw new PathRefused("'" + given + "' cannot be resolved: " + e.getMessage());
        }
    }
}

package dev.aap.repair.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's compiled classes, read from disk once per worker: each candidate gets a fresh class loader but the
 * bytes do not change between candidates.
 */
final class ProjectClasses {

    /** One class file and the classes directory it came from. */
    record ClassFile(byte[] bytes, Path root, boolean main) {
    }

    private static final ClassFile ABSENT = new ClassFile(new byte[0], Path.of(""), false);

    private final Path mainRoot;
    private final Path testRoot;
    private final Map<String, ClassFile> cache = new ConcurrentHashMap<>();

    ProjectClasses(Path mainRoot, Path testRoot) {
        this.mainRoot = mainRoot;
        this.testRoot = testRoot;
    }

    List<Path> roots() {
        return List.of(mainRoot, testRoot);
    }

    Path testRoot() {
        return testRoot;
    }

    /** The class file for a binary name, main classes first, or empty when the project has no such class. */
    Optional<ClassFile> find(String binaryName) {
        ClassFile f = cache.computeIfAbsent(binaryName, this::read);
        return f == ABSENT ? Optional.empty() : Optional.of(f);
    }

    private ClassFile read(String binaryName) {
        String relative = binaryName.replace('.', '/') + ".class";
        for (Path root : roots()) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                try {
                    return new ClassFile(Files.readAllBytes(file), root, root.equals(mainRoot));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ABSENT;
    }

    /** A resource from the classes directories (test resources live there too), or null. */
    URL resource(String name) {
        for (Path root : roots()) {
            Path file = root.resolve(name);
            if (Files.exists(file)) {
                try {
                    return file.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}

package dev.aap.repair.jvm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * aap's own class path for the worker JVM, without any JUnit: the worker must use the project's JUnit only.
 */
final class WorkerClasspath {

    private static final List<String> EXCLUDED_PREFIXES = List.of("junit-", "opentest4j-", "apiguardian-");

    private WorkerClasspath() {
    }

    static List<Path> ofThisJvm() {
        return of(System.getProperty("java.class.path"));
    }

    /** The entries of a class path, a lone jar's manifest {@code Class-Path} expanded, JUnit jars removed. */
    static List<Path> of(String classPath) {
        var entries = new ArrayList<Path>();
        for (String e : classPath.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e).toAbsolutePath().normalize());
            }
        }
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            entries.addAll(manifestClassPath(entries.get(0)));
        }
        return entries.stream().filter(WorkerClasspath::keep).distinct().toList();
    }

    private static boolean keep(Path entry) {
        Path name = entry.getFileName();
        return name == null || EXCLUDED_PREFIXES.stream().noneMatch(name.toString()::startsWith);
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) {
                return List.of();
            }
            URI base = jar.getParent().toUri();
            var out = new ArrayList<Path>();
            for (String item : value.trim().split("\\s+")) {
                Path p = Path.of(base.resolve(item));
                if (Files.exists(p)) {
                    out.add(p.normalize());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + jar, e);
        }
    }

    static String join(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }
}

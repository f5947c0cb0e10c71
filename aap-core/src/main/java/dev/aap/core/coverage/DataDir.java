package dev.aap.core.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File chores of the collectors: a fresh data directory per armed run, and resources copied out of aap's jar. */
final class DataDir {

    private DataDir() {
    }

    /** Empties {@code dir} (creating it); an unreadable leftover only makes the next measurement n/a. */
    static void reset(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** Copies the class-path resource {@code name} to {@code target} unless it is there already. */
    static Path extract(String name, Path target) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            return target;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = DataDir.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource " + name + " is not on aap's class path");
            }
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }
}

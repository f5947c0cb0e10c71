package dev.aap.core.audit;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a lock file for threads and processes alike. A {@code FileChannel} lock is held per process,
 * so threads of one JVM queue on a lock of their own first (a second channel lock in the same JVM would throw).
 */
final class FileLocks {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    static <T> T locked(Path lockFile, Supplier<T> body) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = ch.lock()) {
            return body.get();
        } catch (IOException e) {
            throw new EnvironmentException("cannot lock " + key + " (" + e.getMessage()
                    + "): check that its directory is writable", e);
        } finally {
            lock.unlock();
        }
    }
}

package dev.aap.agent.index;

import dev.aap.core.EnvironmentException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The Lucene directory, writer and reader of one index: a private temporary index when another process holds the
 * lock, and a wiped fresh one when the files on disk are unreadable.
 */
final class IndexStore implements AutoCloseable {

    final Path home;
    final boolean temporary;
    final IndexWriter writer;
    private final Directory directory;
    private DirectoryReader reader;

    private IndexStore(Path home, boolean temporary, Directory directory, IndexWriter writer) throws IOException {
        this.home = home;
        this.temporary = temporary;
        this.directory = directory;
        this.writer = writer;
        this.reader = DirectoryReader.open(writer);
    }

    static IndexStore open(Path indexDir) {
        try {
            Files.createDirectories(indexDir);
            return openAt(indexDir, false);
        } catch (LockObtainFailedException e) {
            return temporary();
        } catch (IOException e) {
            throw new EnvironmentException("cannot create the code index in " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private static IndexStore temporary() {
        try {
            return openAt(Files.createTempDirectory("aap-index-"), true);
        } catch (IOException e) {
            throw new EnvironmentException("cannot create a temporary code index: " + e.getMessage(), e);
        }
    }

    private static IndexStore openAt(Path home, boolean temporary) throws IOException {
        Path lucene = home.resolve("lucene");
        Directory dir = FSDirectory.open(lucene);
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(dir, config());
            return new IndexStore(home, temporary, dir, writer);
        } catch (LockObtainFailedException e) {
            dir.close();
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // corrupt, truncated or foreign files (IllegalArgumentException: an unknown codec): start over
            if (writer != null) {
                writer.rollback(); // releases the write lock
            }
            dir.close();
            deleteTree(lucene);
            Files.deleteIfExists(home.resolve(CodeIndex.MANIFEST));
            Directory fresh = FSDirectory.open(lucene);
            return new IndexStore(home, temporary, fresh,
                    new IndexWriter(fresh, config().setOpenMode(IndexWriterConfig.OpenMode.CREATE)));
        }
    }

    private static IndexWriterConfig config() {
        return new IndexWriterConfig(new CodeAnalyzer()).setRAMBufferSizeMB(64)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /** A searcher over everything written so far, committed or not. */
    IndexSearcher searcher() throws IOException {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
            reader.close();
            reader = newer;
        }
        return new IndexSearcher(reader);
    }

    @Override
    public void close() {
        try {
            reader.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the code index in " + home, e);
        } finally {
            if (temporary) {
                deleteTree(home);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}

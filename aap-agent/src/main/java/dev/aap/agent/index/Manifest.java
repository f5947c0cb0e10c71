package dev.aap.agent.index;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the Lucene index holds, file by file, so an update re-reads only what changed.
 *
 * @param schema     {@link #SCHEMA} when written; another value means the index must be rebuilt
 * @param embeddings whether chunks carry vectors (switching this rebuilds)
 * @param docs       Lucene documents after the last update, to notice an index that lost its manifest or data
 * @param files      project-relative path to its entry
 */
record Manifest(int schema, boolean embeddings, long docs, Map<String, Entry> files) {

    static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One indexed file.
     *
     * @param blob   git blob id of the indexed bytes
     * @param size   file size when indexed
     * @param mtime  modification time in nanoseconds when indexed, or -1 when too recent to trust (re-hash next time)
     * @param chunks chunks indexed for it, or -1 for a skipped (binary or oversized) file
     */
    record Entry(String blob, long size, long mtime, int chunks) {
    }

    Manifest {
        files = new TreeMap<>(files);
    }

    static Manifest empty(boolean embeddings) {
        return new Manifest(SCHEMA, embeddings, 0, Map.of());
    }

    /** The manifest in {@code file}, or empty when it is missing, unreadable or of another schema. */
    static Optional<Manifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Manifest m = JSON.readValue(file.toFile(), Manifest.class);
            return m.schema() == SCHEMA && m.files() != null ? Optional.of(m) : Optional.empty();
        } catch (IOException | RuntimeException e) { // a torn or hand-edited manifest just means "rebuild"
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    int indexedFiles() {
        return (int) files.values().stream().filter(e -> e.chunks() >= 0).count();
    }

    int chunks() {
        return files.values().stream().mapToInt(e -> Math.max(0, e.chunks())).sum();
    }
}

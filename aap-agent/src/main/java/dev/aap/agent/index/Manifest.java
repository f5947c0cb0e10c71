package dev.aap.agent.index;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    static final int SCHEMA = 2; // 2: chunks store their vector bytes and text key
    private static final String MAGIC = "aap-code-index";

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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] head = String.valueOf(in.readLine()).split(" ");
            if (head.length != 4 || !head[0].equals(MAGIC) || Integer.parseInt(head[1]) != SCHEMA) {
                return Optional.empty();
            }
            var files = new TreeMap<String, Entry>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", 5);
                files.put(f[4], new Entry(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
            }
            return Optional.of(new Manifest(SCHEMA, Boolean.parseBoolean(head[2]), Long.parseLong(head[3]), files));
        } catch (IOException | RuntimeException e) { // torn, truncated or hand-edited: rebuild
            return Optional.empty();
        }
    }

    /** Writes one header line and one tab-separated line per file (path last), replacing the file atomically. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write(MAGIC + " " + schema + " " + embeddings + " " + docs + "\n");
            for (var e : files.entrySet()) {
                Entry v = e.getValue();
                out.write(v.blob() + "\t" + v.size() + "\t" + v.mtime() + "\t" + v.chunks() + "\t" + e.getKey() + "\n");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    int indexedFiles() {
        return (int) files.values().stream().filter(e -> e.chunks() >= 0).count();
    }

    int chunks() {
        return files.values().stream().mapToInt(e -> Math.max(0, e.chunks())).sum();
    }
}

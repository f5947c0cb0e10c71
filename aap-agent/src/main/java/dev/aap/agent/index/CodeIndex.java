package dev.aap.agent.index;

import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A persistent search index over one project's files, so the agent finds code by identifier or by description
 * without reading the whole tree, and pays only for files that changed since the last run.
 */
public final class CodeIndex implements AutoCloseable {

    static final String MANIFEST = "manifest.tsv";

    private final Path projectDir;
    private final boolean embeddings;
    private final IndexStore store;
    private final CodeAnalyzer analyzer = new CodeAnalyzer();
    private Manifest manifest;

    private CodeIndex(Path projectDir, boolean embeddings, IndexStore store, Manifest manifest) {
        this.projectDir = projectDir;
        this.embeddings = embeddings;
        this.store = store;
        this.manifest = manifest;
    }

    /** Where the index of {@code repoKey} lives: {@code cacheDir/index/<hash of repoKey>}. */
    public static Path dirFor(Path cacheDir, String repoKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(repoKey.getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("index").resolve(HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Opens (creating) the index in {@code indexDir} for the files of {@code projectDir}, a git work tree or a
     * directory inside one; call {@link #update()} before searching. When another process holds the index, this one
     * works on a private temporary copy; an unreadable index is wiped and rebuilt.
     *
     * @param embeddings whether chunks also get MiniLM vectors for natural-language search (switching rebuilds)
     * @throws dev.aap.core.BadInputException when {@code projectDir} is missing or not in a git work tree
     */
    public static CodeIndex open(Path indexDir, Path projectDir, boolean embeddings) {
        Path project = projectDir.toAbsolutePath().normalize();
        WorkTreeFiles.requireWorkTree(project);
        IndexStore store = IndexStore.open(indexDir.toAbsolutePath().normalize());
        Manifest m = Manifest.read(store.home.resolve(MANIFEST))
                .filter(x -> x.embeddings() == embeddings)
                .filter(x -> x.docs() == store.writer.getDocStats().numDocs)
                .orElse(null);
        if (m == null) { // new, switched mode, or out of step with its manifest: start from nothing
            try {
                store.writer.deleteAll();
            } catch (IOException e) {
                store.close();
                throw failure(e);
            }
            m = Manifest.empty(embeddings);
        }
        return new CodeIndex(project, embeddings, store, m);
    }

    /** Whether the index stored in {@code indexDir} has vectors; empty when there is none yet. */
    public static java.util.Optional<Boolean> storedEmbeddings(Path indexDir) {
        return Manifest.read(indexDir.toAbsolutePath().normalize().resolve(MANIFEST)).map(Manifest::embeddings);
    }

    /** Hears how far an update is: files read so far of those whose size or time changed. */
    @FunctionalInterface
    public interface Progress {
        void filesRead(int done, int total);
    }

    /** Brings the index up to date with the work tree: only files whose git blob id changed are re-indexed. */
    public IndexStats update() {
        return update((done, total) -> { });
    }

    /** {@link #update()}, telling {@code progress} after each batch of files. */
    public synchronized IndexStats update(Progress progress) {
        long t0 = System.nanoTime();
        try {
            Indexer.Result r = new Indexer(projectDir, store.writer, embeddings).update(manifest, progress);
            store.writer.commit();
            Manifest m = r.manifest();
            manifest = new Manifest(m.schema(), m.embeddings(), store.writer.getDocStats().numDocs, m.files());
            manifest.write(store.home.resolve(MANIFEST));
            return new IndexStats(manifest.indexedFiles(), manifest.chunks(), r.changed(), r.removed(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The best chunks for {@code query} (identifiers or words), best first; empty before the first update. */
    public synchronized List<Hit> search(String query, int limit) {
        Objects.requireNonNull(query, "query");
        try {
            return HybridSearch.search(store.searcher(), analyzer, query, limit, embeddings);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Definitions named {@code name} ({@code parse}, or {@code Parser.parse} for a member of a type), matching case
     * exactly first and ignoring case only when nothing matches exactly; ordered by file and line.
     */
    public synchronized List<Symbol> findSymbol(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return SymbolLookup.find(store.searcher(), name);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The project-relative text files the index holds, sorted (binary and oversized files are left out). */
    public synchronized List<String> files() {
        return manifest.files().entrySet().stream().filter(e -> e.getValue().chunks() >= 0).map(Map.Entry::getKey)
                .toList();
    }

    /** True when another process holds the index in the cache, so this one works on a private temporary copy. */
    boolean isTemporary() {
        return store.temporary;
    }

    @Override
    public synchronized void close() {
        store.close();
    }

    private static EnvironmentException failure(IOException e) {
        return new EnvironmentException("code index: " + e.getMessage(), e);
    }
}

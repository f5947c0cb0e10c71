package dev.aap.agent.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * One incremental update: hashes what may have changed (a file whose size and modification time match the manifest
 * is trusted), re-chunks and re-embeds changed files, and deletes the documents of files that are gone.
 */
final class Indexer {

    static final long MAX_FILE_BYTES = 1 << 20;
    private static final int BATCH_FILES = 256;
    /** Modification times this close to the update may hide a later same-size edit, as in git's "racy clean". */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** A changed file, read and chunked, waiting for its documents to be written. */
    private record Prepared(String file, Manifest.Entry entry, List<Definition> definitions, List<Chunk> chunks) {
    }

    /** The manifest after the update and how many files changed or went away. */
    record Result(Manifest manifest, int changed, int removed) {
    }

    private final Path projectDir;
    private final IndexWriter writer;
    private final boolean embeddings;

    Indexer(Path projectDir, IndexWriter writer, boolean embeddings) {
        this.projectDir = projectDir;
        this.writer = writer;
        this.embeddings = embeddings;
    }

    Result update(Manifest before, CodeIndex.Progress progress) throws IOException {
        if (embeddings && !before.files().isEmpty()) {
            Embedder.loadInBackground(); // overlaps the scan below; an update with nothing to embed does not wait
        }
        long started = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Map<String, Manifest.Entry> after = new HashMap<>();
        var stale = new ArrayList<String>();
        var statOf = new HashMap<String, BasicFileAttributes>();
        for (String file : WorkTreeFiles.list(projectDir)) {
            Path path = projectDir.resolve(file);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue; // deleted in the work tree but still in git's index
            }
            if (!attrs.isRegularFile()) {
                continue;
            }
            Manifest.Entry old = before.files().get(file);
            long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (old != null && old.mtime() >= 0 && old.mtime() == mtime && old.size() == attrs.size()) {
                after.put(file, old);
            } else {
                stale.add(file);
                statOf.put(file, attrs);
            }
        }
        int changed = 0;
        for (int i = 0; i < stale.size(); i += BATCH_FILES) {
            List<String> batch = stale.subList(i, Math.min(stale.size(), i + BATCH_FILES));
            List<Prepared> prepared = batch.parallelStream()
                    .map(f -> prepare(f, statOf.get(f), before.files().get(f), started)).toList();
            try {
                changed += write(prepared, after);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            progress.filesRead(i + batch.size(), stale.size());
        }
        int removed = 0;
        for (String file : before.files().keySet()) {
            if (!after.containsKey(file)) {
                writer.deleteDocuments(Documents.fileTerm(file));
                removed++;
            }
        }
        return new Result(new Manifest(Manifest.SCHEMA, embeddings, 0, after), changed, removed);
    }

    /** Reads and hashes one file; chunks it only when its blob id changed ({@code chunks() == null} otherwise). */
    private Prepared prepare(String file, BasicFileAttributes attrs, Manifest.Entry old, long started) {
        long mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long trusted = mtime < started - RACY_NANOS ? mtime : -1;
        if (attrs.size() > MAX_FILE_BYTES) {
            return new Prepared(file, new Manifest.Entry("", attrs.size(), trusted, -1), List.of(), List.of());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(projectDir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String blob = BlobId.of(bytes);
        if (old != null && old.blob().equals(blob)) {
            return new Prepared(file, new Manifest.Entry(blob, bytes.length, trusted, old.chunks()), null, null);
        }
        if (isBinary(bytes)) {
            return new Prepared(file, new Manifest.Entry(blob, bytes.length, trusted, -1), List.of(), List.of());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Definition> definitions = SourceSymbols.definitions(file, text);
        List<Chunk> chunks = Chunker.chunks(file, text, definitions);
        return new Prepared(file, new Manifest.Entry(blob, bytes.length, trusted, chunks.size()), definitions, chunks);
    }

    /** Writes the documents of changed files, in parallel (IndexWriter analyses on the calling thread). */
    private int write(List<Prepared> prepared, Map<String, Manifest.Entry> after) {
        var changed = new ArrayList<Prepared>();
        var texts = new ArrayList<String>();
        for (Prepared p : prepared) {
            after.put(p.file(), p.entry());
            if (p.chunks() != null) { // null: touched, same content
                changed.add(p);
                p.chunks().forEach(c -> texts.add(Documents.embeddingText(c)));
            }
        }
        List<float[]> vectors = embeddings && !texts.isEmpty() ? vectors(texts, changed) : null;
        int[] offsets = new int[changed.size()];
        for (int i = 1; i < changed.size(); i++) {
            offsets[i] = offsets[i - 1] + changed.get(i - 1).chunks().size();
        }
        IntStream.range(0, changed.size()).parallel().forEach(i -> {
            Prepared p = changed.get(i);
            var docs = new ArrayList<Document>(p.definitions().size() + p.chunks().size());
            p.definitions().forEach(d -> docs.add(Documents.symbol(d)));
            for (int c = 0; c < p.chunks().size(); c++) {
                docs.add(Documents.chunk(p.chunks().get(c), vectors == null ? null : vectors.get(offsets[i] + c)));
            }
            try {
                writer.deleteDocuments(Documents.fileTerm(p.file()));
                writer.addDocuments(docs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return changed.size();
    }

    /**
     * Vectors for {@code texts}: the ones whose text is unchanged come from the files' previous documents (editing one
     * method of a file re-embeds that method, not the whole file); only the rest go through the model.
     */
    private List<float[]> vectors(List<String> texts, List<Prepared> changed) {
        Map<String, float[]> known = previousVectors(changed);
        var keys = texts.stream().map(Documents::embedKey).toList();
        var missing = new ArrayList<String>();
        for (int i = 0; i < texts.size(); i++) {
            if (!known.containsKey(keys.get(i))) {
                missing.add(texts.get(i));
            }
        }
        List<float[]> fresh = missing.isEmpty() ? List.of() : Embedder.embedAll(missing);
        var out = new ArrayList<float[]>(texts.size());
        int next = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] v = known.get(keys.get(i));
            out.add(v != null ? v : fresh.get(next++));
        }
        return out;
    }

    private Map<String, float[]> previousVectors(List<Prepared> changed) {
        var known = new HashMap<String, float[]>();
        try (var reader = org.apache.lucene.index.DirectoryReader.open(writer)) {
            var searcher = new org.apache.lucene.search.IndexSearcher(reader);
            var stored = searcher.storedFields();
            for (Prepared p : changed) {
                var hits = searcher.search(new org.apache.lucene.search.TermQuery(Documents.fileTerm(p.file())),
                        10_000);
                for (var sd : hits.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    float[] v = Documents.storedVector(d);
                    String key = d.get(Documents.EMBED_KEY);
                    if (v != null && key != null) {
                        known.put(key, v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }

    private static boolean isBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8000);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}

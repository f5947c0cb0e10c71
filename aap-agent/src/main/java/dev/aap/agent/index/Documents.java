package dev.aap.agent.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

import java.util.Locale;

/** The Lucene schema: chunk documents for search, symbol documents for look-ups, both keyed by file. */
final class Documents {

    static final String TYPE = "type";
    static final String CHUNK = "chunk";
    static final String SYMBOL = "symbol";
    static final String FILE = "file";
    static final String PATH = "path";
    static final String NAME = "name";
    static final String TEXT = "text";
    static final String VECTOR = "vec";
    /** The chunk's vector as stored bytes and the hash of the text it came from, to reuse it when that is unchanged. */
    static final String VECTOR_BYTES = "vecbytes";
    static final String EMBED_KEY = "ekey";
    static final String SIMPLE = "sname";
    static final String SIMPLE_LC = "sname_lc";
    static final String PARENT = "parent";
    static final String PARENT_LC = "parent_lc";
    private static final String START = "start";
    private static final String END = "end";
    private static final String KIND = "kind";
    private static final String QUALIFIED = "qualified";
    private static final int SNIPPET_LINES = 15;
    private static final int SNIPPET_CHARS = 1200;

    private Documents() {
    }

    static Term fileTerm(String file) {
        return new Term(FILE, file);
    }

    /** The text a chunk is embedded from: where it lives, what it defines, then its code. */
    static String embeddingText(Chunk c) {
        return c.file() + "\n" + (c.symbol().isEmpty() ? "" : c.kind() + " " + c.symbol() + "\n") + c.text();
    }

    static Document chunk(Chunk c, float[] vector) {
        var d = new Document();
        d.add(new StringField(TYPE, CHUNK, Field.Store.NO));
        d.add(new StringField(FILE, c.file(), Field.Store.YES));
        d.add(new TextField(PATH, c.file(), Field.Store.NO));
        d.add(new TextField(NAME, c.symbol(), Field.Store.NO));
        d.add(new TextField(TEXT, c.text(), Field.Store.YES));
        d.add(new StoredField(QUALIFIED, c.symbol()));
        d.add(new StoredField(KIND, c.kind()));
        d.add(new StoredField(START, c.startLine()));
        d.add(new StoredField(END, c.endLine()));
        if (vector != null) {
            d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
            var bytes = java.nio.ByteBuffer.allocate(vector.length * Float.BYTES);
            bytes.asFloatBuffer().put(vector);
            d.add(new StoredField(VECTOR_BYTES, bytes.array()));
            d.add(new StoredField(EMBED_KEY, embedKey(embeddingText(c))));
        }
        return d;
    }

    /** A stable key of an embedding text (its SHA-1). */
    static String embedKey(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The stored vector of a chunk document, or null. */
    static float[] storedVector(Document d) {
        var ref = d.getBinaryValue(VECTOR_BYTES);
        if (ref == null) {
            return null;
        }
        var floats = java.nio.ByteBuffer.wrap(ref.bytes, ref.offset, ref.length).asFloatBuffer();
        float[] v = new float[floats.remaining()];
        floats.get(v);
        return v;
    }

    static Document symbol(Definition def) {
        Symbol s = def.symbol();
        var d = new Document();
        d.add(new StringField(TYPE, SYMBOL, Field.Store.NO));
        d.add(new StringField(FILE, s.file(), Field.Store.YES));
        d.add(new StringField(SIMPLE, s.name(), Field.Store.YES));
        d.add(new StringField(SIMPLE_LC, s.name().toLowerCase(Locale.ROOT), Field.Store.NO));
        // every suffix of the container, so "Inner.run" and "Outer.Inner.run" both find run
        String container = def.container();
        while (!container.isEmpty()) {
            d.add(new StringField(PARENT, container, Field.Store.NO));
            d.add(new StringField(PARENT_LC, container.toLowerCase(Locale.ROOT), Field.Store.NO));
            int dot = container.indexOf('.');
            container = dot < 0 ? "" : container.substring(dot + 1);
        }
        d.add(new StoredField(KIND, s.kind()));
        d.add(new StoredField(START, s.startLine()));
        d.add(new StoredField(END, s.endLine()));
        return d;
    }

    static Hit hit(Document d, double score) {
        return new Hit(d.get(FILE), start(d), end(d), d.get(QUALIFIED), snippet(d.get(TEXT)), score);
    }

    static Symbol toSymbol(Document d) {
        return new Symbol(d.get(SIMPLE), d.get(KIND), d.get(FILE), start(d), end(d));
    }

    private static int start(Document d) {
        return d.getField(START).numericValue().intValue();
    }

    private static int end(Document d) {
        return d.getField(END).numericValue().intValue();
    }

    private static String snippet(String text) {
        String s = text.lines().limit(SNIPPET_LINES).reduce((a, b) -> a + "\n" + b).orElse("");
        return s.length() > SNIPPET_CHARS ? s.substring(0, SNIPPET_CHARS) + "..." : s;
    }
}

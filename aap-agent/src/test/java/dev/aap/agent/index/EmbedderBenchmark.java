package dev.aap.agent.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures model load time and texts per second of {@link Embedder} ({@code new}) or of LangChain4j's model one text
 * at a time as it was used before ({@code old}), on chunks of a source tree; a main, not a test, so no timing is
 * ever asserted. Run one mode per JVM so both pay the same cold start.
 *
 * <pre>java -cp CLASSPATH dev.aap.agent.index.EmbedderBenchmark new|old [SOURCE_DIR] [TEXTS] [ROUNDS]</pre>
 */
final class EmbedderBenchmark {

    private EmbedderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> texts = chunkTexts(root, count);

        long start = System.nanoTime();
        Function<List<String>, List<float[]>> embedder = switch (mode) {
            case "new" -> Embedder::embedAll;
            case "old" -> old();
            default -> throw new IllegalArgumentException("mode is new or old, not " + mode);
        };
        embedder.apply(List.of("warm up"));
        System.out.printf("%s: load and first text %d ms%n", mode, (System.nanoTime() - start) / 1_000_000);
        for (int r = 1; r <= rounds; r++) {
            long t0 = System.nanoTime();
            embedder.apply(texts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: round %d, %d texts in %.1f s, %.1f texts/s%n", mode, r, texts.size(), seconds,
                    texts.size() / seconds);
        }
    }

    /** The previous embedder: LangChain4j's model, one ONNX call at a time on the calling thread. */
    private static Function<List<String>, List<float[]>> old() {
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        return texts -> model.embedAll(texts.stream()
                        .map(t -> TextSegment.from(t.length() > Embedder.MAX_CHARS ? t.substring(0, Embedder.MAX_CHARS) : t))
                        .toList())
                .content().stream().map(Embedding::vector).toList();
    }

    /** The texts the indexer embeds for the Java and Python files under {@code root}, in file order. */
    private static List<String> chunkTexts(Path root, int count) throws IOException {
        var texts = new ArrayList<String>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".py"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList();
        }
        for (Path file : files) {
            String name = root.relativize(file).toString();
            String text = Files.readString(file);
            for (Chunk c : Chunker.chunks(name, text, SourceSymbols.definitions(name, text))) {
                if (texts.size() == count) {
                    return texts;
                }
                texts.add(Documents.embeddingText(c));
            }
        }
        return texts;
    }
}

package dev.aap.agent.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * The in-process MiniLM sentence embedder (the int8-quantized model: it loads in half the time of the float one and
 * embeds about a third faster on two cores, at a small cost in similarity quality), loaded on first use and shared by every index of the process (loading
 * takes about a second, so an update with nothing to embed never pays it).
 */
final class Embedder {

    /** MiniLM reads at most 256 word pieces; longer text only costs time. */
    static final int MAX_CHARS = 1000;

    private static volatile EmbeddingModel model;

    private Embedder() {
    }

    static float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    static List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(t.isBlank() ? "(empty)" : t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t))
                .toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    private static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (Embedder.class) {
                m = model;
                if (m == null) {
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
                    model = m;
                }
            }
        }
        return m;
    }
}

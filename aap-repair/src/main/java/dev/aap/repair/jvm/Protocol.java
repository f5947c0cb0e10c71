package dev.aap.repair.jvm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON-lines conversation between {@link JvmWorker} and {@link WorkerMain}: one request, then replies. */
final class Protocol {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectWriter REQUEST_WRITER = JSON.writerFor(Request.class);
    private static final ObjectWriter REPLY_WRITER = JSON.writerFor(Reply.class);
    private static final ObjectReader REQUEST_READER = JSON.readerFor(Request.class);
    private static final ObjectReader REPLY_READER = JSON.readerFor(Reply.class);

    private Protocol() {
    }

    /** What the parent asks; the worker answers each with zero or more {@link Reply.Started} and one final reply. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Request.Init.class, name = "init"),
            @JsonSubTypes.Type(value = Request.Discover.class, name = "discover"),
            @JsonSubTypes.Type(value = Request.Cover.class, name = "cover"),
            @JsonSubTypes.Type(value = Request.Validate.class, name = "validate")})
    sealed interface Request {

        /** Always the first request: where the project is. */
        record Init(String classesDir, String testClassesDir, List<String> testClasspath, List<String> runnerJars)
                implements Request {
        }

        record Discover() implements Request {
        }

        /**
         * Run one test alone with the main classes instrumented for line coverage; {@code classes} (binary name to
         * class file, may be empty) replace compiled ones, to measure a patch the way the baseline was measured.
         */
        record Cover(String testId, Map<String, byte[]> classes) implements Request {

            public Cover {
                classes = classes == null ? Map.of() : Map.copyOf(classes);
            }

            public Cover(String testId) {
                this(testId, Map.of());
            }
        }

        /** Run tests against these class bytes (binary name to class file) overriding the compiled ones. */
        record Validate(Map<String, byte[]> classes, List<String> first, List<String> rest) implements Request {
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "reply")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Reply.Ready.class, name = "ready"),
            @JsonSubTypes.Type(value = Reply.Started.class, name = "started"),
            @JsonSubTypes.Type(value = Reply.Discovered.class, name = "discovered"),
            @JsonSubTypes.Type(value = Reply.Covered.class, name = "covered"),
            @JsonSubTypes.Type(value = Reply.Validated.class, name = "validated"),
            @JsonSubTypes.Type(value = Reply.Failure.class, name = "failure")})
    sealed interface Reply {

        record Ready(String javaVersion) implements Reply {
        }

        /** Progress: this test is starting now, so a hang can be blamed on it. */
        record Started(String testId) implements Reply {
        }

        record Discovered(List<String> testIds) implements Reply {
        }

        /**
         * @param lines         source file ({@code package/dirs/File.java}) to covered lines
         * @param leakedThreads the test left threads running; the worker should be replaced
         */
        record Covered(boolean passed, Map<String, Set<Integer>> lines, boolean leakedThreads) implements Reply {
        }

        record Validated(int testsRun, String failedTest, String message, boolean timedOut, boolean leakedThreads)
                implements Reply {
        }

        /** The worker could not do what was asked (not a test failure): the parent replaces it. */
        record Failure(String message) implements Reply {
        }
    }

    static String write(Request r) {
        try {
            return REQUEST_WRITER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + r.getClass().getSimpleName(), e);
        }
    }

    static String write(Reply r) {
        try {
            return REPLY_WRITER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + r.getClass().getSimpleName(), e);
        }
    }

    static Request readRequest(String line) throws JsonProcessingException {
        return REQUEST_READER.readValue(line);
    }

    static Reply readReply(String line) throws JsonProcessingException {
        return REPLY_READER.readValue(line);
    }
}

package dev.aap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a run's finished steps record their outputs, so that another process can go on from the last one: files in
 * the run directory for the command line, a database table for a server. A step's output is saved before the next
 * step starts; a step whose output cannot be loaded runs again, and so do the steps after it.
 */
public interface Checkpoints {

    /** The output {@code step} saved, or empty when it has none. May throw when the store cannot be read. */
    Optional<JsonNode> load(String step);

    /** Records {@code step}'s output durably and atomically (all or nothing), replacing an earlier one. */
    void save(String step, JsonNode output);

    /** Files {@code runDir/steps/<step>.json}, each written to a temporary file and moved into place. */
    static Checkpoints inDirectory(Path runDir) {
        return new DirectoryCheckpoints(runDir.resolve("steps"));
    }

    /** Records nothing and loads nothing: a run that cannot be resumed. */
    static Checkpoints none() {
        return new Checkpoints() {
            @Override
            public Optional<JsonNode> load(String step) {
                return Optional.empty();
            }

            @Override
            public void save(String step, JsonNode output) {
                // nothing is kept
            }
        };
    }
}

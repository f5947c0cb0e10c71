package dev.aap.cli;

import dev.aap.core.pipeline.PatchStrategy;
import dev.aap.repair.search.SearchStrategy;

import java.util.Map;

/** The brains this build ships, by name. */
final class Strategies {

    private Strategies() {
    }

    static Map<String, PatchStrategy> all() {
        return Map.of("search", new SearchStrategy());
    }
}

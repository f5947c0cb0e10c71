package dev.aap.agent.index;

import java.util.Objects;

/**
 * A piece of a file that is indexed and returned as one search hit.
 *
 * @param symbol qualified name of the definition ({@code Shop.add}), or {@code ""} for a window of lines
 * @param kind   the definition's kind, or {@code "text"} for a window
 * @param text   the lines of the chunk; a gap in a class's header-and-fields chunk shows as {@code ...}
 */
record Chunk(String file, int startLine, int endLine, String symbol, String kind, String text) {

    Chunk {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}

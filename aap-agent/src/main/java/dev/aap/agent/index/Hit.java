package dev.aap.agent.index;

import java.util.Objects;

/**
 * One search result: a chunk of a file the model can open at the given lines.
 *
 * @param file      project-relative path
 * @param startLine first line of the chunk, 1-based
 * @param endLine   last line of the chunk, inclusive
 * @param symbol    the definition the chunk belongs to, or {@code ""} for a window of lines
 * @param snippet   the first lines of the chunk
 * @param score     higher is better; comparable only within one result list
 */
public record Hit(String file, int startLine, int endLine, String symbol, String snippet, double score) {

    public Hit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(snippet, "snippet");
    }
}

package dev.aap.agent.index;

import java.util.Objects;

/**
 * A named definition in a source file, so tools can point the model at exact line ranges.
 *
 * @param name      simple name ({@code parse}, {@code Parser})
 * @param kind      one of {@code class, interface, enum, record, method, constructor, function}
 * @param file      project-relative path with {@code /} separators
 * @param startLine first line, 1-based, annotations and decorators included
 * @param endLine   last line, 1-based, inclusive
 */
public record Symbol(String name, String kind, String file, int startLine, int endLine) {

    public Symbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " for " + name);
        }
    }

    /** The callable kinds: definitions whose body is code rather than members. */
    boolean isCallable() {
        return kind.equals("method") || kind.equals("constructor") || kind.equals("function");
    }
}

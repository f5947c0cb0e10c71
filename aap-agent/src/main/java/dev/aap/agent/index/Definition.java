package dev.aap.agent.index;

import java.util.Objects;

/**
 * A symbol with what encloses it and where its leading doc comment starts, which chunking and
 * {@code Class.method} look-ups need but {@link Symbol} does not carry.
 *
 * @param symbol    the definition
 * @param container enclosing type names, outermost first, joined by {@code .} ({@code ""} at top level)
 * @param docLine   first line of the doc comment above the definition, or {@code symbol.startLine()}
 */
record Definition(Symbol symbol, String container, int docLine) {

    Definition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(container, "container");
        docLine = Math.min(docLine, symbol.startLine());
    }
}

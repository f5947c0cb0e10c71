package dev.aap.agent.index;

import java.util.List;

/** The definitions in one source file, so tools and chunking can work by symbol instead of by line. */
public final class SourceSymbols {

    private SourceSymbols() {
    }

    /**
     * Definitions of {@code text} in source order: JavaParser for {@code .java}, tree-sitter for {@code .py} (an
     * indentation scanner when tree-sitter cannot load). Other files, and text too broken to recover, give an empty
     * list; never throws.
     *
     * @param file project-relative path; its extension picks the language and it is copied into each symbol
     */
    public static List<Symbol> of(String file, String text) {
        return definitions(file, text).stream().map(Definition::symbol).toList();
    }

    static List<Definition> definitions(String file, String text) {
        return switch (Language.of(file)) {
            case JAVA -> JavaOutline.definitions(file, text);
            case PYTHON -> PythonOutline.definitions(file, text);
            case OTHER -> List.of();
        };
    }
}

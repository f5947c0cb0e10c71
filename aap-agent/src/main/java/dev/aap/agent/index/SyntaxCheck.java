package dev.aap.agent.index;

import java.util.Optional;

/** A fast parse of edited text, so an edit that breaks the syntax goes back to the model before anything runs. */
public final class SyntaxCheck {

    private SyntaxCheck() {
    }

    /**
     * Empty when {@code text} parses; otherwise one short message such as
     * {@code "line 12, column 5: missing ':'"}. Files of unknown type (and Python when tree-sitter cannot load) are
     * not checked and give empty.
     */
    public static Optional<String> problem(String file, String text) {
        return switch (Language.of(file)) {
            case JAVA -> JavaOutline.problem(text);
            case PYTHON -> PythonOutline.problem(text);
            case OTHER -> Optional.empty();
        };
    }
}

package dev.aap.agent.index;

import java.util.Locale;

/** The languages the index understands beyond plain text, by file name. */
enum Language {
    JAVA, PYTHON, OTHER;

    static Language of(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        if (f.endsWith(".java")) {
            return JAVA;
        }
        if (f.endsWith(".py") || f.endsWith(".pyi")) {
            return PYTHON;
        }
        return OTHER;
    }
}

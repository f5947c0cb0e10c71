package dev.aap.core.build;

import java.util.Locale;

/** Which project files are tests, by the conventions of Maven/JUnit and pytest. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * True for a test source: Java under {@code src/test/} (in any module) or named {@code *Test.java},
     * {@code *Tests.java}, {@code *IT.java}; Python named {@code test_*.py}, {@code *_test.py}, {@code conftest.py},
     * or under a {@code tests/} or {@code test/} directory.
     */
    public static boolean isTestFile(String relPath) {
        String p = relPath.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        String lower = p.toLowerCase(Locale.ROOT);
        if (name.endsWith(".java") || name.endsWith(".kt")) {
            return lower.startsWith("src/test/") || lower.contains("/src/test/") || name.matches(".*(Test|Tests|IT)\\.(java|kt)");
        }
        if (name.endsWith(".py")) {
            return name.startsWith("test_") || name.endsWith("_test.py") || name.equals("conftest.py")
                    || lower.startsWith("tests/") || lower.startsWith("test/") || lower.contains("/tests/")
                    || lower.contains("/test/");
        }
        return false;
    }
}

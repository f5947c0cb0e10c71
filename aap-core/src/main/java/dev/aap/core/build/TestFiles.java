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

    /** Whether the test with report id {@code id} (a pytest node id or {@code pkg.Class#method}) is defined in {@code file}. */
    public static boolean defines(String file, String id) {
        if (id.contains("::")) {
            return id.substring(0, id.indexOf("::")).equals(file);
        }
        String cls = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
        String f = file.replace('\\', '/');
        int src = f.indexOf("src/test/java/");
        String path = src >= 0 ? f.substring(src + "src/test/java/".length()) : f;
        String name = path.endsWith(".java") ? path.substring(0, path.length() - 5).replace('/', '.') : path;
        return cls.equals(name) || cls.startsWith(name + "$");
    }

    /** The test classes (Java) or files (pytest) holding the tests {@code ids}: what a test selection can name. */
    public static java.util.List<String> containers(java.util.List<String> ids) {
        var out = new java.util.LinkedHashSet<String>();
        for (String t : ids) {
            int py = t.indexOf("::");
            int java = t.indexOf('#');
            out.add(py > 0 ? t.substring(0, py) : java > 0 ? t.substring(0, java) : t);
        }
        return java.util.List.copyOf(out);
    }
}

package dev.aap.core.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A unified diff with its parsed file list and line counts.
 *
 * @param diff      the unified diff text (as {@code git diff} prints it)
 * @param files     paths touched, relative to the repository top level
 * @param newFiles  paths created by the diff
 * @param added     added lines
 * @param removed   removed lines
 * @param sha256    hex SHA-256 of {@code diff}
 */
public record Patch(String diff, List<String> files, List<String> newFiles, int added, int removed, String sha256) {

    public Patch {
        files = List.copyOf(files);
        newFiles = List.copyOf(newFiles);
    }

    /** Parses a unified diff as printed by {@code git diff}. */
    public static Patch parse(String diff) {
        var files = new LinkedHashSet<String>();
        var created = new ArrayList<String>();
        int added = 0;
        int removed = 0;
        boolean newFile = false;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                newFile = false;
            } else if (line.startsWith("new file mode")) {
                newFile = true;
            } else if (line.startsWith("+++ ")) {
                String path = stripPrefix(line.substring(4));
                if (!path.equals("/dev/null")) {
                    files.add(path);
                    if (newFile) {
                        created.add(path);
                    }
                }
            } else if (line.startsWith("--- ")) {
                String path = stripPrefix(line.substring(4));
                if (!path.equals("/dev/null")) {
                    files.add(path);
                }
            } else if (line.startsWith("+")) {
                added++;
            } else if (line.startsWith("-")) {
                removed++;
            }
        }
        return new Patch(diff, List.copyOf(files), created, added, removed, dev.aap.core.Digest.sha256(diff));
    }

    /** Lines changed as benchmarks count them: the larger of added and removed. */
    public int changedLines() {
        return Math.max(added, removed);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static String stripPrefix(String p) {
        String path = p.strip();
        int tab = path.indexOf('\t');
        if (tab >= 0) {
            path = path.substring(0, tab);
        }
        if (path.startsWith("a/") || path.startsWith("b/")) {
            return path.substring(2);
        }
        return path;
    }

}

package dev.aap.core.coverage;

import dev.aap.core.build.TestFiles;
import dev.aap.core.patch.Patch;
import dev.aap.core.secrets.AddedLines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines a patch adds (a changed line is a removed plus an added one) in non-test sources of one language, keyed
 * by path relative to the project directory; what diff coverage is measured on.
 */
final class ChangedLines {

    private ChangedLines() {
    }

    /** {@code subdir}: the project's directory relative to the repository top level, "" at the top. */
    static Map<String, List<Integer>> of(Patch patch, String subdir, String extension) {
        String prefix = subdir == null || subdir.isEmpty() ? "" : subdir.endsWith("/") ? subdir : subdir + "/";
        var out = new LinkedHashMap<String, List<Integer>>();
        for (AddedLines file : AddedLines.of(patch)) {
            if (!file.path().startsWith(prefix) || !file.path().endsWith(extension)) {
                continue;
            }
            String rel = file.path().substring(prefix.length());
            if (!TestFiles.isTestFile(rel)) {
                out.put(rel, file.lines().stream().map(AddedLines.Line::number).toList());
            }
        }
        return out;
    }

    /** Non-test files of {@code files} (project-relative) that end with {@code extension}. */
    static List<String> sources(java.util.Collection<String> files, String extension) {
        return files.stream().filter(f -> f.endsWith(extension) && !TestFiles.isTestFile(f)).sorted().toList();
    }

    /** Joins the project prefix back on for the repository-relative paths the review reports. */
    static String repoPath(String subdir, String projectRelative) {
        return subdir == null || subdir.isEmpty() ? projectRelative
                : (subdir.endsWith("/") ? subdir : subdir + "/") + projectRelative;
    }
}

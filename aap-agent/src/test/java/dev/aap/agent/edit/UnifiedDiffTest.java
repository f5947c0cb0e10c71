package dev.aap.agent.edit;

import dev.aap.agent.files.ProjectFiles;
import dev.aap.core.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.aap.agent.edit.EditApplierTest.PAGER;
import static dev.aap.agent.edit.EditApplierTest.PAGER_FILE;
import static org.assertj.core.api.Assertions.assertThat;

/** Unified diffs sent as the patch, as models send them: stale numbers, lost indentation, wrong files. */
class UnifiedDiffTest {

    @TempDir
    Path dir;

    private final List<String> created = new ArrayList<>();

    private EditApplier applier() {
        return new EditApplier(new ProjectFiles(dir, created::add), Policy.defaults(), () -> 0, 1000);
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    private static EditRequest diff(String file, String patch) {
        return new EditRequest(file, EditRequest.Type.DIFF, null, patch, "test");
    }

    @Test
    void appliesADiffWhoseLineNumbersAreFiveOff() throws IOException {
        write(PAGER_FILE, PAGER);
        // the model numbered from a view before five lines were added above hasNext: the header says 7, it is 12
        String patch = """
                --- a/src/main/java/demo/Pager.java
                +++ b/src/main/java/demo/Pager.java
                @@ -6,3 +6,3 @@
                     public boolean hasNext(int total) {
                -        return page * size < total;
                +        return (page + 1) * size <= total;
                     }
                """;

        EditOutcome out = applier().apply(diff(PAGER_FILE, patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
        assertThat(out.observation()).contains("was found at line 11, not 6")
                .contains("   12|         return (page + 1) * size <= total;")
                .contains("Line numbers below the edit are unchanged.")
                .doesNotContain("@@").doesNotContain("+++");
    }

    @Test
    void appliesADiffWhoseIndentationDriftedAndReindentsItsAddedLines() throws IOException {
        write(PAGER_FILE, PAGER);
        // a 7B model's diff of a method it copied without the class's indentation
        String patch = """
                @@ -15,3 +15,4 @@
                 public int next() {
                -    return ++page;
                +    page++;
                +    return page;
                 }
                """;

        EditOutcome out = applier().apply(diff(PAGER_FILE, patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("""
                    public int next() {
                        page++;
                        return page;
                    }
                """).doesNotContain("++page");
        assertThat(out.observation()).contains("matched ignoring whitespace")
                .contains("Lines after 16 moved down by 1: add 1 to the line numbers you saw below line 16.");
    }

    @Test
    void refusesADiffWhoseContextIsNotInTheFileShowingTheNearestLinesAndChangingNothing() throws IOException {
        write(PAGER_FILE, PAGER);
        // the model remembers a method body that is not there (it hallucinated the field name)
        String patch = """
                @@ -11,3 +11,3 @@
                     public boolean hasNext(int total) {
                -        return pageIndex * pageSize < total;
                +        return (pageIndex + 1) * pageSize <= total;
                     }
                """;

        EditOutcome out = applier().apply(diff(PAGER_FILE, patch));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("hunk 1 (@@ -11,3 +11,3 @@) does not fit " + PAGER_FILE)
                .contains("The most similar lines are 11-13:\n")
                .contains("   12|         return page * size < total;\n")
                .contains("Nothing was changed");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void refusesADiffForAnotherFileNamingIt() throws IOException {
        write(PAGER_FILE, PAGER);
        String patch = """
                --- a/src/main/java/demo/Book.java
                +++ b/src/main/java/demo/Book.java
                @@ -12,1 +12,1 @@
                -        return page * size < total;
                +        return (page + 1) * size <= total;
                """;

        EditOutcome out = applier().apply(new EditRequest(PAGER_FILE, EditRequest.Type.REPLACE,
                new EditRequest.Locator(null, 12, 12, null), patch, "test"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("the diff is for src/main/java/demo/Book.java, not for " + PAGER_FILE);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void appliesAllHunksOrNone() throws IOException {
        write(PAGER_FILE, PAGER);
        String goodThenBad = """
                @@ -12,1 +12,1 @@
                -        return page * size < total;
                +        return (page + 1) * size <= total;
                @@ -16,1 +16,1 @@
                -        return ++pageNumber;
                +        return ++pageNumber + 0;
                """;

        EditOutcome refused = applier().apply(diff(PAGER_FILE, goodThenBad));

        assertThat(refused).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(refused.observation()).contains("hunk 2 of 2 (@@ -16,1 +16,1 @@) does not fit")
                .contains("   16|         return ++page;");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);

        String both = """
                --- src/main/java/demo/Pager.java
                +++ src/main/java/demo/Pager.java
                @@ -4,1 +4,2 @@
                     private int page;
                +    private int pages;
                @@ -16,1 +17,1 @@
                -        return ++page;
                +        return ++page + 0;
                """;
        EditOutcome out = applier().apply(diff(PAGER_FILE, both));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("    private int page;\n    private int pages;\n")
                .contains("        return ++page + 0;\n");
        assertThat(out.observation()).contains("    5|     private int pages;").contains("  ...\n")
                .contains("   17|         return ++page + 0;")
                .contains("Lines between the hunks moved")
                .contains("Lines after 16 moved down by 1");
    }

    @Test
    void readsAFencedGitDiffAndIgnoresTheLocatorAndEditType() throws IOException {
        write(PAGER_FILE, PAGER);
        String patch = """
                ```diff
                diff --git a/src/main/java/demo/Pager.java b/src/main/java/demo/Pager.java
                index 3b18e51..a9c2f10 100644
                --- a/src/main/java/demo/Pager.java
                +++ b/src/main/java/demo/Pager.java
                @@ -12 +12 @@
                -        return page * size < total;
                +        return (page + 1) * size <= total;
                ```
                """;

        EditOutcome out = applier().apply(new EditRequest(PAGER_FILE, EditRequest.Type.INSERT,
                new EditRequest.Locator("next", null, null, null), patch, "test"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
    }

    @Test
    void createsAFileFromADiffAgainstDevNull() throws IOException {
        String patch = """
                --- /dev/null
                +++ b/src/main/java/demo/Util.java
                @@ -0,0 +1,4 @@
                +package demo;
                +
                +final class Util {
                +}
                """;

        EditOutcome out = applier().apply(diff("src/main/java/demo/Util.java", patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/main/java/demo/Util.java")).isEqualTo("package demo;\n\nfinal class Util {\n}\n");
        assertThat(created).containsExactly("src/main/java/demo/Util.java");
    }

    @Test
    void refusesADiffThatEditsAMissingFileAndWritesNothing() {
        String patch = """
                @@ -1,1 +1,1 @@
                -package demo;
                +package demo.util;
                """;

        EditOutcome out = applier().apply(diff("src/main/java/demo/Util.java", patch));

        assertThat(out.observation()).contains("which is empty or does not exist");
        assertThat(dir.resolve("src/main/java/demo/Util.java")).doesNotExist();
    }

    @Test
    void editTypeDiffWithoutADiffSaysWhatADiffLooksLike() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(diff(PAGER_FILE, "        return (page + 1) * size <= total;"));

        assertThat(out.observation()).contains("edit_type diff needs a unified diff in patch");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void keepsWindowsLineEndsAndTheFilesOwnContextLines() throws IOException {
        write("src/app.py", "x = 1\r\ny = 2\r\nz = 3\r\n");
        String patch = "@@ -1,3 +1,3 @@\n x = 1\n-y = 2\n+y = 20\n z = 3\n";

        EditOutcome out = applier().apply(diff("src/app.py", patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/app.py")).isEqualTo("x = 1\r\ny = 20\r\nz = 3\r\n");
    }

    @Test
    void findsAHunkWithoutLineNumbersByItsContext() throws IOException {
        write(PAGER_FILE, PAGER);
        String patch = """
                --- a/src/main/java/demo/Pager.java
                +++ b/src/main/java/demo/Pager.java
                @@
                     public int next() {
                -        return ++page;
                +        return page += 1;
                     }
                """;

        EditOutcome out = applier().apply(diff(PAGER_FILE, patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return ++page;", "return page += 1;"));
    }

    @Test
    void writesADiffIntoAPatchFileAsText() throws IOException {
        String patch = "--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a = 1\n+a = 2\n";

        EditOutcome out = applier().apply(new EditRequest("docs/fix.patch", EditRequest.Type.INSERT,
                new EditRequest.Locator(null, 1, 1, null), patch, "test"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("docs/fix.patch")).isEqualTo(patch);
    }

    @Test
    void recognisesDiffsButNotCodeThatHappensToHaveMinusSigns() {
        assertThat(EditApplier.isDiff("@@ -3,2 +3,2 @@\n-a\n+b\n")).isTrue();
        assertThat(EditApplier.isDiff("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n")).isTrue();
        assertThat(EditApplier.isDiff("\n```diff\n@@ -1 +1 @@\n-a\n+b\n```\n")).isTrue();
        assertThat(EditApplier.isDiff("x = a - b\n--y;\n")).isFalse();
        assertThat(EditApplier.isDiff("--- a heading\nsome text\n")).isFalse();
        assertThat(EditApplier.isDiff(null)).isFalse();
    }
}

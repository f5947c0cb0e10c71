package dev.aap.agent.edit;

import dev.aap.agent.files.ProjectFiles;
import dev.aap.core.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.aap.agent.edit.EditApplierTest.CART;
import static dev.aap.agent.edit.EditApplierTest.CART_FILE;
import static dev.aap.agent.edit.EditApplierTest.PAGER;
import static dev.aap.agent.edit.EditApplierTest.PAGER_FILE;
import static org.assertj.core.api.Assertions.assertThat;

/** The old_text locator with the text models really send: exact, re-indented, pasted with line numbers, repeated. */
class OldTextLocatorTest {

    @TempDir
    Path dir;

    private EditApplier applier() {
        return new EditApplier(new ProjectFiles(dir), Policy.defaults(), () -> 0, 1000);
    }

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String read(String rel) throws IOException {
        return Files.readString(dir.resolve(rel));
    }

    private static EditRequest old(String file, EditRequest.Type type, String oldText, String patch) {
        return new EditRequest(file, type, EditRequest.Locator.oldText(oldText), patch, "test");
    }

    @Test
    void replacesTheExactTextOfWholeLines() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE,
                "    public boolean hasNext(int total) {\n        return page * size < total;\n",
                "    public boolean hasNext(int total) {\n        return (page + 1) * size <= total;"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(11);
    }

    @Test
    void replacesExactCharactersInsideALineKeepingItsIndentation() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE, "page * size < total",
                "(page + 1) * size <= total"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
        assertThat(out.observation()).contains("   12|         return (page + 1) * size <= total;");
    }

    @Test
    void matchesIgnoringWhitespaceAndReindentsThePatchTheModelIndentedLikeItsOldText() throws IOException {
        write(PAGER_FILE, PAGER);
        // qwen2.5-coder:7b copies the method flush left and writes the new one flush left too
        String oldText = "public int next(int step) {\n    page += step;\n    return page;\n}";
        String patch = "public int next(int step) {\n    if (step < 0) {\n        throw new IllegalArgumentException();\n"
                + "    }\n    page += step;\n    return page;\n}";

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE, oldText, patch));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("""
                    public int next(int step) {
                        if (step < 0) {
                            throw new IllegalArgumentException();
                        }
                        page += step;
                        return page;
                    }
                }
                """);
        assertThat(out.observation()).contains("old_text matched lines 19-22 ignoring whitespace")
                .contains("re-indented by +4 spaces");
    }

    @Test
    void keepsAPatchThatIsAlreadyIndentedLikeTheFile() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE,
                "return  page *  size < total;", "        return (page + 1) * size <= total;"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("\n        return (page + 1) * size <= total;\n");
        assertThat(out.observation()).contains("old_text matched line 12 ignoring whitespace")
                .doesNotContain("re-indented");
    }

    @Test
    void refusesAnOldTextThatOccursSeveralTimesListingEveryPlace() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE, "return page", "return 0"));
        EditOutcome loose = applier().apply(old(PAGER_FILE, EditRequest.Type.DELETE, "\t}\n\n", null));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("old_text occurs 2 times: lines 12, 21; add surrounding lines to make"
                + " it unique or use line_range");
        assertThat(loose.observation()).contains("old_text occurs 5 times (ignoring whitespace): lines 9, 13, 17, 22,"
                + " 23;");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void refusesAMissingOldTextShowingTheMostSimilarLinesToCopy() throws IOException {
        write(PAGER_FILE, PAGER);
        // the model misremembers the method: a different parameter name and an older body
        String oldText = "    public boolean hasNext(int count) {\n        return page * size < count;\n    }";

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE, oldText, "x"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("old_text was not found in the file, not even ignoring whitespace")
                .contains("The most similar lines are 11-13:\n"
                        + "   11|     public boolean hasNext(int total) {\n"
                        + "   12|         return page * size < total;\n"
                        + "   13|     }\n");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void deletesTheMatchedLinesWholly() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.DELETE,
                "public int next() {\n        return ++page;\n    }", null));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("    public int next() {\n        return ++page;\n    }\n",
                ""));
        assertThat(out.observation()).contains("Lines after 17 moved up by 3");
    }

    @Test
    void insertsWholeLinesBeforeTheMatch() throws IOException {
        write(CART_FILE, CART);

        EditOutcome out = applier().apply(old(CART_FILE, EditRequest.Type.INSERT, "    def total(self):",
                "    def count(self):\n        return len(self.items)\n"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(CART_FILE)).contains("""
                    def count(self):
                        return len(self.items)
                    def total(self):
                """);
        assertThat(out.observation()).contains("Old line 9 and the lines after it moved down by 2");
    }

    @Test
    void takesOutLineNumbersPastedFromViewFile() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.REPLACE,
                "   12|         return page * size < total;", "   12|         return (page + 1) * size <= total;"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
        assertThat(out.observation()).contains("line numbers");
    }

    @Test
    void findsOldTextInAFileWithWindowsLineEnds() throws IOException {
        write("src/app.py", "x = 1\r\ny = 2\r\nz = 3\r\n");

        EditOutcome out = applier().apply(old("src/app.py", EditRequest.Type.REPLACE, "y = 2\nz = 3", "y = 20\nz = 30"));

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/app.py")).isEqualTo("x = 1\r\ny = 20\r\nz = 30\r\n");
    }

    @Test
    void astPatchNeedsASymbolEvenWithOldText() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(old(PAGER_FILE, EditRequest.Type.AST_PATCH, "return ++page;", "x"));

        assertThat(out.observation()).contains("ast_patch replaces a whole definition");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }
}

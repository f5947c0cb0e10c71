package dev.aap.agent.edit;

import dev.aap.agent.TestGit;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.core.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EditApplierTest {

    static final String PAGER_FILE = "src/main/java/demo/Pager.java";
    static final String PAGER = """
            package demo;

            public class Pager {
                private int page;
                private final int size;

                public Pager(int size) {
                    this.size = size;
                }

                public boolean hasNext(int total) {
                    return page * size < total;
                }

                public int next() {
                    return ++page;
                }

                public int next(int step) {
                    page += step;
                    return page;
                }
            }
            """;

    static final String CART_FILE = "shop/cart.py";
    static final String CART = """
            def price(item):
                return item.cost


            class Cart:
                def __init__(self):
                    self.items = []

                def total(self):
                    return sum(price(i) for i in self.items)


            def total(carts):
                return sum(c.total() for c in carts)
            """;

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

    private static EditRequest lines(String file, EditRequest.Type type, int start, int end, String patch) {
        return new EditRequest(file, type, new EditRequest.Locator(null, start, end, null), patch, "test");
    }

    private static EditRequest symbol(String file, EditRequest.Type type, String name, String patch) {
        return new EditRequest(file, type, new EditRequest.Locator(name, null, null, null), patch, "test");
    }

    private static EditRequest query(String file, EditRequest.Type type, String q, String patch) {
        return new EditRequest(file, type, new EditRequest.Locator(null, null, null, q), patch, "test");
    }

    private static List<String> linesOf(String text) {
        return text.lines().toList();
    }

    @Test
    void replacesALineRange() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 12,
                "        return (page + 1) * size <= total;"));

        assertThat(out).isEqualTo(new EditOutcome.Applied(PAGER_FILE, 12, 1, 1, ((EditOutcome.Applied) out).view()));
        assertThat(linesOf(read(PAGER_FILE))).hasSize(23).element(11).isEqualTo("        return (page + 1) * size <= total;");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER.replace("return page * size < total;",
                "return (page + 1) * size <= total;"));
        assertThat(((EditOutcome.Applied) out).view()).contains("   12|         return (page + 1) * size <= total;");
    }

    @Test
    void insertsBeforeTheGivenLine() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.INSERT, 11, 11,
                "    /** True while pages remain. */"));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        List<String> after = linesOf(read(PAGER_FILE));
        assertThat(after).hasSize(24);
        assertThat(after.get(10)).isEqualTo("    /** True while pages remain. */");
        assertThat(after.get(11)).isEqualTo("    public boolean hasNext(int total) {");
    }

    @Test
    void deletesALineRange() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.DELETE, 15, 18, null));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).removed()).isEqualTo(4);
        assertThat(((EditOutcome.Applied) out).added()).isZero();
        assertThat(read(PAGER_FILE)).doesNotContain("return ++page;").contains("public int next(int step)");
        assertThat(linesOf(read(PAGER_FILE))).hasSize(19);
    }

    @Test
    void appendsWhenInsertingAfterTheLastLine() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.INSERT, 24, 24, "// end of Pager"));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER + "// end of Pager\n");
    }

    @Test
    void createsAMissingFileWithAnInsertAtLineOne() throws IOException {
        String util = "package demo;\n\nfinal class Util {\n}\n";

        EditOutcome out = applier().apply(lines("src/main/java/demo/Util.java", EditRequest.Type.INSERT, 1, 1, util));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/main/java/demo/Util.java")).isEqualTo(util);
        assertThat(created).containsExactly("src/main/java/demo/Util.java");
    }

    @Test
    void rejectsReplacingInAMissingFile() {
        EditOutcome out = applier().apply(lines("src/main/java/demo/Nope.java", EditRequest.Type.REPLACE, 1, 1, "x"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("src/main/java/demo/Nope.java does not exist");
        assertThat(dir.resolve("src/main/java/demo/Nope.java")).doesNotExist();
    }

    @Test
    void replacesAJavaMethodLocatedBySymbol() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(symbol(PAGER_FILE, EditRequest.Type.REPLACE, "hasNext", """
                    public boolean hasNext(int total) {
                        return (page + 1) * size <= total;
                    }
                """));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(11);
        assertThat(((EditOutcome.Applied) out).removed()).isEqualTo(3);
        assertThat(read(PAGER_FILE)).contains("return (page + 1) * size <= total;")
                .doesNotContain("return page * size < total;");
    }

    @Test
    void locatesAQualifiedClassDotMethodSymbol() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(symbol(PAGER_FILE, EditRequest.Type.DELETE, "Pager.hasNext", null));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(11);
        assertThat(((EditOutcome.Applied) out).removed()).isEqualTo(3);
        assertThat(read(PAGER_FILE)).doesNotContain("hasNext");
    }

    @Test
    void rejectsAQualifiedSymbolWhoseOwnerDoesNotExist() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(symbol(PAGER_FILE, EditRequest.Type.DELETE, "Book.hasNext", null));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("no symbol named 'Book.hasNext'").contains("method hasNext (lines 11-13)");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void rejectsAnAmbiguousOverloadListingTheLineRanges() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(symbol(PAGER_FILE, EditRequest.Type.DELETE, "next", null));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("'next' is ambiguous")
                .contains("method at lines 15-17").contains("method at lines 19-22").contains("use line_range");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void replacesAPythonFunctionLocatedBySymbol() throws IOException {
        write(CART_FILE, CART);

        EditOutcome out = applier().apply(symbol(CART_FILE, EditRequest.Type.REPLACE, "price", """
                def price(item):
                    return item.cost * item.quantity
                """));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(1);
        assertThat(linesOf(read(CART_FILE))).startsWith("def price(item):", "    return item.cost * item.quantity");
    }

    @Test
    void replacesAPythonMethodByClassDotName() throws IOException {
        write(CART_FILE, CART);

        EditOutcome out = applier().apply(symbol(CART_FILE, EditRequest.Type.REPLACE, "Cart.total", """
                    def total(self):
                        return sum(price(i) for i in self.items if i)
                """));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(9);
        assertThat(read(CART_FILE)).contains("for i in self.items if i)")
                .contains("def total(carts):\n    return sum(c.total() for c in carts)");
    }

    @Test
    void rejectsAnAmbiguousPythonNameNamingBothDefinitions() throws IOException {
        write(CART_FILE, CART);

        EditOutcome out = applier().apply(symbol(CART_FILE, EditRequest.Type.DELETE, "total", null));

        assertThat(out.observation()).contains("ambiguous").contains("method at lines 9-10")
                .contains("function at lines 13-14");
        assertThat(read(CART_FILE)).isEqualTo(CART);
    }

    @Test
    void locatesByAstQuery() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(query(PAGER_FILE, EditRequest.Type.DELETE, "method hasNext", null));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(((EditOutcome.Applied) out).startLine()).isEqualTo(11);
        assertThat(read(PAGER_FILE)).doesNotContain("hasNext");
    }

    @Test
    void rejectsAnAstQueryWithoutAName() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(query(PAGER_FILE, EditRequest.Type.DELETE, "method", null));

        assertThat(out.observation()).contains("ast_query must be '<kind> <name>'");
    }

    @Test
    void astPatchReplacesAWholeMethod() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(query(PAGER_FILE, EditRequest.Type.AST_PATCH, "method hasNext", """
                    public boolean hasNext(int total) {
                        return page < (total + size - 1) / size;
                    }
                """));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("return page < (total + size - 1) / size;")
                .doesNotContain("page * size < total");
    }

    @Test
    void astPatchIsRejectedWhenThePatchDefinesAnotherSymbol() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(symbol(PAGER_FILE, EditRequest.Type.AST_PATCH, "hasNext", """
                    public boolean hasMore(int total) {
                        return page * size < total;
                    }
                """));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("ast_patch must replace 'hasNext'");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void astPatchOfAMethodIsRejectedWhenOnlyAnotherDefinitionKeepsItsName() throws IOException {
        write(CART_FILE, CART);

        // the module-level function total() still exists, but the patch itself does not define total
        EditOutcome out = applier().apply(symbol(CART_FILE, EditRequest.Type.AST_PATCH, "Cart.total", """
                    def count(self):
                        return len(self.items)
                """));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(read(CART_FILE)).isEqualTo(CART);
    }

    @Test
    void astPatchNeedsASymbolOrAstQuery() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.AST_PATCH, 11, 13, "x"));

        assertThat(out.observation()).contains("ast_patch replaces a whole definition");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void rejectsAnEditThatChangesNothing() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 12,
                "        return page * size < total;"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("the edit changes nothing: lines 12-12");
    }

    @Test
    void rejectsLinesOutsideTheFileNamingItsLineCount() throws IOException {
        write(PAGER_FILE, PAGER);

        assertThat(applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 30, 31, "x")).observation())
                .contains("line 30 is outside the file, which has 23 lines");
        assertThat(applier().apply(lines(PAGER_FILE, EditRequest.Type.INSERT, 25, 25, "x")).observation())
                .contains("which has 23 lines (insert at 24 appends)");
        assertThat(applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 40, "x")).observation())
                .contains("line_range 12-40 is not within 1-23");
        assertThat(applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 0, 1, "x")).observation())
                .contains("line 0 is outside the file");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void rejectsALocatorWithTwoKinds() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(new EditRequest(PAGER_FILE, EditRequest.Type.DELETE,
                new EditRequest.Locator("hasNext", 11, 13, null), null, ""));

        assertThat(out.observation()).contains("exactly one of symbol, line_range or ast_query");
    }

    @Test
    void rejectsAJavaSyntaxErrorWithTheParseMessageAndKeepsTheFile() throws IOException {
        write(PAGER_FILE, PAGER);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 12,
                "        return page * size < total"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("the file would not parse: line 1")
                .contains("   12|         return page * size < total\n");
        assertThat(read(PAGER_FILE)).isEqualTo(PAGER);
    }

    @Test
    void rejectsAPythonSyntaxErrorWithTheParseMessageAndKeepsTheFile() throws IOException {
        write(CART_FILE, CART);

        EditOutcome out = applier().apply(lines(CART_FILE, EditRequest.Type.REPLACE, 1, 1, "def price(item)"));

        assertThat(out).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(out.observation()).contains("the file would not parse: line 1,");
        assertThat(read(CART_FILE)).isEqualTo(CART);
    }

    @Test
    void editsAFileThatAlreadyDidNotParse() throws IOException {
        String broken = PAGER.replace("this.size = size;", "this.size = size");
        write(PAGER_FILE, broken);

        EditOutcome out = applier().apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 12,
                "        return (page + 1) * size <= total;"));

        assertThat(out).isInstanceOf(EditOutcome.Applied.class);
        assertThat(read(PAGER_FILE)).contains("(page + 1) * size <= total;").contains("this.size = size\n");
    }

    @Test
    void refusesPathsThePolicyOrTheProjectBoundaryForbid() throws IOException {
        write(".github/workflows/ci.yml", "on: push\n");
        write(".aap/policy.yaml", "max_changed_lines: 10\n");
        write(".env", "KEY=1\n");
        Path outside = dir.resolveSibling(dir.getFileName() + "-outside.txt");

        assertThat(applier().apply(lines(".github/workflows/ci.yml", EditRequest.Type.REPLACE, 1, 1, "on: pr")))
                .isInstanceOf(EditOutcome.Rejected.class)
                .extracting(EditOutcome::observation).asString().contains("the policy does not allow editing .github/workflows/ci.yml");
        assertThat(applier().apply(lines(".aap/policy.yaml", EditRequest.Type.REPLACE, 1, 1, "max_changed_lines: 9999"))
                .observation()).contains("the policy does not allow editing .aap/policy.yaml");
        assertThat(applier().apply(lines(".env", EditRequest.Type.REPLACE, 1, 1, "KEY=2")).observation())
                .contains("the policy does not allow editing .env");
        assertThat(applier().apply(lines("../outside.txt", EditRequest.Type.INSERT, 1, 1, "x")).observation())
                .contains("leaves the project directory");
        assertThat(applier().apply(lines(outside.toString(), EditRequest.Type.INSERT, 1, 1, "x")).observation())
                .contains("is outside the project");

        assertThat(read(".github/workflows/ci.yml")).isEqualTo("on: push\n");
        assertThat(read(".aap/policy.yaml")).isEqualTo("max_changed_lines: 10\n");
        assertThat(read(".env")).isEqualTo("KEY=1\n");
        assertThat(dir.resolveSibling("outside.txt")).doesNotExist();
        assertThat(outside).doesNotExist();
    }

    @Test
    void keepsTheRestOfAFileWithoutTrailingNewlineIntact() throws IOException {
        write("src/app.py", "x = 1\ny = 2\nz = 3");

        assertThat(applier().apply(lines("src/app.py", EditRequest.Type.REPLACE, 2, 2, "y = 20")))
                .isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/app.py")).isEqualTo("x = 1\ny = 20\nz = 3");

        assertThat(applier().apply(lines("src/app.py", EditRequest.Type.INSERT, 4, 4, "w = 4")))
                .isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/app.py")).isEqualTo("x = 1\ny = 20\nz = 3\nw = 4\n");
    }

    @Test
    void keepsWindowsLineEndingsOfTheFile() throws IOException {
        write("src/app.py", "x = 1\r\ny = 2\r\nz = 3\r\n");

        assertThat(applier().apply(lines("src/app.py", EditRequest.Type.REPLACE, 2, 2, "y = 20\nw = 4")))
                .isInstanceOf(EditOutcome.Applied.class);
        assertThat(read("src/app.py")).isEqualTo("x = 1\r\ny = 20\r\nw = 4\r\nz = 3\r\n");
        assertThat(applier().apply(lines("src/app.py", EditRequest.Type.REPLACE, 1, 1, "x = 1")).observation())
                .contains("the edit changes nothing");
    }

    @Test
    void undoesAnEditThatMakesTheDiffTooLarge() throws IOException {
        TestGit.init(dir);
        write(PAGER_FILE, PAGER);
        TestGit.commitAll(dir);
        var files = new ProjectFiles(dir, rel -> TestGit.run(dir, "add", "-N", rel));
        var applier = new EditApplier(files, Policy.defaults(), () -> TestGit.changedLines(dir), 6);

        EditOutcome small = applier.apply(lines(PAGER_FILE, EditRequest.Type.REPLACE, 12, 12,
                "        return (page + 1) * size <= total;"));
        assertThat(small).isInstanceOf(EditOutcome.Applied.class);
        String afterSmall = read(PAGER_FILE);

        String big = "    // one\n    // two\n    // three\n    // four\n    // five\n";
        EditOutcome out = applier.apply(lines(PAGER_FILE, EditRequest.Type.INSERT, 3, 3, big));

        assertThat(out).isInstanceOf(EditOutcome.Oversized.class);
        assertThat(out.observation()).contains("would be 7 lines, more than the 6");
        assertThat(read(PAGER_FILE)).isEqualTo(afterSmall);
        assertThat(TestGit.changedLines(dir)).isEqualTo(2);
    }

    @Test
    void deletesANewFileThatMakesTheDiffTooLarge() throws IOException {
        TestGit.init(dir);
        write(PAGER_FILE, PAGER);
        TestGit.commitAll(dir);
        var files = new ProjectFiles(dir, rel -> TestGit.run(dir, "add", "-N", rel));
        var applier = new EditApplier(files, Policy.defaults(), () -> TestGit.changedLines(dir), 3);

        EditOutcome out = applier.apply(lines("src/main/java/demo/Big.java", EditRequest.Type.INSERT, 1, 1,
                "package demo;\n\nclass Big {\n    int a;\n    int b;\n}\n"));

        assertThat(out).isInstanceOf(EditOutcome.Oversized.class);
        assertThat(dir.resolve("src/main/java/demo/Big.java")).doesNotExist();
    }
}

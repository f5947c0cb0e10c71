package dev.aap.agent.edit;

import dev.aap.agent.files.ProjectFiles;
import dev.aap.core.policy.Policy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.aap.agent.edit.EditApplierTest.PAGER;
import static dev.aap.agent.edit.EditApplierTest.PAGER_FILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line numbers after an edit: what the observation says moved, edits of one turn numbered from the same view, and
 * an edit numbered from a view that earlier edits made stale.
 */
class LineShiftTest {

    @TempDir
    Path dir;

    private EditApplier applier;

    @BeforeEach
    void setUp() throws IOException {
        Path p = dir.resolve(PAGER_FILE);
        Files.createDirectories(p.getParent());
        Files.writeString(p, PAGER);
        applier = new EditApplier(new ProjectFiles(dir), Policy.defaults(), () -> 0, 1000);
        applier.beginTurn();
    }

    private String pager() throws IOException {
        return Files.readString(dir.resolve(PAGER_FILE));
    }

    private EditOutcome lines(EditRequest.Type type, int start, int end, String patch) {
        return applier.apply(new EditRequest(PAGER_FILE, type, new EditRequest.Locator(null, start, end, null), patch,
                "test"));
    }

    /** view_file of the whole file, as the model's next turn remembers it. */
    private void viewWholeFile() throws IOException {
        applier.viewed(PAGER_FILE, 1, pager().lines().toList());
    }

    @Test
    void theObservationShowsNewLineNumbersAndHowFarLaterLinesMoved() {
        EditOutcome out = lines(EditRequest.Type.REPLACE, 12, 12,
                "        if (total <= 0) {\n            return false;\n        }\n        return page * size < total;");

        assertThat(out.observation()).contains("(-1 +4 lines)")
                .contains("   12|         if (total <= 0) {\n")
                .contains("   15|         return page * size < total;\n")
                .contains("   18|     public int next() {\n")
                .endsWith("Lines after 12 moved down by 3: add 3 to the line numbers you saw below line 12.");
        applier.beginTurn();
        assertThat(lines(EditRequest.Type.DELETE, 18, 20, null).observation())
                .contains("Lines after 20 moved up by 3: subtract 3 from the line numbers you saw below line 20.");
        applier.beginTurn();
        assertThat(lines(EditRequest.Type.REPLACE, 1, 1, "package demo.paging;").observation())
                .endsWith("Line numbers below the edit are unchanged.");
    }

    @Test
    void aSecondEditOfTheSameTurnBelowTheFirstIsRebasedAndSaysSo() throws IOException {
        // both calls numbered from the same view: insert a field at 5, fix the bound at 12
        EditOutcome first = lines(EditRequest.Type.INSERT, 5, 5, "    private int pages;\n    private int last;");
        EditOutcome second = lines(EditRequest.Type.REPLACE, 12, 12, "        return (page + 1) * size <= total;");

        assertThat(first).isInstanceOf(EditOutcome.Applied.class);
        assertThat(second).as(second.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(second.observation()).contains("line_range 12 was taken as 14 after the earlier edit in this turn.")
                .contains("   14|         return (page + 1) * size <= total;");
        assertThat(pager()).contains("    public boolean hasNext(int total) {\n        return (page + 1) * size <= total;\n")
                .contains("    private int pages;\n    private int last;\n    private final int size;");
    }

    @Test
    void anEditAboveAnEarlierEditOfTheTurnKeepsItsLineNumbers() throws IOException {
        lines(EditRequest.Type.REPLACE, 16, 16, "        page++;\n        return page;");
        EditOutcome above = lines(EditRequest.Type.REPLACE, 12, 12, "        return (page + 1) * size <= total;");

        assertThat(above.observation()).doesNotContain("was taken as");
        assertThat(pager()).contains("return (page + 1) * size <= total;").contains("        page++;\n        return page;");
    }

    @Test
    void anEditOverlappingAnEarlierEditOfTheTurnIsRefusedAndTheNextTurnStartsAfresh() throws IOException {
        lines(EditRequest.Type.REPLACE, 11, 13, "    public boolean hasNext(int total) {\n        return total > 0\n"
                + "                && (page + 1) * size <= total;\n    }");
        String afterFirst = pager();

        EditOutcome overlapping = lines(EditRequest.Type.REPLACE, 12, 12, "        return false;");

        assertThat(overlapping).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(overlapping.observation()).contains("line 12 was changed by an earlier edit in this turn;"
                + " view lines 10-15 again and re-issue this edit");
        assertThat(pager()).isEqualTo(afterFirst);

        applier.beginTurn(); // the model read the first edit's observation: line 12 is its line 12 again
        assertThat(lines(EditRequest.Type.REPLACE, 12, 12, "        return total > 0L").observation())
                .doesNotContain("was taken as");
        assertThat(pager()).contains("        return total > 0L\n                && (page + 1)");
    }

    @Test
    void symbolAndOldTextEditsOfTheSameTurnLocateOnTheCurrentTextAndMoveLaterLineRanges() throws IOException {
        applier.apply(new EditRequest(PAGER_FILE, EditRequest.Type.INSERT, EditRequest.Locator.oldText(
                "    public int next() {"), "    /** Turns the page. */", "test"));
        EditOutcome bySymbol = applier.apply(new EditRequest(PAGER_FILE, EditRequest.Type.INSERT,
                new EditRequest.Locator("hasNext", null, null, null), "    /** Whether a page follows. */", "test"));
        EditOutcome byLines = lines(EditRequest.Type.REPLACE, 20, 20, "        page = page + step;");

        assertThat(bySymbol).isInstanceOf(EditOutcome.Applied.class);
        assertThat(byLines.observation()).contains("line_range 20 was taken as 22");
        assertThat(pager()).contains("    /** Whether a page follows. */\n    public boolean hasNext(")
                .contains("    /** Turns the page. */\n    public int next() {")
                .contains("        page = page + step;\n        return page;");
    }

    @Test
    void anEditNumberedFromAViewThatEarlierEditsMadeStaleIsRefusedWithTheCurrentLines() throws IOException {
        viewWholeFile();
        applier.beginTurn();
        lines(EditRequest.Type.INSERT, 4, 4, "    private static final int FIRST = 0;");
        applier.beginTurn();

        // the model still numbers from its first view: line 16 was "return ++page;", now it is "public int next() {"
        EditOutcome stale = lines(EditRequest.Type.REPLACE, 16, 16, "        return page += 1;");

        assertThat(stale).isInstanceOf(EditOutcome.Rejected.class);
        assertThat(stale.observation()).contains("line 16 changed since you last viewed it")
                .contains("it now reads:\n   16|     public int next() {\n")
                .contains("What you saw there is now at line 17:\n   17|         return ++page;\n")
                .contains("If you meant that, send the edit for 17");
        String before = pager();

        applier.beginTurn(); // the refusal showed lines 16 and 17: the model has seen them now
        EditOutcome again = lines(EditRequest.Type.REPLACE, 17, 17, "        return page += 1;");
        assertThat(again).as(again.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(pager()).isEqualTo(before.replace("return ++page;", "return page += 1;"));
    }

    @Test
    void aFreshViewMakesTheSameLineNumbersGoodAgain() throws IOException {
        viewWholeFile();
        applier.beginTurn();
        lines(EditRequest.Type.INSERT, 4, 4, "    private static final int FIRST = 0;");
        viewWholeFile();
        applier.beginTurn();

        EditOutcome out = lines(EditRequest.Type.REPLACE, 17, 17, "        return page += 1;");

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(pager()).contains("        return page += 1;").doesNotContain("++page");
    }

    @Test
    void linesTheModelNeverSawAreNotCheckedAndAViewOfTheSameTurnCountsOnlyFromTheNext() throws IOException {
        applier.viewed(PAGER_FILE, 1, pager().lines().limit(5).toList());
        lines(EditRequest.Type.INSERT, 1, 1, "// header");
        // still the same turn: the model wrote this call before it saw the view's result
        EditOutcome out = lines(EditRequest.Type.REPLACE, 12, 12, "        return (page + 1) * size <= total;");

        assertThat(out).as(out.observation()).isInstanceOf(EditOutcome.Applied.class);
        assertThat(out.observation()).contains("line_range 12 was taken as 13");
    }
}

package dev.aap.agent.tool;

import dev.aap.agent.DemoPager;
import dev.aap.agent.TestGit;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.core.policy.Policy;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** propose_edit called the way real models call it, through the ToolBox's dispatch. */
class ProposeEditTest {

    private static final String FIXED = DemoPager.TEXT.replace("return page * size < total;",
            "return (page + 1) * size <= total;");

    @TempDir
    Path project;

    @TempDir
    Path cache;

    private CodeIndex index;
    private ToolBox tools;

    @BeforeEach
    void setUp() throws IOException {
        TestGit.init(project);
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.writeString(project.resolve(DemoPager.FILE), DemoPager.TEXT);
        TestGit.commitAll(project);
        index = CodeIndex.open(cache.resolve("index"), project, false);
        var files = new ProjectFiles(project);
        tools = new ToolBox(files, index, new EditApplier(files, Policy.defaults(), () -> 0, 1000), out -> { },
                sel -> new ToolBox.TestSummary("ok", true));
        tools.beginTurn();
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private Observation call(String name, String arguments) {
        return tools.execute(ToolExecutionRequest.builder().id("c").name(name).arguments(arguments).build());
    }

    private String pager() throws IOException {
        return Files.readString(project.resolve(DemoPager.FILE));
    }

    @Test
    void declaresOldTextAndDiffWithAShortDescription() {
        ToolSpecification spec = tools.specifications().stream().filter(s -> s.name().equals("propose_edit"))
                .findFirst().orElseThrow();

        assertThat(spec.description()).contains("old_text is the most robust").contains("\"old_text\":")
                .contains("\"line_range\":").contains("\"symbol\":").contains("@@ -12,1 +12,1 @@");
        assertThat(spec.description().length()).isLessThan(1200);
        assertThat(spec.parameters().properties()).containsKey("locator");
        assertThat(spec.parameters().required()).doesNotContain("locator");
        assertThat(spec.parameters().properties().get("edit_type").toString()).contains("diff");
        assertThat(spec.parameters().properties().get("locator").toString()).contains("old_text");
    }

    @Test
    void takesOldTextInsideTheLocator() throws IOException {
        Observation obs = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"old_text": "        return page * size < total;"},
                 "patch": "        return (page + 1) * size <= total;", "rationale_summary": "off by one"}
                """);

        assertThat(obs.control()).as(obs.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(pager()).isEqualTo(FIXED);
    }

    @Test
    void takesTheStrReplaceHabitOldStrAndNewStrBesideTheLocatorWithoutAnEditType() throws IOException {
        // what a model trained on str_replace_editor sends
        Observation obs = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "old_str": "return page * size < total;",
                 "new_str": "return (page + 1) * size <= total;", "rationale_summary": "off by one"}
                """);

        assertThat(obs.control()).as(obs.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(pager()).isEqualTo(FIXED);
    }

    @Test
    void takesTheSearchAliasAndALineRangeWrittenBesideTheLocator() throws IOException {
        Observation search = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"search": "private int page;"}, "patch": "private int page = 0;",
                 "rationale_summary": "explicit start"}
                """);
        tools.beginTurn();
        Observation beside = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "line_range": {"start": 12, "end": 12}, "patch": "        return (page + 1) * size <= total;",
                 "rationale_summary": "off by one"}
                """);

        assertThat(search.control()).as(search.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(beside.control()).as(beside.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(pager()).contains("    private int page = 0;\n").contains("return (page + 1) * size <= total;");
    }

    @Test
    void refusesOldTextGivenTwiceWithDifferentText() throws IOException {
        Observation obs = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"old_text": "private int page;"}, "old_text": "private final int size;",
                 "patch": "x", "rationale_summary": "?"}
                """);

        assertThat(obs.ok()).isFalse();
        assertThat(obs.text()).contains("old_text is given twice with different text");
        assertThat(pager()).isEqualTo(DemoPager.TEXT);
    }

    @Test
    void appliesADiffSentWithEditTypePatchAndNoLocator() throws IOException {
        Observation obs = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "patch",
                 "patch": "--- a/src/main/java/demo/Pager.java\\n+++ b/src/main/java/demo/Pager.java\\n@@ -12,1 +12,1 @@\\n-        return page * size < total;\\n+        return (page + 1) * size <= total;\\n",
                 "rationale_summary": "off by one"}
                """);

        assertThat(obs.control()).as(obs.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(pager()).isEqualTo(FIXED).doesNotContain("@@");
    }

    @Test
    void appliesADiffSentAsTheNewTextOfAReplaceIgnoringItsLocator() throws IOException {
        // GPT-4o-mini answered "patch: diff or CST-ops" with a diff, and kept a line_range it guessed
        Observation obs = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"line_range": {"start": 40, "end": 41}},
                 "patch": "@@ -11,3 +11,3 @@\\n     public boolean hasNext(int total) {\\n-        return page * size < total;\\n+        return (page + 1) * size <= total;\\n     }\\n",
                 "rationale_summary": "off by one"}
                """);

        assertThat(obs.control()).as(obs.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(pager()).isEqualTo(FIXED);
    }

    @Test
    void twoEditsOfOneTurnFromTheSameViewBothLandWhereTheModelMeant() throws IOException {
        call("view_file", "{\"path\": \"src/main/java/demo/Pager.java\"}");
        tools.beginTurn();
        // one model turn, two calls numbered from the view above
        Observation first = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "insert",
                 "locator": {"line_range": {"start": 4, "end": 4}}, "patch": "    private int pages;",
                 "rationale_summary": "count pages"}
                """);
        Observation second = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"line_range": {"start": 12, "end": 12}},
                 "patch": "        return (page + 1) * size <= total;", "rationale_summary": "off by one"}
                """);

        assertThat(first.control()).isEqualTo(Observation.Control.EDITED);
        assertThat(second.control()).as(second.text()).isEqualTo(Observation.Control.EDITED);
        assertThat(second.text()).contains("line_range 12 was taken as 13 after the earlier edit in this turn.");
        assertThat(pager()).isEqualTo(FIXED.replace("    private int page;\n",
                "    private int pages;\n    private int page;\n"));
    }

    @Test
    void anEditFromAViewOlderThanTheLastEditIsRefusedWithWhatTheLinesReadNow() throws IOException {
        call("view_file", "{\"path\": \"src/main/java/demo/Pager.java\"}");
        tools.beginTurn();
        call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "insert",
                 "locator": {"line_range": {"start": 1, "end": 1}}, "patch": "// Pages through a list.\\n",
                 "rationale_summary": "doc"}
                """);
        tools.beginTurn();

        Observation stale = call("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
                 "locator": {"line_range": {"start": 12, "end": 12}},
                 "patch": "        return (page + 1) * size <= total;", "rationale_summary": "off by one"}
                """);

        assertThat(stale.ok()).isFalse();
        assertThat(stale.text()).contains("line 12 changed since you last viewed it")
                .contains("   12|     public boolean hasNext(int total) {")
                .contains("What you saw there is now at line 13:");
        assertThat(pager()).doesNotContain("(page + 1)");
    }
}

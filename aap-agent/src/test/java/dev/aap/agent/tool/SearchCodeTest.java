package dev.aap.agent.tool;

import dev.aap.agent.DemoPager;
import dev.aap.agent.TestGit;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.core.policy.Policy;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** search_code's grep mode, and the index catching up with edits before a search. */
class SearchCodeTest {

    @TempDir
    Path project;

    @TempDir
    Path cache;

    private CodeIndex index;
    private ToolBox tools;
    private int refreshes;

    @BeforeEach
    void setUp() throws IOException {
        TestGit.init(project);
        Files.createDirectories(project.resolve(DemoPager.FILE).getParent());
        Files.writeString(project.resolve(DemoPager.FILE), DemoPager.TEXT);
        Files.createDirectories(project.resolve("notes"));
        Files.writeString(project.resolve("notes/todo.txt"), "check page * size rounding\n");
        TestGit.commitAll(project);
        index = CodeIndex.open(cache.resolve("index"), project, false);
        index.update();
        var files = new ProjectFiles(project);
        tools = new ToolBox(files, index, () -> {
            refreshes++;
            index.update();
        }, new EditApplier(files, Policy.defaults(), () -> 0, 1000), out -> { },
                sel -> new ToolBox.TestSummary("", true));
    }

    @AfterEach
    void tearDown() {
        index.close();
    }

    private Observation call(String arguments) {
        return tools.execute(ToolExecutionRequest.builder().id("c").name("search_code").arguments(arguments).build());
    }

    @Test
    void grepListsEveryLineWithTheExactTextAsFileColonLine() {
        Observation obs = call("{\"query\": \"page * size\", \"mode\": \"grep\"}");
        assertThat(obs.ok()).isTrue();
        assertThat(obs.text()).startsWith("2 matching lines")
                .contains(DemoPager.FILE + ":12: return page * size < total;", "notes/todo.txt:1: check page * size");
    }

    @Test
    void grepTakesARegularExpressionAndAPath() {
        Observation obs = call("{\"query\": \"return\\\\s+page\\\\b\", \"mode\": \"grep\", \"regex\": true,"
                + " \"path\": \"src\"}");
        assertThat(obs.text()).startsWith("1 matching line:").contains(DemoPager.FILE + ":12: return page");
        Observation none = call("{\"query\": \"rounding\", \"mode\": \"grep\", \"path\": \"src/\"}");
        assertThat(none.text()).startsWith("No line contains 'rounding' under src");
    }

    @Test
    void aBrokenRegularExpressionIsAnErrorTheModelCanFix() {
        Observation obs = call("{\"query\": \"page(\", \"regex\": true}");
        assertThat(obs.ok()).isFalse();
        assertThat(obs.text()).contains("not a valid regular expression", "literal text");
    }

    @Test
    void searchesSeeFilesWrittenSinceTheIndexWasBuilt() throws IOException {
        Files.writeString(project.resolve("src/main/java/demo/Extra.java"),
                "package demo;\nclass Extra { int zqMarker = 1; }\n");
        Observation obs = call("{\"query\": \"zqMarker\"}");
        assertThat(refreshes).isEqualTo(1);
        assertThat(obs.text()).contains("src/main/java/demo/Extra.java:");
    }

    @Test
    void rankedSearchWithNoHitFallsBackToExactLines() {
        Observation obs = call("{\"query\": \"<\"}");
        assertThat(obs.text()).contains("No ranked hits", DemoPager.FILE + ":12: return page * size < total;");
    }
}

package dev.aap.agent.loop;

import dev.aap.agent.DemoPager;
import dev.aap.agent.TestGit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.tool.ToolBox;
import dev.aap.agent.usage.PriceTable;
import dev.aap.agent.usage.UsageMeter;
import dev.aap.core.event.EventLog;
import dev.aap.core.policy.Policy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLoopTest {

    static final String FIX = """
            {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
             "locator": {"line_range": {"start": 12, "end": 12}},
             "patch": "        return (page + 1) * size <= total;", "rationale_summary": "off by one"}""";
    static final String WRONG_FIX = """
            {"file_path": "src/main/java/demo/Pager.java", "edit_type": "replace",
             "locator": {"line_range": {"start": 12, "end": 12}},
             "patch": "        return page * size <= total;", "rationale_summary": "maybe this"}""";
    static final String VIEW = "{\"path\": \"src/main/java/demo/Pager.java\"}";
    static final String RED = "FAILED: 1 of 3 tests fail.\n- demo.PagerTest#lastPage: expected: <true> but was: <false>";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @TempDir
    Path run;

    private CodeIndex index;
    private Trajectory trajectory;
    private EventLog events;
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final UsageMeter meter = new UsageMeter(PriceTable.builtIn());
    private final List<List<String>> testRuns = new ArrayList<>();
    private int maxChangedLines = 1000;

    @BeforeEach
    void setUp() throws IOException {
        TestGit.init(project);
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.writeString(project.resolve(DemoPager.FILE), DemoPager.TEXT);
        TestGit.commitAll(project);
        index = CodeIndex.open(run.resolve("index"), project, false);
        index.update();
        trajectory = Trajectory.open(run.resolve("trajectory.jsonl"));
        events = EventLog.open("run-1", run.resolve("events.jsonl"));
    }

    @AfterEach
    void tearDown() {
        trajectory.close();
        events.close();
        index.close();
    }

    /** Green exactly when the off-by-one in Pager is fixed, like the project's real tests would be. */
    private ToolBox.TestSummary runTests(List<String> selection) {
        testRuns.add(selection);
        try {
            boolean fixed = Files.readString(project.resolve(DemoPager.FILE)).contains("(page + 1) * size <= total");
            return fixed ? new ToolBox.TestSummary("PASSED: all 3 tests pass.", true)
                    : new ToolBox.TestSummary(RED, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Limits limits(int maxSteps) {
        return new Limits(maxSteps, 1_000_000, 1_000_000, 10.0, Instant.now().plusSeconds(600), 1000, 4);
    }

    private AgentLoop.Result run(Limits limits) {
        var files = new ProjectFiles(project, rel -> TestGit.run(project, "add", "-N", rel));
        var applier = new EditApplier(files, Policy.defaults(), () -> TestGit.changedLines(project), maxChangedLines);
        var tools = new ToolBox(files, index, applier, out -> { }, this::runTests);
        var caller = new ModelCaller(gateway, meter, trajectory, events);
        var loop = new AgentLoop(caller, tools, limits, events, () -> TestGit.run(project, "diff", "HEAD"), this::runTests);
        return loop.run("You fix bugs.", "Make PagerTest pass.");
    }

    private List<JsonNode> trajectoryLines() throws IOException {
        var out = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(run.resolve("trajectory.jsonl"))) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void submitsGreenWorkAfterAnEditAndAPassingTestRun() throws IOException {
        gateway.turn("propose_edit", FIX).turn("run_tests", "{}").turn("submit", "{\"summary\": \"fix last page\"}");

        AgentLoop.Result r = run(limits(10));

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isTrue();
        assertThat(r.summary()).isEqualTo("fix last page");
        assertThat(r.steps()).isEqualTo(3);
        assertThat(r.overheadMs()).hasSize(3);
        assertThat(testRuns).hasSize(1); // the green state was already tested; submit does not test it again
        assertThat(Files.readString(project.resolve(DemoPager.FILE))).contains("(page + 1) * size <= total");
    }

    @Test
    void stopsAfterTheMaximumNumberOfSteps() {
        gateway.turn("view_file", VIEW).turn("list_dir", "{\"path\": \".\"}").turn("view_file", VIEW);

        AgentLoop.Result r = run(limits(2));

        assertThat(r.stop()).isEqualTo(new Stop(Stop.Kind.MAX_STEPS, "used all 2 steps"));
        assertThat(r.steps()).isEqualTo(2);
        assertThat(gateway.requests).hasSize(2);
        assertThat(r.green()).isFalse();
    }

    @Test
    void theSameCallThreeTimesInARowIsStuck() {
        gateway.turn("view_file", VIEW).turn("view_file", VIEW).turn("view_file", VIEW).turn("submit", "{}");

        AgentLoop.Result r = run(limits(10));

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.STUCK);
        assertThat(r.stop().reason()).isEqualTo("the same view_file call 3 times in a row");
        assertThat(r.steps()).isEqualTo(3);
    }

    @Test
    void runningTheTestsThreeTimesWithoutAChangeIsStuck() {
        gateway.turn("run_tests", "{}").turn("run_tests", "{ }").turn("run_tests", "{\"selection\": []}")
                .turn("submit", "{}");

        AgentLoop.Result r = run(limits(10));

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.STUCK);
        assertThat(r.stop().reason()).isEqualTo("tests run 3 times with no change in between");
        assertThat(testRuns).hasSize(3);
        assertThat(gateway.toolResultsIn(2)).last().asString()
                .endsWith("Note: nothing changed since the previous test run.");
    }

    @Test
    void malformedArgumentsBecomeAnObservationAndTheLoopGoesOn() {
        gateway.turn("view_file", "{\"path\": ").turn("propose_edit", FIX).turn("submit", "{\"summary\": \"fixed\"}");

        AgentLoop.Result r = run(limits(10));

        assertThat(gateway.toolResultsIn(1)).singleElement().asString()
                .contains("The arguments of view_file are not valid JSON");
        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isTrue();
        assertThat(testRuns).hasSize(1); // submit ran the tests on the untested change
    }

    @Test
    void tooManyFailedCallsInARowStopTheLoop() {
        gateway.text("I think the bug is in Pager.").turn("view_file", "{}").turn("view_file", VIEW);

        AgentLoop.Result r = run(new Limits(10, 1_000_000, 1_000_000, 10.0, Instant.now().plusSeconds(600), 1000, 2));

        assertThat(r.stop()).isEqualTo(new Stop(Stop.Kind.TOO_MANY_ERRORS, "2 failed tool calls in a row"));
        assertThat(gateway.requests).hasSize(2);
        assertThat(gateway.requests.get(1).messages().getLast().toString()).contains("Please continue by calling a tool");
    }

    @Test
    void submitWithoutAnyChangeIsRefusedOnceThenTakenAsGivingUp() {
        gateway.turn("submit", "{\"summary\": \"nothing to do\"}").turn("submit", "{\"summary\": \"giving up\"}");

        AgentLoop.Result r = run(limits(10));

        assertThat(gateway.toolResultsIn(1)).singleElement().asString().startsWith("Nothing has been changed yet");
        assertThat(r.stop()).isEqualTo(new Stop(Stop.Kind.SUBMITTED, "gave up: submitted without a passing change"));
        assertThat(r.green()).isFalse();
        assertThat(r.summary()).isEqualTo("giving up");
        assertThat(testRuns).isEmpty();
    }

    @Test
    void submitWithFailingTestsIsRefusedWithTheFailure() {
        gateway.turn("propose_edit", WRONG_FIX).turn("submit", "{\"summary\": \"done\"}")
                .turn("submit", "{\"summary\": \"done\"}");

        AgentLoop.Result r = run(limits(10));

        assertThat(gateway.toolResultsIn(2)).last().asString()
                .startsWith("Not accepted yet: the tests do not pass with this change.\n"
                        + "<untrusted source=\"tests\">\n" + RED);
        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.SUBMITTED);
        assertThat(r.green()).isFalse();
        assertThat(r.stop().reason()).startsWith("gave up");
    }

    @Test
    void stopsWhenTheCostBudgetIsSpent() {
        gateway.turn("openai:gpt-4o-mini", 1_000_000, 0, "view_file", VIEW).turn("submit", "{}");

        AgentLoop.Result r = run(new Limits(10, 10_000_000, 1_000_000, 0.10, Instant.now().plusSeconds(600), 1000, 4));

        assertThat(r.stop()).isEqualTo(new Stop(Stop.Kind.MAX_COST, "spent $0.1500, limit $0.1000"));
        assertThat(r.steps()).isEqualTo(1);
        assertThat(meter.total().costUsd()).isEqualTo(0.15);
    }

    @Test
    void stopsWhenTheTokenBudgetsAreSpent() {
        gateway.turn("scripted:coder", 1200, 10, "view_file", VIEW);
        AgentLoop.Result input = run(new Limits(10, 1000, 1000, 10.0, Instant.now().plusSeconds(600), 1000, 4));

        assertThat(input.stop()).isEqualTo(new Stop(Stop.Kind.MAX_INPUT_TOKENS, "1200 input tokens used, limit 1000"));
        assertThat(gateway.requests).hasSize(1);

        gateway.turn("scripted:coder", 10, 150, "list_dir", "{\"path\": \".\"}");
        AgentLoop.Result output = run(new Limits(10, 1000, 100, 10.0, Instant.now().plusSeconds(600), 1000, 4));

        assertThat(output.stop()).isEqualTo(new Stop(Stop.Kind.MAX_OUTPUT_TOKENS, "150 output tokens used, limit 100"));
        assertThat(meter.total().inputTokens()).isEqualTo(1210);
    }

    @Test
    void aPastDeadlineStopsBeforeTheModelIsAsked() throws IOException {
        gateway.turn("view_file", VIEW);

        AgentLoop.Result r = run(new Limits(10, 1000, 1000, 10.0, Instant.now().minusSeconds(1), 1000, 4));

        assertThat(r.stop()).isEqualTo(new Stop(Stop.Kind.WALL_TIME, "the time budget ran out"));
        assertThat(r.steps()).isZero();
        assertThat(gateway.requests).isEmpty();
        assertThat(trajectoryLines()).singleElement().satisfies(n -> {
            assertThat(n.get("kind").asText()).isEqualTo("exit");
            assertThat(n.get("stop").asText()).isEqualTo("WALL_TIME");
        });
    }

    @Test
    void anOversizedEditStopsTheRunForAHuman() throws IOException {
        maxChangedLines = 3;
        gateway.turn("propose_edit", """
                {"file_path": "src/main/java/demo/Pager.java", "edit_type": "insert",
                 "locator": {"line_range": {"start": 3, "end": 3}},
                 "patch": "// one\\n// two\\n// three\\n// four\\n", "rationale_summary": "comments"}""");

        AgentLoop.Result r = run(limits(10));

        assertThat(r.stop().kind()).isEqualTo(Stop.Kind.OVERSIZED_EDIT);
        assertThat(r.stop().kind().needsHuman()).isTrue();
        assertThat(r.stop().reason()).contains("the change would be 4 lines, more than the 3");
        assertThat(Files.readString(project.resolve(DemoPager.FILE))).isEqualTo(DemoPager.TEXT);
    }

    @Test
    void writesTheTrajectoryAsOneJsonObjectPerLineInOrder() throws IOException {
        gateway.turn("propose_edit", FIX).turn("run_tests", "{}").turn("submit", "{\"summary\": \"fix\"}");

        run(limits(10));

        List<JsonNode> lines = trajectoryLines();
        assertThat(lines).allSatisfy(n -> assertThat(n.isObject()).isTrue());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("seq").asLong()).isEqualTo(i + 1);
        }
        List<String> kinds = lines.stream().map(n -> n.get("kind").asText()).toList();
        assertThat(kinds).containsSubsequence("model_request", "model_response", "tool_call", "model_request",
                "model_response", "tool_call", "model_request", "model_response", "tool_call", "exit");
        assertThat(kinds).filteredOn("tool_call"::equals).hasSize(3);
        assertThat(kinds.getLast()).isEqualTo("exit");
        JsonNode exit = lines.getLast();
        assertThat(exit.get("stop").asText()).isEqualTo("SUBMITTED");
        assertThat(exit.get("green").asBoolean()).isTrue();
        JsonNode edit = lines.stream().filter(n -> n.get("kind").asText().equals("tool_call")).findFirst().orElseThrow();
        assertThat(edit.get("tool").asText()).isEqualTo("propose_edit");
        assertThat(edit.get("control").asText()).isEqualTo("EDITED");
        JsonNode response = lines.stream().filter(n -> n.get("kind").asText().equals("model_response")).findFirst()
                .orElseThrow();
        assertThat(response.at("/reply/message/toolExecutionRequests/0/name").asText()).isEqualTo("propose_edit");
    }

    @Test
    void announcesToolCallsAndTheStopAsEvents() throws IOException {
        gateway.turn("propose_edit", FIX).turn("submit", "{\"summary\": \"fix\"}");

        run(limits(10));

        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(run.resolve("events.jsonl"))) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("type").asText())
                .containsExactly("model_called", "tool_called", "model_called", "tool_called", "agent_stopped");
        assertThat(lines.getLast().get("stop").asText()).isEqualTo("SUBMITTED");
        assertThat(lines).extracting(n -> n.get("run_id").asText()).containsOnly("run-1");
    }
}

package dev.aap.agent.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.edit.EditOutcome;
import dev.aap.agent.files.PathRefused;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.core.BadInputException;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The Coder's tools by name: their declarations for the model, and dispatch of the model's calls. */
public final class ToolBox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final EditApplier applier;

    /**
     * @param files    the project's files
     * @param index    the code index (search_code, find_symbol)
     * @param applier  the edit pipeline (propose_edit)
     * @param edits    told of every edit outcome
     * @param tests    runs tests for run_tests: selection in, summary and green/red out
     */
    public ToolBox(ProjectFiles files, CodeIndex index, EditApplier applier, Consumer<EditOutcome> edits,
                   Function<List<String>, TestSummary> tests) {
        this(files, index, () -> { }, applier, edits, tests);
    }

    /** As above; {@code refreshIndex} brings the index up to date with the edits before each search. */
    public ToolBox(ProjectFiles files, CodeIndex index, Runnable refreshIndex, EditApplier applier,
                   Consumer<EditOutcome> edits, Function<List<String>, TestSummary> tests) {
        this.applier = applier;
        add(new ListDir(files));
        add(new ViewFile(files, applier::viewed));
        add(new SearchCode(index, files, refreshIndex));
        add(new FindSymbol(index, refreshIndex));
        add(new ProposeEdit(applier, edits));
        add(new RunTests(sel -> {
            TestSummary s = tests.apply(sel);
            return new RunTests.Runner.Result(s.text(), s.passed());
        }));
        add(new Submit());
    }

    /** A test run as the model sees it. */
    public record TestSummary(String text, boolean passed) {
    }

    /**
     * A model turn begins: its calls were all written from what the model saw before it, so the edit pipeline
     * re-bases line ranges over the turn's earlier edits (see {@link EditApplier#beginTurn()}).
     */
    public void beginTurn() {
        applier.beginTurn();
    }

    private void add(Tool t) {
        tools.put(t.spec().name(), t);
    }

    public List<ToolSpecification> specifications() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /**
     * Runs one call. Mistakes the model can fix (unknown tool, arguments that are not JSON or not what the tool
     * takes, paths outside the project) come back as failed observations that say what to do, never as exceptions.
     */
    public Observation execute(ToolExecutionRequest call) {
        Tool t = tools.get(call.name());
        if (t == null) {
            return Observation.error("There is no tool named '" + call.name() + "'. Available: "
                    + String.join(", ", tools.keySet()) + ".");
        }
        JsonNode args;
        try {
            String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
            args = JSON.readTree(raw);
            if (args != null && args.isTextual() && args.asText().strip().startsWith("{")) {
                args = JSON.readTree(args.asText()); // encoded twice, as some servers pass it on
            }
            if (args == null || !args.isObject()) {
                return Observation.error("The arguments of " + call.name() + " must be a JSON object; got: "
                        + clip(raw));
            }
        } catch (JsonProcessingException e) {
            return Observation.error("The arguments of " + call.name() + " are not valid JSON ("
                    + e.getOriginalMessage() + "); got: " + clip(call.arguments()) + ". Call it again with a JSON"
                    + " object.");
        }
        try {
            return capped(t.run(args));
        } catch (Tool.BadArguments | PathRefused e) {
            return Observation.error(call.name() + ": " + e.getMessage());
        } catch (BadInputException e) {
            return Observation.error(call.name() + ": " + e.getMessage());
        }
    }

    /** No observation may take more than {@value #MAX_OBSERVATION} characters of the model's context. */
    static final int MAX_OBSERVATION = 16_000;

    private static Observation capped(Observation o) {
        if (o.text().length() <= MAX_OBSERVATION) {
            return o;
        }
        String cut = o.text().substring(0, MAX_OBSERVATION) + "\n[output cut at " + MAX_OBSERVATION
                + " characters; ask for less, e.g. a smaller line range]";
        if (o.text().contains("<untrusted") && !cut.contains("</untrusted>")) {
            cut += "\n</untrusted>";
        }
        return new Observation(cut, o.ok(), o.control());
    }

    private static String clip(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

import java.util.ArrayList;
import java.util.List;

/** {@code run_tests {selection?}}: runs all or some tests in the sandbox and returns the Tester's summary. */
final class RunTests implements Tool {

    /** Runs tests for the tool; the loop supplies it. */
    interface Runner {
        /** Runs the selection (all when empty); returns the summary and whether every selected test passed. */
        Result run(List<String> selection);

        /** What a run gave. */
        record Result(String summary, boolean passed) {
        }
    }

    private final Runner runner;

    RunTests(Runner runner) {
        this.runner = runner;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("run_tests")
                .description("Run the project's tests in the sandbox (all, or only the selected ones) and get a"
                        + " summary: compiler errors with file and line, failing assertions, stack frames in this"
                        + " repository.")
                .parameters(JsonObjectSchema.builder()
                        .addProperty("selection", JsonArraySchema.builder().items(new JsonStringSchema())
                                .description("Optional test ids: pkg.ClassTest, pkg.ClassTest#method, or pytest"
                                        + " ids like tests/test_x.py::test_name").build())
                        .build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        var selection = new ArrayList<String>();
        JsonNode sel = args.get("selection");
        if (sel != null && sel.isArray()) {
            sel.forEach(x -> selection.add(x.asText()));
        } else if (sel != null && sel.isTextual() && !sel.asText().isBlank()) {
            selection.add(sel.asText());
        }
        Runner.Result r = runner.run(selection);
        // assertion messages and output are written by the repository: data, not instructions
        Observation.Control control = r.passed() && selection.isEmpty() ? Observation.Control.TESTED_GREEN
                : r.passed() ? Observation.Control.NONE : Observation.Control.TESTED_RED;
        return new Observation(Observation.untrusted("tests", r.summary()), true, control);
    }
}

package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

/** {@code submit {summary}}: the model says it is done; the loop decides whether the work stands. */
final class Submit implements Tool {

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("submit")
                .description("Finish: call this when the change is made and the tests pass. The tests are run"
                        + " once more before the change is accepted.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("summary", "One line: what the change does")
                        .required("summary").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        JsonNode s = args.get("summary");
        return new Observation(s == null || s.isNull() ? "" : s.asText(), true, Observation.Control.SUBMIT);
    }
}

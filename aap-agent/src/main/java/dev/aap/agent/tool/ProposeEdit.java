package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.edit.EditOutcome;
import dev.aap.agent.edit.EditRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;
import java.util.function.Consumer;

/** {@code propose_edit}: every change the model makes goes through the {@link EditApplier}. */
final class ProposeEdit implements Tool {

    private static final String EXAMPLE = "{\"file_path\": \"src/main/java/App.java\", \"edit_type\": \"replace\","
            + " \"locator\": {\"line_range\": {\"start\": 12, \"end\": 12}}, \"patch\": \"    return a <= b;\","
            + " \"rationale_summary\": \"off-by-one in the bound\"}";

    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("(\\d+)\\s*(?:[-:,]\\s*(\\d+))?");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final EditApplier applier;
    private final Consumer<EditOutcome> record;

    ProposeEdit(EditApplier applier, Consumer<EditOutcome> record) {
        this.applier = applier;
        this.record = record;
    }

    @Override
    public ToolSpecification spec() {
        var lineRange = JsonObjectSchema.builder()
                .addIntegerProperty("start", "First line, 1-based")
                .addIntegerProperty("end", "Last line, inclusive")
                .required("start", "end").build();
        var locator = JsonObjectSchema.builder()
                .description("Exactly one of symbol, line_range or ast_query")
                .addStringProperty("symbol", "A class, method or function name, e.g. \"hasNext\" or \"Pager.hasNext\"")
                .addProperty("line_range", lineRange)
                .addStringProperty("ast_query", "\"<kind> <name>\", e.g. \"method hasNext\", \"class Pager\","
                        + " \"function price\"")
                .build();
        return ToolSpecification.builder().name("propose_edit")
                .description("Change one file. replace: the located lines become patch; insert: patch goes before"
                        + " the located start (line_range start = line count + 1 appends; start 1 in a missing file"
                        + " creates it); delete: removes the located lines; ast_patch: replaces a whole located"
                        + " definition (symbol or ast_query) with patch. Patch is the complete new text of those"
                        + " lines, with indentation. The edit is checked (syntax, policy) before it is written.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("file_path", "File relative to the project root")
                        .addEnumProperty("edit_type", List.of("insert", "replace", "delete", "ast_patch"))
                        .addProperty("locator", locator)
                        .addStringProperty("patch", "New text (not used by delete)")
                        .addStringProperty("rationale_summary", "One line: why this change")
                        .required("file_path", "edit_type", "locator", "rationale_summary").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String file = Tool.requireText(args, "file_path", EXAMPLE);
        EditRequest.Type type = EditRequest.Type.parse(Tool.requireText(args, "edit_type", EXAMPLE));
        if (type == null) {
            throw new BadArguments("edit_type must be one of insert, replace, delete, ast_patch");
        }
        JsonNode loc = args.get("locator");
        if (loc != null && loc.isTextual()) {
            // smaller models write the locator as a bare string: "12-14" is a range, anything else a symbol
            loc = RANGE.matcher(loc.asText().strip()).matches()
                    ? JSON.createObjectNode().put("line_range", loc.asText().strip())
                    : JSON.createObjectNode().put("symbol", loc.asText().strip());
        }
        if (loc == null || !loc.isObject()) {
            throw new BadArguments("locator must be an object with exactly one of symbol, line_range, ast_query,"
                    + " e.g. " + EXAMPLE);
        }
        Integer start = null;
        Integer end = null;
        JsonNode range = loc.get("line_range");
        if (range != null && !range.isNull()) {
            if (range.isObject()) {
                start = Tool.optionalInt(range, "start");
                end = Tool.optionalInt(range, "end");
            } else if (range.isArray() && range.size() == 2) {
                start = range.get(0).asInt();
                end = range.get(1).asInt();
            } else if (range.isTextual() && RANGE.matcher(range.asText().strip()).matches()) {
                var m = RANGE.matcher(range.asText().strip());
                m.matches();
                start = Integer.parseInt(m.group(1));
                end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
            } else {
                throw new BadArguments("line_range must be {\"start\": N, \"end\": M}");
            }
        }
        var locator = new EditRequest.Locator(text(loc, "symbol"), start, end, text(loc, "ast_query"));
        if (type != EditRequest.Type.DELETE && !args.hasNonNull("patch")) {
            throw new BadArguments("edit_type " + type.name().toLowerCase() + " needs 'patch' (the new text)");
        }
        var req = new EditRequest(file, type, locator, args.path("patch").asText(""),
                args.path("rationale_summary").asText(""));
        EditOutcome out = applier.apply(req);
        record.accept(out);
        return switch (out) {
            case EditOutcome.Applied a -> new Observation(a.observation(), true, Observation.Control.EDITED);
            case EditOutcome.Rejected r -> Observation.error(r.observation());
            case EditOutcome.Oversized o -> new Observation(o.observation(), false,
                    Observation.Control.STOP_NEEDS_HUMAN);
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}

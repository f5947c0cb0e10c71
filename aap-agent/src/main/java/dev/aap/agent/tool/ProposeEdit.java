package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.edit.EditApplier;
import dev.aap.agent.edit.EditOutcome;
import dev.aap.agent.edit.EditRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code propose_edit}: every change the model makes goes through the {@link EditApplier}. The arguments are read
 * leniently, because models bring habits from other agents' tools: {@code old_str}/{@code search} for
 * {@code old_text}, {@code new_str}/{@code new_text} for {@code patch}, old_text beside the locator instead of in it,
 * and a unified diff as the patch (then the locator and edit type are ignored).
 */
final class ProposeEdit implements Tool {

    private static final String EXAMPLE = "{\"file_path\": \"src/main/java/App.java\", \"edit_type\": \"replace\","
            + " \"locator\": {\"old_text\": \"    return a < b;\"}, \"patch\": \"    return a <= b;\","
            + " \"rationale_summary\": \"off-by-one in the bound\"}";
    private static final String DESCRIPTION = """
            Change one file. locator says where; old_text is the most robust: copy the current lines exactly \
            (without line numbers), enough of them to be unique. replace: the located text becomes patch; insert: \
            patch goes before it; delete: removes it; ast_patch: patch is the whole new definition (symbol or \
            ast_query). Instead, patch may be a unified diff (edit_type diff, no locator). A new file: insert with \
            line_range {start: 1, end: 1}. Examples (file_path and rationale_summary as in the first):
            {"file_path": "src/A.java", "edit_type": "replace", "locator": {"old_text": "    return a < b;"}, \
            "patch": "    return a <= b;", "rationale_summary": "off by one"}
            {"edit_type": "insert", "locator": {"line_range": {"start": 12, "end": 12}}, "patch": "    log(a);"}
            {"edit_type": "delete", "locator": {"symbol": "Pager.next"}}
            {"edit_type": "diff", "patch": "@@ -12,1 +12,1 @@\\n-    return a < b;\\n+    return a <= b;\\n"}""";
    private static final List<String> OLD_TEXT = List.of("old_text", "old_str", "search");
    private static final List<String> PATCH = List.of("patch", "new_text", "new_str");
    private static final List<String> LOCATOR_KEYS = List.of("symbol", "line_range", "ast_query");

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
                .description("Exactly one of old_text, symbol, line_range or ast_query; none for a diff")
                .addStringProperty("old_text", "The current text to change, copied exactly; must occur once")
                .addStringProperty("symbol", "A class, method or function name, e.g. \"hasNext\" or \"Pager.hasNext\"")
                .addProperty("line_range", lineRange)
                .addStringProperty("ast_query", "\"<kind> <name>\", e.g. \"method hasNext\", \"class Pager\"")
                .build();
        return ToolSpecification.builder().name("propose_edit")
                .description(DESCRIPTION)
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("file_path", "File relative to the project root")
                        .addEnumProperty("edit_type", List.of("replace", "insert", "delete", "ast_patch", "diff"))
                        .addProperty("locator", locator)
                        .addStringProperty("patch",
                                "The new text with its indentation (not for delete), or a unified diff")
                        .addStringProperty("rationale_summary", "One line: why this change")
                        .required("file_path", "edit_type", "rationale_summary").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String file = Tool.requireText(args, "file_path", EXAMPLE);
        String patch = firstText(args, PATCH);
        boolean diff = EditApplier.isDiff(patch);
        JsonNode loc = args.get("locator");
        if ((loc == null || loc.isNull()) && LOCATOR_KEYS.stream().anyMatch(args::hasNonNull)) {
            loc = args; // the locator's fields written beside it instead of inside
        }
        String oldText = firstText(args, OLD_TEXT);
        EditRequest.Type type = type(args, diff, oldText != null
                || (loc != null && loc.isObject() && firstText(loc, OLD_TEXT) != null));
        boolean noLocator = loc == null || loc.isNull();
        var locator = diff || (type == EditRequest.Type.DIFF && noLocator) ? null : locator(loc, oldText);
        if (type != EditRequest.Type.DELETE && patch == null) {
            throw new BadArguments("edit_type " + type.name().toLowerCase() + " needs 'patch' (the new text)");
        }
        if (patch != null && patch.contains("[REDACTED:")) {
            // the model saw a placeholder where a secret is; writing it back would destroy the real value
            return Observation.error("Edit REJECTED, nothing was changed: the text holds a [REDACTED:...] placeholder."
                    + " aap hid a secret there from you; leave the lines that hold it as they are and change"
                    + " only the lines around them.");
        }
        var req = new EditRequest(file, type, locator, patch, args.path("rationale_summary").asText(""));
        EditOutcome out = applier.apply(req);
        record.accept(out);
        return switch (out) {
            case EditOutcome.Applied a -> new Observation(a.observation(), true, Observation.Control.EDITED);
            case EditOutcome.Rejected r -> Observation.error(r.observation());
            case EditOutcome.Oversized o -> new Observation(o.observation(), false,
                    Observation.Control.STOP_NEEDS_HUMAN);
        };
    }

    /** The edit type; when it is missing, a diff or an old_text says what was meant. */
    private static EditRequest.Type type(JsonNode args, boolean diff, boolean hasOldText) {
        JsonNode t = args.get("edit_type");
        if ((t == null || t.isNull() || t.asText().isBlank()) && (diff || hasOldText)) {
            return diff ? EditRequest.Type.DIFF : EditRequest.Type.REPLACE;
        }
        EditRequest.Type type = EditRequest.Type.parse(Tool.requireText(args, "edit_type", EXAMPLE));
        if (type == null) {
            throw new BadArguments("edit_type must be one of insert, replace, delete, ast_patch, diff");
        }
        return type;
    }

    private static EditRequest.Locator locator(JsonNode loc, String oldTextBeside) {
        if (loc != null && loc.isTextual()) {
            // smaller models write the locator as a bare string: "12-14" is a range, anything else a symbol
            loc = RANGE.matcher(loc.asText().strip()).matches()
                    ? JSON.createObjectNode().put("line_range", loc.asText().strip())
                    : JSON.createObjectNode().put("symbol", loc.asText().strip());
        }
        if ((loc == null || loc.isNull()) && oldTextBeside != null) {
            return EditRequest.Locator.oldText(oldTextBeside);
        }
        if (loc == null || !loc.isObject()) {
            throw new BadArguments("locator must be an object with exactly one of old_text, symbol, line_range,"
                    + " ast_query, e.g. " + EXAMPLE);
        }
        String oldText = firstText(loc, OLD_TEXT);
        if (oldText != null && oldTextBeside != null && !oldText.equals(oldTextBeside)) {
            throw new BadArguments("old_text is given twice with different text; give it once, inside locator");
        }
        Integer[] range = range(loc.get("line_range"));
        return new EditRequest.Locator(text(loc, "symbol"), range[0], range[1], text(loc, "ast_query"),
                oldText != null ? oldText : oldTextBeside);
    }

    private static Integer[] range(JsonNode range) {
        if (range == null || range.isNull()) {
            return new Integer[2];
        }
        if (range.isObject()) {
            return new Integer[] {Tool.optionalInt(range, "start"), Tool.optionalInt(range, "end")};
        }
        if (range.isArray() && range.size() == 2) {
            return new Integer[] {range.get(0).asInt(), range.get(1).asInt()};
        }
        var m = RANGE.matcher(range.asText().strip());
        if (range.isTextual() && m.matches()) {
            int start = Integer.parseInt(m.group(1));
            return new Integer[] {start, m.group(2) == null ? start : Integer.parseInt(m.group(2))};
        }
        throw new BadArguments("line_range must be {\"start\": N, \"end\": M}");
    }

    /**
     * The first of {@code names} that holds text (a list of strings is taken as lines); old_text and patch keep
     * their whitespace.
     */
    private static String firstText(JsonNode n, List<String> names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
            if (v != null && v.isArray() && !v.isEmpty()) {
                var lines = new java.util.ArrayList<String>();
                v.forEach(l -> lines.add(l.asText()));
                return String.join("\n", lines);
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}

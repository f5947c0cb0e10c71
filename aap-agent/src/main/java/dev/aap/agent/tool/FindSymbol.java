package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.Symbol;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;

/** {@code find_symbol {name}}: where a class, method or function is defined, with its line range. */
final class FindSymbol implements Tool {

    private final CodeIndex index;
    private final Runnable refresh;

    FindSymbol(CodeIndex index, Runnable refresh) {
        this.index = index;
        this.refresh = refresh;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("find_symbol")
                .description("Find the definitions of a class, method or function by name (\"hasNext\" or"
                        + " \"Pager.hasNext\"). Returns kind, file and line range of each.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("name", "Simple or Class.member name")
                        .required("name").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String name = Tool.requireText(args, "name", "{\"name\": \"Pager.hasNext\"}");
        refresh.run();
        List<Symbol> defs = index.findSymbol(name);
        if (defs.isEmpty()) {
            return Observation.ok("No definition named '" + name + "'. Try search_code with the name or a part"
                    + " of it.");
        }
        var sb = new StringBuilder(defs.size() + " definition(s) of '" + name + "':\n");
        defs.stream().limit(20).forEach(s -> sb.append(s.kind()).append(' ').append(s.name()).append(" at ")
                .append(s.file()).append(':').append(s.startLine()).append('-').append(s.endLine()).append('\n'));
        return Observation.ok(sb.toString());
    }
}

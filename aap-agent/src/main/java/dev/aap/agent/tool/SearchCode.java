package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.Hit;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;

/** {@code search_code {query}}: ranked {@code file:line} hits from the code index, a snippet each. */
final class SearchCode implements Tool {

    private static final int HITS = 8;
    private static final int SNIPPET_LINES = 6;
    private final CodeIndex index;

    SearchCode(CodeIndex index) {
        this.index = index;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("search_code")
                .description("Search the project's code by identifiers or by a description of what the code does."
                        + " Returns ranked file:line hits with a short snippet each.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query", "Identifiers or words, e.g. \"hasNext page size\"")
                        .required("query").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String q = Tool.requireText(args, "query", "{\"query\": \"parse date\"}");
        List<Hit> hits = index.search(q, HITS);
        if (hits.isEmpty()) {
            return Observation.ok("No matches for '" + q + "'. Try other identifiers, or list_dir to browse.");
        }
        var sb = new StringBuilder(hits.size() + " hits for '" + q + "', best first:\n");
        int rank = 1;
        for (Hit h : hits) {
            sb.append(rank++).append(". ").append(h.file()).append(':').append(h.startLine()).append('-')
                    .append(h.endLine()).append(h.symbol() == null || h.symbol().isBlank() ? "" : " " + h.symbol())
                    .append('\n');
            List<String> lines = h.snippet().lines().limit(SNIPPET_LINES).toList();
            var snip = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                snip.append(String.format("%5d| ", h.startLine() + i)).append(lines.get(i)).append('\n');
            }
            sb.append(Observation.untrusted("file:" + h.file(), snip.toString())).append('\n');
        }
        return Observation.ok(sb.toString());
    }
}

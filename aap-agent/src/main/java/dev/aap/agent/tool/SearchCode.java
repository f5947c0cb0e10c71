package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.Hit;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code search_code {query, mode?, regex?, path?}}: ranked chunks from the code index with a snippet each, or, in
 * {@code grep} mode, every matching line as {@code file:line: text} (literal text or a regular expression).
 */
final class SearchCode implements Tool {

    private static final int HITS = 8;
    private static final int SNIPPET_LINES = 6;
    private static final int MAX_MATCHES = 60;
    private static final int MAX_LINE = 200;
    private final CodeIndex index;
    private final ProjectFiles files;
    private final Runnable refresh;

    /** {@code refresh} brings the index up to date with edits before each search. */
    SearchCode(CodeIndex index, ProjectFiles files, Runnable refresh) {
        this.index = index;
        this.files = files;
        this.refresh = refresh;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("search_code")
                .description("Search the project's code. mode \"ranked\" (default): by identifiers or a description"
                        + " of what the code does; ranked file:line hits with a snippet each. mode \"grep\": every line"
                        + " containing the exact text (or matching the regular expression with regex: true), as"
                        + " file:line: text, optionally only under path.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("query", "Words or identifiers (ranked), or the text/regex to find (grep)")
                        .addEnumProperty("mode", List.of("ranked", "grep"))
                        .addBooleanProperty("regex", "grep only: query is a Java regular expression")
                        .addStringProperty("path", "grep only: a file or directory to search in")
                        .required("query").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String q = Tool.requireText(args, "query", "{\"query\": \"parse date\"}");
        refresh.run();
        String mode = args.path("mode").asText("ranked").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("grep") || mode.equals("regex") || mode.equals("literal") || args.path("regex").asBoolean()) {
            return grep(q, args.path("regex").asBoolean(mode.equals("regex")), args.path("path").asText(""));
        }
        List<Hit> hits = index.search(q, HITS);
        if (hits.isEmpty()) {
            Observation exact = grep(q, false, "");
            return exact.ok() && !exact.text().startsWith("No line")
                    ? Observation.ok("No ranked hits for '" + q + "'; lines containing it exactly:\n" + exact.text())
                    : Observation.ok("No matches for '" + q + "'. Try other identifiers, mode \"grep\" for exact"
                    + " text, or list_dir to browse.");
        }
        var sb = new StringBuilder(hits.size() + " hits for '" + q + "', best first:\n");
        int rank = 1;
        for (Hit h : hits) {
            sb.append(rank++).append(". ").append(h.file()).append(':').append(h.startLine()).append('-')
                    .append(h.endLine()).append(h.symbol() == null || h.symbol().isBlank() ? "" : " " + h.symbol())
                    .append('\n');
            List<String> lines = h.snippet().lines().toList();
            var snip = new StringBuilder();
            for (int i = 0; i < Math.min(SNIPPET_LINES, lines.size()); i++) {
                snip.append(String.format("%5d| ", h.startLine() + i)).append(lines.get(i)).append('\n');
            }
            if (lines.size() > SNIPPET_LINES) {
                snip.append("[").append(lines.size() - SNIPPET_LINES).append(" more lines: view_file ")
                        .append(h.file()).append(' ').append(h.startLine() + SNIPPET_LINES).append('-')
                        .append(h.endLine()).append("]\n");
            }
            sb.append(Observation.untrusted("file:" + h.file(), snip.toString())).append('\n');
        }
        return Observation.ok(sb.toString());
    }

    private Observation grep(String query, boolean regex, String path) {
        Pattern p;
        try {
            p = regex ? Pattern.compile(query) : Pattern.compile(Pattern.quote(query));
        } catch (PatternSyntaxException e) {
            return Observation.error("search_code: not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + "; fix it, or search for literal text without regex");
        }
        String under = path.isBlank() ? "" : files.relative(path);
        List<String> scope = index.files().stream().filter(f -> under.isEmpty() || f.equals(under)
                || f.startsWith(under.endsWith("/") ? under : under + "/")).toList();
        var out = new StringBuilder();
        int matches = 0;
        for (String f : scope) {
            Optional<String> text = files.read(f);
            if (text.isEmpty()) {
                continue;
            }
            List<String> lines = text.get().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    if (++matches <= MAX_MATCHES) {
                        String l = lines.get(i).strip();
                        out.append(f).append(':').append(i + 1).append(": ")
                                .append(l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + "..." : l).append('\n');
                    }
                }
            }
        }
        if (matches == 0) {
            return Observation.ok("No line " + (regex ? "matches /" + query + "/" : "contains '" + query + "'")
                    + (under.isEmpty() ? "" : " under " + under) + " (case-sensitive). Try ranked mode or other text.");
        }
        String head = matches + " matching line" + (matches == 1 ? "" : "s") + (matches > MAX_MATCHES
                ? ", the first " + MAX_MATCHES + " shown (narrow with path or a longer query)" : "") + ":\n";
        return Observation.ok(head + Observation.untrusted("grep", out.toString()));
    }
}

package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.files.ProjectFiles;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.util.List;

/** {@code view_file {path, start_line?, end_line?}}: numbered lines, at most {@value #MAX_LINES} per call. */
final class ViewFile implements Tool {

    static final int MAX_LINES = 200;
    static final int MAX_LINE_CHARS = 500;
    private final ProjectFiles files;
    private final Shown shown;

    /** Hears which lines the model is shown, so that edits by line number can be checked against them. */
    interface Shown {
        void lines(String file, int firstLine, List<String> lines);
    }

    ViewFile(ProjectFiles files, Shown shown) {
        this.files = files;
        this.shown = shown;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("view_file")
                .description("Show lines of a file with their 1-based line numbers, at most " + MAX_LINES
                        + " lines per call. Without start_line/end_line it shows the first " + MAX_LINES + ".")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("path", "File relative to the project root")
                        .addIntegerProperty("start_line", "First line to show (1-based, optional)")
                        .addIntegerProperty("end_line", "Last line to show (inclusive, optional)")
                        .required("path").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        String path = Tool.requireText(args, "path", "{\"path\": \"src/main/java/App.java\"}");
        String rel = files.relative(path);
        var text = files.read(rel);
        if (text.isEmpty()) {
            return Observation.error(rel + " does not exist or is not a file; use list_dir or search_code to find"
                    + " the right path");
        }
        List<String> lines = text.get().lines().toList();
        int n = lines.size();
        Integer s = Tool.optionalInt(args, "start_line");
        Integer e = Tool.optionalInt(args, "end_line");
        int from = s == null ? 1 : Math.max(1, s);
        if (n == 0) {
            return Observation.ok(rel + " is empty (0 lines).");
        }
        if (from > n) {
            return Observation.error(rel + " has only " + n + " lines; start_line " + from + " is past its end");
        }
        int to = e == null ? from + MAX_LINES - 1 : Math.max(from, e);
        boolean clipped = to - from + 1 > MAX_LINES;
        to = Math.min(Math.min(to, n), from + MAX_LINES - 1);
        shown.lines(rel, from, lines.subList(from - 1, to));
        var sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            String line = lines.get(i - 1);
            if (line.length() > MAX_LINE_CHARS) { // minified or generated text: one line could flood the context
                line = line.substring(0, MAX_LINE_CHARS) + " [line cut: " + line.length() + " characters]";
            }
            sb.append(String.format("%5d| ", i)).append(line).append('\n');
        }
        String head = rel + " (" + n + " lines), lines " + from + "-" + to + ":\n";
        String tail = to < n ? "[lines " + (to + 1) + "-" + n + " not shown" + (clipped ? "; at most " + MAX_LINES
                + " lines per call" : "") + "; call view_file with start_line=" + (to + 1) + " for more]\n" : "";
        return Observation.ok(head + Observation.untrusted("file:" + rel, sb.toString()) + "\n" + tail);
    }
}

package dev.aap.agent.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.core.EnvironmentException;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code list_dir {path}}: the entries of a project directory, directories marked with a slash. */
final class ListDir implements Tool {

    private static final int MAX = 200;
    private final ProjectFiles files;

    ListDir(ProjectFiles files) {
        this.files = files;
    }

    @Override
    public ToolSpecification spec() {
        return ToolSpecification.builder().name("list_dir")
                .description("List a directory of the project (paths are relative to the project root; \".\" is"
                        + " the root). Directories end with '/'.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("path", "Directory relative to the project root, e.g. \"src/main/java\"")
                        .required("path").build())
                .build();
    }

    @Override
    public Observation run(JsonNode args) {
        JsonNode p = args.get("path");
        String rel = files.relative(p == null || p.isNull() ? "" : p.asText());
        Path dir = files.root().resolve(rel);
        if (!Files.isDirectory(dir)) {
            return Observation.error((rel.isEmpty() ? "." : rel) + " is not a directory"
                    + (Files.isRegularFile(dir) ? " (it is a file: use view_file)" : "; use list_dir \".\" to start"));
        }
        List<String> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(x -> !x.getFileName().toString().equals(".git"))
                    .map(x -> x.getFileName() + (Files.isDirectory(x) ? "/" : ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        var sb = new StringBuilder((rel.isEmpty() ? "." : rel) + " has " + entries.size() + " entries:\n");
        entries.stream().limit(MAX).forEach(e -> sb.append(e).append('\n'));
        if (entries.size() > MAX) {
            sb.append("[").append(entries.size() - MAX).append(" more not shown]\n");
        }
        return Observation.ok(sb.toString());
    }
}

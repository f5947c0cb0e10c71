package dev.aap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.IndexStats;
import dev.aap.core.BadInputException;
import dev.aap.core.run.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;

/** {@code aap index PATH}: builds or refreshes the code index the llm brain searches, and says how fast. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or refresh the code index of a git work tree (only changed files are re-indexed).")
final class IndexCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A git work tree, or a directory inside one.")
    private Path path;

    @Option(names = "--no-embeddings", description = "BM25 only: no MiniLM vectors (faster, no semantic search).")
    private boolean noEmbeddings;

    @Option(names = "--json", description = "Print one JSON object with the numbers on stdout.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Path project = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(project)) {
            throw new BadInputException("no directory " + project + " to index");
        }
        project = project.toRealPath(); // the key a run uses: git's top level is a real path
        Path indexDir = CodeIndex.dirFor(RunStore.defaultHome().resolve("cache"), project.toString());
        IndexStats s;
        try (CodeIndex index = CodeIndex.open(indexDir, project, !noEmbeddings)) {
            var err = spec.commandLine().getErr();
            long start = System.nanoTime();
            long[] last = {start};
            s = index.update((done, total) -> {
                long now = System.nanoTime();
                if (now - last[0] > 5_000_000_000L && done < total) { // a big first build with vectors takes minutes
                    last[0] = now;
                    err.printf("[%6.1fs] %d of %d files indexed%n", (now - start) / 1e9, done, total);
                    err.flush();
                }
            });
        }
        double secs = Math.max(s.seconds(), 1e-6);
        var out = spec.commandLine().getOut();
        if (json) {
            var m = new LinkedHashMap<String, Object>();
            m.put("path", project.toString());
            m.put("index_dir", indexDir.toString());
            m.put("embeddings", !noEmbeddings);
            m.put("files", s.files());
            m.put("chunks", s.chunks());
            m.put("changed_files", s.changedFiles());
            m.put("removed_files", s.removedFiles());
            m.put("seconds", s.seconds());
            m.put("files_per_second", s.changedFiles() / secs);
            m.put("chunks_per_second", fullBuild(s) ? s.chunks() / secs : null);
            out.println(new ObjectMapper().writeValueAsString(m));
        } else {
            out.printf("indexed %s%n", project);
            out.printf("files: %d, chunks: %d, changed files: %d, removed files: %d%n", s.files(), s.chunks(),
                    s.changedFiles(), s.removedFiles());
            out.printf("%.2f s (%.0f changed files/s%s)%s%n", s.seconds(), s.changedFiles() / secs,
                    fullBuild(s) ? String.format(", %.0f chunks/s", s.chunks() / secs) : "",
                    noEmbeddings ? ", no embeddings" : "");
            out.printf("index: %s%n", indexDir);
        }
        out.flush();
        return 0;
    }

    /** Chunks per second means something only when every file was (re-)indexed. */
    private static boolean fullBuild(IndexStats s) {
        return s.changedFiles() > 0 && s.changedFiles() == s.files();
    }
}

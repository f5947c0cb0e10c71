package dev.aap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aap.core.BadInputException;
import dev.aap.core.EnvironmentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One benchmark program: its folder, language and the paths its {@code bench.json} names.
 *
 * @param dir        the package folder (never modified)
 * @param name       program name
 * @param language   java or python
 * @param buggyFile  path of the buggy file inside the package
 * @param fixedFile  path of the reference fix inside the package (read only after the engine is done)
 */
record BenchPackage(Path dir, String name, String language, String buggyFile, String fixedFile) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<BenchPackage> find(Path root, String language, List<String> only) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new BadInputException("benchmark folder " + root + " is not a directory");
        }
        var out = new ArrayList<BenchPackage>();
        for (String lang : List.of("java", "python")) {
            if (language != null && !language.equals(lang)) {
                continue;
            }
            Path langDir = root.resolve(lang);
            if (!Files.isDirectory(langDir)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(langDir)) {
                for (Path d : dirs.sorted().toList()) {
                    Path meta = d.resolve("bench.json");
                    if (!Files.isRegularFile(meta)) {
                        continue;
                    }
                    JsonNode n = JSON.readTree(meta.toFile());
                    String name = n.path("name").asText(d.getFileName().toString());
                    if (!only.isEmpty() && !only.contains(name)) {
                        continue;
                    }
                    String fixed = n.path("fixed_file").asText();
                    requireHidden(meta, fixed);
                    out.add(new BenchPackage(d, name, n.path("language").asText(lang),
                            n.path("buggy_file").asText(), fixed));
                }
            }
        }
        return out;
    }

    /**
     * The reference fix must live under {@code .fixed/}, the one folder the engine's copy leaves out: anywhere else
     * the engine would see the answer.
     */
    private static void requireHidden(Path meta, String fixed) {
        Path rel = Path.of(fixed).normalize();
        if (fixed.isBlank() || rel.isAbsolute() || !rel.startsWith(".fixed") || rel.getNameCount() < 2) {
            throw new BadInputException(meta + " names fixed_file '" + fixed + "' outside .fixed/: the engine would"
                    + " see the reference fix; move it to .fixed/ and name that path");
        }
    }

    /** Copies the package without {@code .fixed/} and {@code bench.json} into a new git repository. */
    Path copyForEngine(Path target) throws IOException {
        return BenchRepo.copy(dir, target, rel -> rel.startsWith(".fixed") || rel.toString().equals("bench.json")
                || rel.startsWith("target") || rel.toString().contains("__pycache__"), "buggy program");
    }

    /** The reference fix's text; call only after the engine is done. */
    String referenceFix() {
        try {
            return Files.readString(dir.resolve(fixedFile));
        } catch (IOException e) {
            throw new EnvironmentException("cannot read the reference fix " + dir.resolve(fixedFile), e);
        }
    }
}

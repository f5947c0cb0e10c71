package dev.aap.repair.mutate;

import dev.aap.repair.candidate.Candidate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Test helper: runs the mutator over a snippet and exposes the candidates and their resulting texts. */
record Mutations(String source, List<Candidate> candidates) {

    static final String FILE = "src/main/java/demo/Demo.java";

    static Mutations of(String source, int... lines) {
        return of(source, Map.of(), lines);
    }

    static Mutations of(String source, Map<String, String> otherFiles, int... lines) {
        Map<String, String> project = new HashMap<>(otherFiles);
        project.put(FILE, source);
        Set<Integer> wanted = Arrays.stream(lines).boxed().collect(Collectors.toSet());
        return new Mutations(source, JavaMutator.create(project).candidates(FILE, wanted));
    }

    /** 1-based line number of the first line containing the fragment. */
    static int lineOf(String source, String fragment) {
        int at = source.indexOf(fragment);
        if (at < 0) {
            throw new IllegalArgumentException("no " + fragment);
        }
        return (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    List<String> results() {
        return candidates.stream().map(c -> c.applyTo(source)).toList();
    }

    /** The resulting texts with the original line replaced by the given one, for readable expectations. */
    String withLine(String oldLine, String newLine) {
        if (!source.contains(oldLine)) {
            throw new IllegalArgumentException("no " + oldLine);
        }
        return source.replace(oldLine, newLine);
    }
}

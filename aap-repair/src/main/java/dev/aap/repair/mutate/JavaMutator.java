package dev.aap.repair.mutate;

import dev.aap.repair.candidate.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes one-line fixes for suspicious lines of a Java file by applying mutation and fix-template operators, so the
 * search strategy has ranked, minimal, formatting-preserving candidates to validate.
 */
public interface JavaMutator {

    /** Most candidates kept per suspicious line, highest priors first. */
    int MAX_PER_LINE = 300;

    /**
     * @param projectSources every main source file of the project, relative path to text; used to find the fields
     *                       and methods of types declared in other files
     */
    static JavaMutator create(Map<String, String> projectSources) {
        return new ProjectMutator(projectSources);
    }

    /**
     * Every distinct candidate whose edits start on one of {@code lines} of the file, highest prior first. A file that
     * does not parse yields no candidates.
     *
     * @throws IllegalArgumentException if the file is not one of the project sources
     */
    List<Candidate> candidates(String relPath, Set<Integer> lines);
}

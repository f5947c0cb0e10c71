package dev.aap.agent;

import dev.aap.agent.index.CodeIndex;
import dev.aap.agent.index.Hit;
import dev.aap.agent.role.SpecRefiner;
import dev.aap.agent.tool.Observation;
import dev.aap.core.build.TestCase;
import dev.aap.core.build.TestRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Builds what the Coder reads first: the task, criteria, plan, failures, hints and retrieved code, within budgets. */
final class Context {

    /** Longest chunk shown whole in the first message; longer ones are cut and say where the rest is. */
    private static final int MAX_CHUNK_LINES = 80;

    private Context() {
    }

    static String firstMessage(String task, String issue, SpecRefiner.Spec spec, List<String> plan, String failing,
                               String testSource, String hints, String retrieved, String layout) {
        var b = new StringBuilder();
        b.append(task).append("\n\n");
        if (!issue.isBlank()) {
            b.append("Issue:\n").append(Observation.untrusted("issue", issue)).append("\n\n");
        }
        if (!spec.acceptanceCriteria().isEmpty()) {
            b.append("Acceptance criteria:\n");
            spec.acceptanceCriteria().forEach(c -> b.append("- ").append(c).append('\n'));
            b.append('\n');
        }
        if (!spec.openQuestions().isEmpty()) {
            b.append("Open questions (decide sensibly, say what you decided in submit):\n");
            spec.openQuestions().forEach(c -> b.append("- ").append(c).append('\n'));
            b.append('\n');
        }
        if (!plan.isEmpty()) {
            b.append("Plan:\n");
            for (int i = 0; i < plan.size(); i++) {
                b.append(i + 1).append(". ").append(plan.get(i)).append('\n');
            }
            b.append('\n');
        }
        b.append("Tests now:\n").append(Observation.untrusted("tests", failing)).append("\n\n");
        if (!testSource.isBlank()) {
            b.append("Test code to read first:\n").append(testSource).append('\n');
        }
        if (!hints.isBlank()) {
            b.append("Suspicious lines, most suspicious first (from test coverage):\n")
                    .append(Observation.untrusted("coverage", hints)).append("\n\n");
        }
        if (!retrieved.isBlank()) {
            b.append("Code that may be relevant (from the code index):\n").append(retrieved).append("\n\n");
        }
        b.append("Project files (top levels):\n").append(layout).append('\n');
        return b.toString();
    }

    /**
     * Characters of retrieved code in the first message: 10 000, or less for a small context window (an 8k local
     * model gets about 4 300), so the task, the tests and the first observations still fit.
     */
    static int retrievalBudget(int contextTokens) {
        return (int) Math.max(1_000, Math.min(10_000, contextTokens * 3.5 * 0.15));
    }

    /** The top chunks for the issue and the failing tests, at most {@code maxChars} characters. */
    static String retrieve(CodeIndex index, String issue, TestRun baseline, int maxChars) {
        var q = new StringBuilder(issue);
        for (TestCase t : baseline.report().failing().stream().limit(5).toList()) {
            q.append(' ').append(t.id().replaceAll("[#:.]", " ")).append(' ')
                    .append(t.message().lines().findFirst().orElse(""));
        }
        String query = q.toString().strip();
        if (query.isEmpty()) {
            return "";
        }
        var b = new StringBuilder();
        List<Hit> hits = index.search(query.length() > 2000 ? query.substring(0, 2000) : query, 8);
        for (int n = 0; n < hits.size(); n++) {
            Hit h = hits.get(n);
            var chunk = new StringBuilder();
            List<String> lines = h.snippet().lines().toList();
            int shown = Math.min(lines.size(), MAX_CHUNK_LINES);
            for (int i = 0; i < shown; i++) {
                chunk.append(String.format("%5d| ", h.startLine() + i)).append(lines.get(i)).append('\n');
            }
            if (shown < lines.size()) {
                chunk.append("[cut: ").append(lines.size() - shown).append(" more lines, view_file ").append(h.file())
                        .append(' ').append(h.startLine() + shown).append('-').append(h.endLine()).append("]\n");
            }
            String block = h.file() + ":" + h.startLine() + "-" + h.endLine()
                    + (h.symbol() == null || h.symbol().isBlank() ? "" : " (" + h.symbol() + ")") + "\n"
                    + Observation.untrusted("file:" + h.file(), chunk.toString()) + "\n";
            if (b.length() + block.length() > maxChars) {
                b.append("[").append(hits.size() - n).append(" more hits left out for length; search_code finds"
                        + " them]\n");
                break;
            }
            b.append(block);
        }
        return b.toString();
    }

    /** Each hint {@code file:line} with the line's text, at most 15. */
    static String hintLines(Path project, List<String> hints) {
        var b = new StringBuilder();
        for (String h : hints.stream().limit(15).toList()) {
            int colon = h.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            String file = h.substring(0, colon);
            try {
                int line = Integer.parseInt(h.substring(colon + 1).strip());
                List<String> text = Files.readAllLines(project.resolve(file));
                if (line >= 1 && line <= text.size()) {
                    b.append(file).append(':').append(line).append(": ").append(text.get(line - 1).strip())
                            .append('\n');
                }
            } catch (NumberFormatException | IOException e) {
                b.append(h).append('\n');
            }
        }
        return b.toString();
    }

    /** Directories and files two levels deep (no .git, no build output), at most 60 entries. */
    static String layout(Path project) {
        try (Stream<Path> s = Files.walk(project, 2)) {
            List<String> entries = s.filter(p -> !p.equals(project))
                    .map(p -> project.relativize(p).toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(r -> !r.startsWith(".git") && !r.startsWith("target") && !r.contains("__pycache__")
                            && !r.startsWith("."))
                    .sorted().toList();
            String shown = String.join("\n", entries.stream().limit(60).toList());
            return entries.size() > 60 ? shown + "\n[" + (entries.size() - 60) + " more; use list_dir]" : shown;
        } catch (IOException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    /** The project's source files (outside .git and build output), walked once per run. */
    static List<Path> sourceFiles(Path project) {
        try (Stream<Path> s = Files.walk(project, 12)) {
            return s.filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".java") || n.endsWith(".py") || n.endsWith(".kt");
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Simple names of source files (for keeping only stack frames that point into the project). */
    static Set<String> names(List<Path> sources) {
        var names = new HashSet<String>();
        sources.forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }
}

package dev.aap.agent.edit;

import dev.aap.agent.files.PathRefused;
import dev.aap.agent.files.ProjectFiles;
import dev.aap.agent.index.SourceSymbols;
import dev.aap.agent.index.SyntaxCheck;
import dev.aap.core.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The one apply pipeline for every model edit: locate → dry run → syntax check → policy → apply → size check.
 * Nothing is written unless every step before it passed; an edit that makes the whole change too large is undone
 * and reported as {@link EditOutcome.Oversized}.
 */
public final class EditApplier {

    private final ProjectFiles files;
    private final Policy policy;
    private final IntSupplier changedLines;
    private final int maxChangedLines;

    /**
     * @param files           the project's files
     * @param policy          the guardrails every edited path must pass
     * @param changedLines    the workspace diff's changed lines now (measured after an edit is applied)
     * @param maxChangedLines the largest total change before the run stops for a human
     */
    public EditApplier(ProjectFiles files, Policy policy, IntSupplier changedLines, int maxChangedLines) {
        this.files = files;
        this.policy = policy;
        this.changedLines = changedLines;
        this.maxChangedLines = maxChangedLines;
    }

    public EditOutcome apply(EditRequest req) {
        String rel;
        try {
            rel = files.relative(req.filePath());
        } catch (PathRefused e) {
            return new EditOutcome.Rejected(e.getMessage());
        }
        if (rel.isEmpty()) {
            return new EditOutcome.Rejected("file_path is empty; give the project-relative path of a file");
        }
        Optional<String> refused = policy.pathProblem(rel);
        if (refused.isPresent()) {
            return new EditOutcome.Rejected("the policy does not allow editing " + rel + ": " + refused.get()
                    + ". Change files under the project's source and test directories only.");
        }
        Optional<String> current;
        try {
            current = files.read(rel);
        } catch (PathRefused e) {
            return new EditOutcome.Rejected(e.getMessage());
        }
        if (req.locator() == null || req.locator().given() != 1) {
            return new EditOutcome.Rejected("locator must hold exactly one of symbol, line_range or ast_query");
        }
        if (current.isEmpty() && !(req.type() == EditRequest.Type.INSERT && req.locator().start() != null)) {
            return new EditOutcome.Rejected(rel + " does not exist. To create it, use edit_type insert with"
                    + " line_range {start: 1, end: 1}; to edit an existing file, check the name with list_dir.");
        }
        String before = current.orElse("");
        List<String> lines = splitLines(before);
        Locate.Result where = locate(req, rel, before, lines.size());
        if (where.problem() != null) {
            return new EditOutcome.Rejected(where.problem());
        }
        Locate.Range r = where.range();
        if (req.type() == EditRequest.Type.INSERT) {
            r = new Locate.Range(r.start(), r.start() - 1); // before the located start, whatever the locator
        }
        String eol = before.contains("\r\n") ? "\r\n" : "\n"; // new lines end like the file's lines
        List<String> patch = req.type() == EditRequest.Type.DELETE ? List.of()
                : splitLines(req.patch()).stream().map(l -> l.replaceFirst("\r?\n$", "") + eol).toList();
        var out = new ArrayList<String>(lines.subList(0, r.start() - 1));
        out.addAll(patch);
        out.addAll(lines.subList(r.end(), lines.size()));
        var joined = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String l = out.get(i);
            joined.append(l);
            if (i < out.size() - 1 && !l.endsWith("\n")) {
                joined.append(eol); // an original last line without a line end, now followed by new lines
            }
        }
        String after = joined.toString();
        if (before.equals(after)) {
            return new EditOutcome.Rejected("the edit changes nothing: lines " + r.start() + "-" + r.end()
                    + " already read like that");
        }
        if (req.type() == EditRequest.Type.AST_PATCH) {
            Optional<String> p = sameSymbolAfter(req, rel, after, r.start(), r.start() + patch.size() - 1);
            if (p.isPresent()) {
                return new EditOutcome.Rejected(p.get());
            }
        }
        Optional<String> syntax = SyntaxCheck.problem(rel, after);
        if (syntax.isPresent() && SyntaxCheck.problem(rel, before).isEmpty()) {
            return new EditOutcome.Rejected("the file would not parse: " + syntax.get() + ". The edited text would"
                    + " read:\n" + view(splitLines(after), r.start(), r.start() + patch.size() - 1));
        }
        files.write(rel, after);
        int total = changedLines.getAsInt();
        if (total > maxChangedLines) {
            if (current.isPresent()) {
                files.write(rel, before);
            } else {
                files.delete(rel);
            }
            return new EditOutcome.Oversized("with this edit the change would be " + total + " lines, more than the "
                    + maxChangedLines + " a reviewer should get from an automatic fix");
        }
        return new EditOutcome.Applied(rel, r.start(), r.end() - r.start() + 1, patch.size(),
                view(out, r.start(), r.start() + patch.size() - 1));
    }

    private Locate.Result locate(EditRequest req, String rel, String text, int lineCount) {
        EditRequest.Locator loc = req.locator();
        if (loc.symbol() != null) {
            return Locate.symbol(rel, text, loc.symbol().strip(), null);
        }
        if (loc.astQuery() != null) {
            return Locate.astQuery(rel, text, loc.astQuery());
        }
        if (req.type() == EditRequest.Type.AST_PATCH) {
            return Locate.Result.fail("ast_patch replaces a whole definition: locate it with symbol or ast_query");
        }
        return Locate.lines(loc, lineCount, req.type() == EditRequest.Type.INSERT);
    }

    /** The patch itself (lines {@code from..to} of {@code after}) must define the symbol it replaces. */
    private static Optional<String> sameSymbolAfter(EditRequest req, String rel, String after, int from, int to) {
        String name = req.locator().symbol() != null ? req.locator().symbol()
                : req.locator().astQuery().strip().split("[\\s:]+", 2)[1];
        String simple = name.substring(name.lastIndexOf('.') + 1);
        boolean defined = SourceSymbols.of(rel, after).stream().anyMatch(s -> s.name().equals(simple)
                && s.startLine() >= from && s.startLine() <= to);
        return defined ? Optional.empty() : Optional.of("ast_patch must replace '" + name + "' with a new definition"
                + " of '" + simple + "', but the patch defines no such symbol; give the whole definition");
    }

    /** Lines with their line ends; a last line without one gets none. */
    static List<String> splitLines(String text) {
        var out = new ArrayList<String>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** Lines {@code from-3 .. to+3} numbered like view_file. */
    static String view(List<String> lines, int from, int to) {
        var sb = new StringBuilder();
        int a = Math.max(1, from - 3);
        int b = Math.min(lines.size(), Math.max(to, from) + 3);
        for (int i = a; i <= b; i++) {
            String l = lines.get(i - 1);
            sb.append(String.format("%5d| ", i)).append(l.endsWith("\n") ? l.substring(0, l.length() - 1) : l)
                    .append('\n');
        }
        return sb.toString();
    }
}

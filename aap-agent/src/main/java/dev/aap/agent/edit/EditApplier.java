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
 * and reported as {@link EditOutcome.Oversized}. A patch that is a unified diff is applied as a diff whatever the
 * edit type and locator say. Not thread-safe: the loop runs one call at a time.
 */
public final class EditApplier {

    private final ProjectFiles files;
    private final Policy policy;
    private final IntSupplier changedLines;
    private final int maxChangedLines;
    private final TurnEdits turn = new TurnEdits();
    private final SeenLines seen = new SeenLines();
    private final Gate gate;

    /**
     * @param files           the project's files
     * @param policy          the guardrails every edited path must pass
     * @param changedLines    the workspace diff's changed lines now (measured after an edit is applied)
     * @param maxChangedLines the largest total change before the run stops for a human
     */
    public EditApplier(ProjectFiles files, Policy policy, IntSupplier changedLines, int maxChangedLines) {
        this(files, policy, changedLines, maxChangedLines, (file, before, after) -> Optional.empty());
    }

    /** As above; {@code gate} may refuse a planned edit by its content (e.g. a weakened test), with the reason. */
    public EditApplier(ProjectFiles files, Policy policy, IntSupplier changedLines, int maxChangedLines, Gate gate) {
        this.files = files;
        this.policy = policy;
        this.changedLines = changedLines;
        this.maxChangedLines = maxChangedLines;
        this.gate = gate;
    }

    /** A last check on what an edit would write, before it is written. */
    @FunctionalInterface
    public interface Gate {
        /** Why {@code file} may not go from {@code before} ("" when new) to {@code after}, or empty. */
        Optional<String> problem(String file, String before, String after);
    }

    /**
     * A model turn begins. The edits of one turn were all written from the same view, so line ranges are re-based
     * over the turn's earlier edits; what earlier turns showed the model becomes what it has seen.
     */
    public void beginTurn() {
        turn.clear();
        seen.beginTurn();
    }

    /** The model is shown {@code lines} of the project-relative {@code file} from line {@code firstLine} on. */
    public void viewed(String file, int firstLine, List<String> lines) {
        seen.shown(file, firstLine, lines);
    }

    /** Whether {@code patch} is a unified diff, which is applied as such and needs no locator. */
    public static boolean isDiff(String patch) {
        return patch != null && UnifiedDiff.looksLike(patch);
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
        // a .diff or .patch file is edited like any text: its new text may well be a diff
        boolean diff = UnifiedDiff.looksLike(req.patch()) && !rel.endsWith(".diff") && !rel.endsWith(".patch");
        Change.Result planned = diff ? DiffHunks.apply(rel, current.orElse(""), req.patch())
                : plan(req, rel, current.isPresent(), current.orElse(""));
        if (planned.problem() != null) {
            return new EditOutcome.Rejected(planned.problem());
        }
        return commit(req, rel, current, planned.change(), diff);
    }

    /** The change an edit with a locator makes: old_text, symbol, ast_query or line_range. */
    private Change.Result plan(EditRequest req, String rel, boolean exists, String before) {
        EditRequest.Locator loc = req.locator();
        if (req.type() == EditRequest.Type.DIFF) {
            return Change.Result.fail("edit_type diff needs a unified diff in patch: '@@ -12,2 +12,2 @@', then the"
                    + " lines with ' ' (unchanged), '-' (removed) or '+' (added) in front");
        }
        if (loc == null || loc.given() != 1) {
            return Change.Result.fail("locator must hold exactly one of symbol, line_range or ast_query, or old_text");
        }
        if (!exists && !(req.type() == EditRequest.Type.INSERT && loc.start() != null)) {
            return Change.Result.fail(rel + " does not exist. To create it, use edit_type insert with"
                    + " line_range {start: 1, end: 1}; to edit an existing file, check the name with list_dir.");
        }
        if (req.type() == EditRequest.Type.AST_PATCH && loc.symbol() == null && loc.astQuery() == null) {
            return Change.Result.fail("ast_patch replaces a whole definition: locate it with symbol or ast_query");
        }
        String patch = TextLines.withoutLineNumbers(req.patch());
        var notes = new ArrayList<String>();
        if (!patch.equals(req.patch())) {
            notes.add("The line numbers (\"  12| \") were taken out of patch.");
        }
        if (loc.oldText() != null) {
            Change.Result r = OldText.change(before, loc.oldText(), req.type(), patch);
            return r.problem() != null || notes.isEmpty() ? r : Change.Result.ok(r.change().withNote(notes.get(0)));
        }
        List<String> lines = TextLines.split(before);
        Locate.Result where = loc.isLineRange() ? lineRange(req, rel, lines, notes) : locate(req, rel, before);
        if (where.problem() != null) {
            return Change.Result.fail(where.problem());
        }
        Locate.Range r = where.range();
        if (req.type() == EditRequest.Type.INSERT) {
            r = new Locate.Range(r.start(), r.start() - 1); // before the located start, whatever the locator
        }
        String eol = TextLines.eol(before);
        List<String> patchLines = req.type() == EditRequest.Type.DELETE ? List.of()
                : TextLines.split(patch).stream().map(l -> TextLines.bare(l) + eol).toList();
        Change c = Change.lines(lines, r.start(), r.end(), patchLines, eol);
        for (String n : notes) {
            c = c.withNote(n);
        }
        return Change.Result.ok(c);
    }

    /** A line range from the model's last view: moved over this turn's earlier edits, checked against that view. */
    private Locate.Result lineRange(EditRequest req, String rel, List<String> lines, List<String> notes) {
        EditRequest.Locator loc = req.locator();
        boolean insert = req.type() == EditRequest.Type.INSERT;
        Integer s = loc.start();
        int e = loc.end() == null || insert ? (s == null ? 0 : s) : loc.end();
        if (s == null || e < s) {
            return Locate.lines(loc, lines.size(), insert);
        }
        TurnEdits.Rebased moved = turn.rebase(rel, s, insert ? s - 1 : e);
        if (moved.problem() != null) {
            return Locate.Result.fail(moved.problem());
        }
        int ms = moved.start();
        int me = insert ? ms : moved.end();
        Locate.Result where = Locate.lines(new EditRequest.Locator(null, ms, me, null), lines.size(), insert);
        if (where.problem() != null) {
            return where;
        }
        if (ms != s) {
            notes.add("line_range " + TextLines.range(s, e) + " was taken as " + TextLines.range(ms, me)
                    + " after the earlier edit in this turn.");
        }
        if (!insert) {
            Optional<String> stale = seen.stale(rel, s, e, lines, ms);
            if (stale.isPresent()) {
                return Locate.Result.fail(stale.get());
            }
        }
        return where;
    }

    /** Checks, writes and measures a planned change; records it for the turn and for what the model has seen. */
    private EditOutcome commit(EditRequest req, String rel, Optional<String> current, Change c, boolean diff) {
        String before = current.orElse("");
        String after = c.after();
        if (before.equals(after) || c.shown().isEmpty()) {
            return new EditOutcome.Rejected(c.shown().isEmpty() ? "the diff changes nothing"
                    : "the edit changes nothing: lines " + c.shown().get(0).start() + "-" + c.shown().get(0).oldEnd()
                    + " already read like that");
        }
        Change.Span first = c.shown().get(0);
        if (!diff && req.type() == EditRequest.Type.AST_PATCH) {
            Optional<String> p = sameSymbolAfter(req, rel, after, first.start(), first.newEnd());
            if (p.isPresent()) {
                return new EditOutcome.Rejected(p.get());
            }
        }
        Optional<String> syntax = SyntaxCheck.problem(rel, after);
        if (syntax.isPresent() && SyntaxCheck.problem(rel, before).isEmpty()) {
            return new EditOutcome.Rejected("the file would not parse: " + syntax.get() + ". The edited text would"
                    + " read:\n" + TextLines.view(TextLines.split(after), first.start(), first.newEnd(), 3));
        }
        Optional<String> gated = gate.problem(rel, before, after);
        if (gated.isPresent()) {
            return new EditOutcome.Rejected(gated.get());
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
        turn.record(rel, c.changed());
        return applied(rel, TextLines.split(after), c);
    }

    /** The outcome the model reads; the lines it shows count as seen. */
    private EditOutcome.Applied applied(String rel, List<String> after, Change c) {
        List<Change.Span> spans = c.shown();
        Change.Span first = spans.get(0);
        Change.Span last = spans.get(spans.size() - 1);
        int before = spans.subList(0, spans.size() - 1).stream().mapToInt(Change.Span::delta).sum();
        var view = new StringBuilder();
        int shownTo = 0;
        for (Change.Span s : spans) {
            int from = Math.max(Math.max(1, s.start() - 3), shownTo + 1);
            int to = Math.min(after.size(), Math.max(s.newEnd(), s.start()) + 3);
            if (from > to) {
                continue;
            }
            view.append(shownTo > 0 && from > shownTo + 1 ? "  ...\n" : "").append(TextLines.view(after, from, to, 0));
            seen.shown(rel, from, after.subList(from - 1, to));
            shownTo = to;
        }
        var notes = new ArrayList<>(c.notes());
        if (spans.stream().limit(spans.size() - 1).anyMatch(s -> s.delta() != 0)) {
            notes.add("Lines between the hunks moved by the hunks above them.");
        }
        return new EditOutcome.Applied(rel, first.start(), last.oldEnd() - before - first.start() + 1,
                last.newEnd() - first.start() + 1, view.toString(), notes);
    }

    private static Locate.Result locate(EditRequest req, String rel, String text) {
        EditRequest.Locator loc = req.locator();
        return loc.symbol() != null ? Locate.symbol(rel, text, loc.symbol().strip(), null)
                : Locate.astQuery(rel, text, loc.astQuery());
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
}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Call and assignment statements of a class, kept as templates whose variables can be renamed to the names visible
 * where a statement is missing.
 */
final class StatementTemplates {

    private static final int MAX_TEMPLATES = 40;
    private static final int MAX_USED = 8;
    private static final int MAX_RENAMES = 2;
    private static final int MAX_LENGTH = 80;
    private static final int MAX_MIRRORED = 3;

    /** A statement's text with the variables it mentions and their types where the statement stands. */
    record Template(String text, ExpressionStmt origin, Map<String, Optional<JType>> variables,
            List<int[]> occurrences, List<String> occurrenceNames) {
    }

    /** A template ready to paste: its text adapted to the target scope and its prior. */
    record Adapted(String text, double prior) {
    }

    private StatementTemplates() {
    }

    /** Templates that fit before or after the statement, same method first, at most eight. */
    static List<Adapted> adaptedAt(Statement s, Site site) {
        Optional<TypeDeclaration> owner = s.findAncestor(TypeDeclaration.class);
        if (owner.isEmpty()) {
            return List.of();
        }
        List<Template> all = site.memo("statementTemplates", owner.get(), o -> collect(o, site));
        Optional<CallableDeclaration> method = s.findAncestor(CallableDeclaration.class);
        List<Template> ordered = new ArrayList<>();
        all.stream().filter(t -> method.isPresent() && t.origin().isDescendantOf(method.get())).forEach(ordered::add);
        all.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
        Set<String> neighbours = neighbours(s, site);
        Scope scope = site.scope(s);
        Set<String> out = new LinkedHashSet<>();
        List<Adapted> adapted = new ArrayList<>();
        int used = 0;
        for (Template t : ordered) {
            if (used >= MAX_USED) {
                break;
            }
            if (t.origin() != s && s.isAncestorOf(t.origin())) {
                continue;
            }
            boolean sameMethod = method.isPresent() && t.origin().isDescendantOf(method.get());
            // a copy of the statement or its neighbours only repeats them; their mirror image does not
            List<String> texts = new ArrayList<>();
            if (t.origin() != s && !neighbours.contains(t.text())) {
                texts.addAll(adapt(t, scope));
            }
            if (sameMethod) {
                texts.addAll(mirrored(t, scope));
            }
            if (!texts.isEmpty()) {
                used++;
            }
            for (String text : texts) {
                if (!neighbours.contains(text) && out.add(text)) {
                    boolean renamed = !text.equals(t.text());
                    adapted.add(new Adapted(text, sameMethod && !renamed ? 0.25 : 0.2));
                }
            }
        }
        return adapted;
    }

    /** The statement itself and the ones just around it: pasting a copy of those only repeats them. */
    private static Set<String> neighbours(Statement s, Site site) {
        Set<String> out = new LinkedHashSet<>();
        out.add(site.text(s));
        if (s.getParentNode().orElse(null) instanceof BlockStmt block) {
            int i = block.getStatements().indexOf(s);
            if (i > 0) {
                out.add(site.text(block.getStatements().get(i - 1)));
            }
            if (i + 1 < block.getStatements().size()) {
                out.add(site.text(block.getStatements().get(i + 1)));
            }
        }
        return out;
    }

    /** The template as is when all its variables are visible, else with one missing variable renamed. */
    private static List<String> adapt(Template t, Scope scope) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Optional<JType>> v : t.variables().entrySet()) {
            Optional<JType> here = scope.typeOf(v.getKey());
            boolean fits = here.isPresent() && (v.getValue().isEmpty() || here.get().compatible(v.getValue().get()));
            if (!fits) {
                missing.add(v.getKey());
            }
        }
        if (missing.isEmpty()) {
            return List.of(t.text());
        }
        Optional<JType> type = t.variables().get(missing.get(0));
        if (missing.size() > 1 || type.isEmpty()) {
            return List.of();
        }
        return scope.compatible(type.get(), missing.get(0)).stream()
                .filter(name -> !t.variables().containsKey(name))
                .limit(MAX_RENAMES)
                .map(name -> rename(t, missing.get(0), name))
                .toList();
    }

    /**
     * The statement with two of its variables of one type exchanged: the other direction of a symmetric update
     * ({@code links.get(a).add(b)} → {@code links.get(b).add(a)}). Only when every variable is visible as it is.
     */
    private static List<String> mirrored(Template t, Scope scope) {
        List<String> names = new ArrayList<>(t.variables().keySet());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size() && i < MAX_MIRRORED; i++) {
            for (int j = i + 1; j < names.size() && j < MAX_MIRRORED; j++) {
                Optional<JType> a = scope.typeOf(names.get(i));
                Optional<JType> b = scope.typeOf(names.get(j));
                if (a.isPresent() && b.isPresent() && a.get().compatible(b.get()) && b.get().compatible(a.get())) {
                    out.add(rename(t, Map.of(names.get(i), names.get(j), names.get(j), names.get(i))));
                }
            }
        }
        return out;
    }

    private static String rename(Template t, String from, String to) {
        return rename(t, Map.of(from, to));
    }

    private static String rename(Template t, Map<String, String> renames) {
        StringBuilder out = new StringBuilder(t.text());
        // from the end, so earlier offsets stay valid
        for (int i = t.occurrences().size() - 1; i >= 0; i--) {
            String to = renames.get(t.occurrenceNames().get(i));
            if (to != null) {
                int[] range = t.occurrences().get(i);
                out.replace(range[0], range[1], to);
            }
        }
        return out.toString();
    }

    private static List<Template> collect(Node owner, Site site) {
        List<Template> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ExpressionStmt stmt : owner.findAll(ExpressionStmt.class)) {
            if (out.size() >= MAX_TEMPLATES) {
                break;
            }
            String text = site.text(stmt);
            if (!StatementInsertion.copyable(stmt) || text.length() > MAX_LENGTH || text.contains("\n")
                    || !seen.add(text)) {
                continue;
            }
            int base = site.source().begin(stmt);
            Scope scope = site.scope(stmt);
            Map<String, Optional<JType>> vars = new LinkedHashMap<>();
            List<int[]> occurrences = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (NameExpr n : StatementInsertion.variables(stmt)) {
                vars.putIfAbsent(n.getNameAsString(), scope.typeOf(n.getNameAsString()));
                occurrences.add(new int[] {site.source().begin(n) - base, site.source().end(n) - base});
                names.add(n.getNameAsString());
            }
            out.add(new Template(text, stmt, vars, occurrences, names));
        }
        return List.copyOf(out);
    }
}

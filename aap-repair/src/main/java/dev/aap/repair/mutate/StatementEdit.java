package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement-level fixes (families 13 and 14): insert a missing {@code x = y;} update or a call statement seen in the
 * method applied to another variable, delete a statement.
 */
final class StatementEdit implements Operator {

    private static final int MAX_VARIABLES = 6;
    private static final int MAX_CALL_TEMPLATES = 8;
    private static final int MAX_CALL_ARGUMENTS = 4;

    @Override
    public void visit(Node node, Site site) {
        if (!(node instanceof Statement s) || !(s.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return;
        }
        if (deletable(s)) {
            delete(s, site);
        }
        if (!(s instanceof ReturnStmt || s instanceof BreakStmt || s instanceof ContinueStmt
                || s instanceof ThrowStmt)) {
            insertAssignments(s, block, site);
        }
    }

    private static boolean deletable(Statement s) {
        return s instanceof ExpressionStmt e && !(e.getExpression() instanceof VariableDeclarationExpr)
                || s instanceof BreakStmt || s instanceof ContinueStmt;
    }

    private static void delete(Statement s, Site site) {
        SourceText src = site.source();
        int begin = src.begin(s);
        int end = src.end(s);
        int lineStart = begin - src.indentAt(begin).length();
        String text = src.text();
        int after = end;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        boolean aloneOnLine = src.lineStart(src.lineOf(begin)) == lineStart
                && (after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r');
        if (aloneOnLine && after < text.length()) {
            int next = text.charAt(after) == '\r' && after + 1 < text.length() && text.charAt(after + 1) == '\n'
                    ? after + 2 : after + 1;
            site.replace(lineStart, next, "", "delete-statement", "delete '" + NameSubstitution.abbreviate(
                    site.text(s)) + "'", 0.15);
        } else {
            site.replace(begin, end, "", "delete-statement", "delete '" + NameSubstitution.abbreviate(site.text(s))
                    + "'", 0.15);
        }
    }

    /** After the statement, assign one visible variable to another of the same type. */
    private static void insertAssignments(Statement s, BlockStmt block, Site site) {
        Map<String, JType> vars = new LinkedHashMap<>();
        if (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator v : decl.getVariables()) {
                JType.of(v.getType()).ifPresent(t -> vars.put(v.getNameAsString(), t));
            }
        }
        site.scope(s).variables().forEach(vars::putIfAbsent);
        List<String> names = new ArrayList<>(vars.keySet()).subList(0, Math.min(MAX_VARIABLES, vars.size()));
        boolean inLoop = isLoop(block.getParentNode().orElse(null));
        double prior = inLoop ? 0.25 : 0.15;
        SourceText src = site.source();
        int at = src.end(s);
        String prefix = src.newline() + src.indentAt(src.begin(s));
        for (String target : names) {
            for (String value : names) {
                if (!target.equals(value) && vars.get(target).compatible(vars.get(value))) {
                    site.replace(at, at, prefix + target + " = " + value + ";", "insert-assignment",
                            "insert '" + target + " = " + value + ";'", prior);
                }
            }
        }
        s.findAncestor(CallableDeclaration.class).ifPresent(m -> insertCalls(m, vars, at, prefix, site));
    }

    /** A call statement seen in the method ({@code seen.add(x);}) repeated for another visible variable. */
    private static void insertCalls(Node method, Map<String, JType> vars, int at, String prefix, Site site) {
        List<CallTemplate> templates = site.memo(method, m -> callTemplates(m, site));
        for (CallTemplate t : templates) {
            if (!vars.containsKey(t.receiver())) {
                continue;
            }
            vars.entrySet().stream()
                    .filter(v -> !v.getKey().equals(t.receiver()) && v.getValue().compatible(t.argType()))
                    .limit(MAX_CALL_ARGUMENTS)
                    .forEach(v -> {
                        String call = t.receiver() + "." + t.method() + "(" + v.getKey() + ");";
                        site.replace(at, at, prefix + call, "insert-call", "insert '" + call + "'", 0.15);
                    });
        }
    }

    /** {@code receiver.method(variable);} statements of a method, as (receiver, method, variable type). */
    record CallTemplate(String receiver, String method, JType argType) {
    }

    private static List<CallTemplate> callTemplates(Node method, Site site) {
        Set<CallTemplate> out = new LinkedHashSet<>();
        for (ExpressionStmt stmt : method.findAll(ExpressionStmt.class)) {
            if (out.size() >= MAX_CALL_TEMPLATES) {
                break;
            }
            if (stmt.getExpression() instanceof MethodCallExpr call && call.getArguments().size() == 1
                    && call.getScope().filter(Expression::isNameExpr).isPresent()
                    && call.getArguments().get(0).isNameExpr()) {
                site.type(call.getArguments().get(0)).ifPresent(t -> out.add(new CallTemplate(
                        call.getScope().get().asNameExpr().getNameAsString(), call.getNameAsString(), t)));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isLoop(Node n) {
        return n instanceof WhileStmt || n instanceof ForStmt || n instanceof ForEachStmt || n instanceof DoStmt;
    }
}

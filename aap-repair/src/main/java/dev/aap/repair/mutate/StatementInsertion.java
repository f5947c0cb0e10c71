package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Missing statements: a call or assignment statement seen elsewhere in the method or class, adapted to the names in
 * scope ({@code insert-statement}); a {@code break}, {@code continue} or {@code return} ({@code insert-jump}); and an
 * {@code else} branch for an {@code if} that lacks one ({@code insert-else}).
 */
final class StatementInsertion implements Operator {

    private static final int MAX_RETURNED = 2;

    @Override
    public void visit(Node node, Site site) {
        if (!(node instanceof Statement s) || !(s.getParentNode().orElse(null) instanceof BlockStmt block)) {
            return;
        }
        SourceText src = site.source();
        String prefix = src.newline() + src.indentAt(src.begin(s));
        if (jump(s)) {
            // nothing runs after a jump, so the missing statement goes before it
            int at = src.begin(s);
            String suffix = src.newline() + src.indentAt(at);
            for (StatementTemplates.Adapted t : StatementTemplates.adaptedAt(s, site)) {
                site.replace(at, at, t.text() + suffix, "insert-statement", "insert '" + t.text() + "'",
                        t.prior());
            }
            return;
        }
        // the statement is rewritten with the insertion after it, so the edit counts on its first line
        String text = site.text(s);
        for (StatementTemplates.Adapted t : StatementTemplates.adaptedAt(s, site)) {
            site.replace(s, text + prefix + t.text(), "insert-statement", "insert '" + t.text() + "'", t.prior());
        }
        for (String j : jumps(s, site)) {
            if (!redundant(j, s, block)) {
                site.replace(s, text + prefix + j, "insert-jump", "insert '" + j + "'", 0.2);
            }
        }
        if (s instanceof IfStmt branch && branch.getElseStmt().isEmpty()) {
            insertElse(branch, block, site);
        }
    }

    /** A jump that changes nothing: {@code continue} closing a loop body, {@code return;} closing a method. */
    private static boolean redundant(String jump, Statement s, BlockStmt block) {
        boolean last = block.getStatements().indexOf(s) == block.getStatements().size() - 1;
        Node owner = block.getParentNode().orElse(null);
        return last && (jump.equals("continue;") && (owner instanceof WhileStmt || owner instanceof ForStmt
                || owner instanceof ForEachStmt || owner instanceof DoStmt)
                || jump.equals("return;") && owner instanceof CallableDeclaration);
    }

    private static boolean jump(Statement s) {
        return s instanceof ReturnStmt || s instanceof BreakStmt || s instanceof ContinueStmt
                || s instanceof ThrowStmt;
    }

    /** Jumps legal after the statement: loop exits inside a loop, and a return of nothing or of a visible value. */
    static List<String> jumps(Statement s, Site site) {
        List<String> out = new ArrayList<>();
        if (inLoop(s)) {
            out.add("break;");
            out.add("continue;");
        }
        Optional<MethodDeclaration> method = s.findAncestor(MethodDeclaration.class);
        if (method.isEmpty() || s.findAncestor(LambdaExpr.class).filter(l -> l.isDescendantOf(method.get()))
                .isPresent()) {
            return out;
        }
        if (method.get().getType().isVoidType()) {
            out.add("return;");
            return out;
        }
        JType.of(method.get().getType()).ifPresent(t -> site.scope(s).compatible(t, "").stream()
                .limit(MAX_RETURNED).forEach(v -> out.add("return " + v + ";")));
        return out;
    }

    /** Inside a loop body of the same method (a switch in between makes {@code break} mean something else). */
    private static boolean inLoop(Node s) {
        for (Node p = s.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof WhileStmt || p instanceof ForStmt || p instanceof ForEachStmt || p instanceof DoStmt) {
                return true;
            }
            if (p instanceof SwitchStmt || p instanceof CallableDeclaration || p instanceof LambdaExpr
                    || p instanceof TypeDeclaration) {
                return false;
            }
        }
        return false;
    }

    /**
     * The statement after the {@code if} moved into a new {@code else} branch, or an {@code else} that jumps. One edit
     * from the start of the {@code if}, so it counts on the line of its condition.
     */
    private static void insertElse(IfStmt branch, BlockStmt block, Site site) {
        SourceText src = site.source();
        String indent = src.indentAt(src.begin(branch));
        String nl = src.newline();
        String step = bodyIndent(branch, src).filter(i -> i.startsWith(indent) && i.length() > indent.length())
                .map(i -> i.substring(indent.length())).orElse("    ");
        String head = site.text(branch) + (branch.getThenStmt() instanceof BlockStmt ? " " : nl + indent);
        int next = block.getStatements().indexOf(branch) + 1;
        if (next < block.getStatements().size()) {
            Statement following = block.getStatements().get(next);
            boolean declaration = following instanceof ExpressionStmt e && e.getExpression().isVariableDeclarationExpr();
            if (!declaration && src.lineOf(src.begin(following)) == src.lineOf(src.end(following))) {
                String text = head + "else {" + nl + indent + step + site.text(following) + nl + indent + "}";
                site.replace(src.begin(branch), src.end(following), text, "insert-else",
                        "run '" + NameSubstitution.abbreviate(site.text(following)) + "' only in a new else branch",
                        0.25);
            }
        }
        for (String j : jumps(branch, site)) {
            String text = head + "else {" + nl + indent + step + j + nl + indent + "}";
            site.replace(branch, text, "insert-else", "add 'else { " + j + " }'", 0.2);
        }
    }

    private static Optional<String> bodyIndent(IfStmt branch, SourceText src) {
        if (branch.getThenStmt() instanceof BlockStmt b && !b.getStatements().isEmpty()) {
            return Optional.of(src.indentAt(src.begin(b.getStatements().get(0))));
        }
        return Optional.empty();
    }

    /** Whether an expression statement is worth copying elsewhere: a call, an assignment or an increment. */
    static boolean copyable(ExpressionStmt stmt) {
        Expression e = stmt.getExpression();
        return e instanceof MethodCallExpr || e instanceof AssignExpr
                || e instanceof UnaryExpr u && (u.isPrefix() || u.isPostfix());
    }

    /** Names a statement reads or writes as variables (not types, not method names). */
    static List<NameExpr> variables(Node stmt) {
        return stmt.findAll(NameExpr.class).stream()
                .filter(n -> !Character.isUpperCase(n.getNameAsString().charAt(0))).toList();
    }
}

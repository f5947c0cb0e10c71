package dev.aap.repair.search;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@link MethodFacts} of the Java method or constructor around a line with JavaParser. */
final class JavaFacts {

    private JavaFacts() {
    }

    /** Facts of the innermost method or constructor spanning {@code line}, or null (no parse, no method there). */
    static MethodFacts at(String source, int line) {
        var parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        var parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return null;
        }
        CompilationUnit cu = parsed.getResult().get();
        CallableDeclaration<?> method = null;
        for (CallableDeclaration<?> c : cu.findAll(CallableDeclaration.class)) {
            if (spans(c, line) && (method == null || c.getBegin().get().isAfter(method.getBegin().get()))) {
                method = c;
            }
        }
        if (method == null) {
            return null;
        }
        BlockStmt body = method instanceof ConstructorDeclaration k ? k.getBody()
                : ((com.github.javaparser.ast.body.MethodDeclaration) method).getBody().orElse(null);
        if (body == null || body.getStatements().isEmpty()) {
            return null;
        }
        var conditions = new ArrayList<Node>();
        body.walk(n -> {
            switch (n) {
                case IfStmt s -> conditions.add(s.getCondition());
                case WhileStmt s -> conditions.add(s.getCondition());
                case DoStmt s -> conditions.add(s.getCondition());
                case ForStmt s -> s.getCompare().ifPresent(conditions::add);
                case ConditionalExpr e -> conditions.add(e.getCondition());
                default -> {
                }
            }
        });
        conditions.sort(Comparator.comparing(n -> n.getBegin().get()));
        List<Integer> returns = body.findAll(ReturnStmt.class).stream().map(r -> r.getBegin().get().line).toList();
        int exits = returns.size() + body.findAll(ThrowStmt.class).size();
        boolean initializer = method instanceof ConstructorDeclaration
                || method.getNameAsString().matches("set[A-Z_].*");
        return new MethodFacts(conditions.stream().map(n -> new MethodFacts.Condition(n.toString(),
                        constant((Expression) n))).toList(), exits, returns,
                body.getStatement(body.getStatements().size() - 1).getBegin().get().line, initializer, assigns(method, body));
    }

    private static boolean spans(Node n, int line) {
        return n.getBegin().isPresent() && n.getEnd().isPresent() && n.getBegin().get().line <= line
                && line <= n.getEnd().get().line;
    }

    private static boolean constant(Expression e) {
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        if (e instanceof BooleanLiteralExpr) {
            return true;
        }
        if (e instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.OR
                || b.getOperator() == BinaryExpr.Operator.AND)) {
            boolean absorbing = b.getOperator() == BinaryExpr.Operator.OR;
            return isLiteral(b.getLeft(), absorbing) || isLiteral(b.getRight(), absorbing);
        }
        return false;
    }

    private static boolean isLiteral(Expression e, boolean value) {
        while (e instanceof EnclosedExpr en) {
            e = en.getInner();
        }
        return e instanceof BooleanLiteralExpr lit && lit.getValue() == value;
    }

    private static List<MethodFacts.FieldAssign> assigns(CallableDeclaration<?> method, BlockStmt body) {
        Set<String> fields = new HashSet<>();
        method.findAncestor(TypeDeclaration.class).ifPresent(t -> {
            for (Object f : t.getFields()) {
                ((FieldDeclaration) f).getVariables().forEach(v -> fields.add(v.getNameAsString()));
            }
        });
        Set<String> locals = new HashSet<>();
        method.getParameters().forEach(p -> locals.add(((Parameter) p).getNameAsString()));
        body.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        var out = new ArrayList<MethodFacts.FieldAssign>();
        for (AssignExpr a : body.findAll(AssignExpr.class)) {
            String target = field(a.getTarget(), fields, locals);
            if (target != null && a.getOperator() == AssignExpr.Operator.ASSIGN) {
                out.add(new MethodFacts.FieldAssign(target, a.getValue().toString(),
                        field(a.getValue(), fields, locals)));
            }
        }
        return out;
    }

    /** The field an expression names ({@code this.x}, or {@code x} when no parameter or local hides it). */
    private static String field(Expression e, Set<String> fields, Set<String> locals) {
        if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
            return f.getNameAsString();
        }
        if (e instanceof NameExpr n && fields.contains(n.getNameAsString()) && !locals.contains(n.getNameAsString())) {
            return n.getNameAsString();
        }
        return null;
    }
}

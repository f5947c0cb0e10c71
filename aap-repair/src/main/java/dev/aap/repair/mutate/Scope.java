package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variables visible at a node, nearest declaration first: locals declared before it in enclosing blocks,
 * loop and catch variables, lambda and method parameters, then fields of the enclosing classes.
 */
record Scope(Map<String, JType> variables) {

    Scope {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The same variables with the named ones first (in their own order), e.g. those a loop body works on. */
    Scope preferring(java.util.Set<String> names) {
        Map<String, JType> vars = new LinkedHashMap<>();
        variables.forEach((name, type) -> {
            if (names.contains(name)) {
                vars.put(name, type);
            }
        });
        vars.putAll(variables);
        return new Scope(vars);
    }

    static Scope at(Node node, TypeIndex index, Function<Expression, Optional<JType>> guess) {
        Map<String, JType> vars = new LinkedHashMap<>();
        if (node instanceof ForStmt loop) {
            loop.getInitialization().forEach(e -> declarators(e, vars, guess));
        }
        if (node instanceof LambdaExpr lambda) {
            lambda.getParameters().forEach(x -> parameter(x, vars));
        }
        Node child = node;
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent()) {
            Node p = parent.get();
            Node from = child;
            switch (p) {
                case BlockStmt block -> declaredBefore(block.getStatements(), from, vars, guess);
                case SwitchEntry entry -> declaredBefore(entry.getStatements(), from, vars, guess);
                case ForStmt loop -> loop.getInitialization().forEach(e -> declarators(e, vars, guess));
                case ForEachStmt loop when from != loop.getIterable() -> loopVariable(loop, vars, guess);
                case CatchClause c -> parameter(c.getParameter(), vars);
                case LambdaExpr lambda -> lambda.getParameters().forEach(x -> parameter(x, vars));
                case CallableDeclaration<?> callable -> callable.getParameters().forEach(x -> parameter(x, vars));
                case TypeDeclaration<?> type -> fields(type.getNameAsString(), index, vars);
                default -> { }
            }
            child = p;
            parent = p.getParentNode();
        }
        return new Scope(vars);
    }

    private static void declaredBefore(List<Statement> statements, Node child, Map<String, JType> vars,
            Function<Expression, Optional<JType>> guess) {
        int at = statements.indexOf(child);
        for (int i = (at < 0 ? statements.size() : at) - 1; i >= 0; i--) {
            if (statements.get(i) instanceof ExpressionStmt s) {
                declarators(s.getExpression(), vars, guess);
            }
        }
    }

    /** Declared types, or for {@code var} the guessed type of the initializer. */
    private static void declarators(Node expr, Map<String, JType> vars, Function<Expression, Optional<JType>> guess) {
        if (expr instanceof VariableDeclarationExpr decl) {
            for (VariableDeclarator v : decl.getVariables()) {
                JType.of(v.getType()).or(() -> v.getInitializer().flatMap(guess))
                        .ifPresent(t -> vars.putIfAbsent(v.getNameAsString(), t));
            }
        }
    }

    private static void loopVariable(ForEachStmt loop, Map<String, JType> vars,
            Function<Expression, Optional<JType>> guess) {
        VariableDeclarator v = loop.getVariable().getVariables().get(0);
        JType.of(v.getType()).or(() -> guess.apply(loop.getIterable()).flatMap(t -> t.arg(0)))
                .ifPresent(t -> vars.putIfAbsent(v.getNameAsString(), t));
    }

    private static void parameter(Parameter p, Map<String, JType> vars) {
        JType.of(p.getType()).ifPresent(t -> vars.putIfAbsent(p.getNameAsString(),
                p.isVarArgs() ? new JType(t.name() + "[]", List.of()) : t));
    }

    private static void fields(String typeName, TypeIndex index, Map<String, JType> vars) {
        index.type(typeName).ifPresent(t -> t.fields().forEach(vars::putIfAbsent));
    }

    Optional<JType> typeOf(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Names of visible variables compatible with the type, nearest first, excluding one name. */
    List<String> compatible(JType type, String except) {
        return variables.entrySet().stream()
                .filter(e -> !e.getKey().equals(except) && e.getValue().compatible(type))
                .map(Map.Entry::getKey)
                .toList();
    }
}

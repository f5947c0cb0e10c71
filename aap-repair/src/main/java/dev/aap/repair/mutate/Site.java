package dev.aap.repair.mutate;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Everything an operator needs about the file being mutated: text, project types, scopes, and the sink. */
final class Site {

    private final SourceText source;
    private final TypeIndex index;
    private final Proposals proposals;
    private final TypeGuess types;
    private final Map<Node, Scope> scopes = new IdentityHashMap<>();
    private final Map<Expression, Optional<JType>> typeCache = new IdentityHashMap<>();
    private final Map<Node, Object> memo = new IdentityHashMap<>();
    private final Map<String, Map<Node, Object>> kindMemo = new java.util.HashMap<>();

    Site(SourceText source, TypeIndex index, Proposals proposals) {
        this.source = source;
        this.index = index;
        this.proposals = proposals;
        this.types = new TypeGuess(this);
    }

    SourceText source() {
        return source;
    }

    TypeIndex index() {
        return index;
    }

    /** Variables visible at the node; computed once per enclosing statement (or lambda). */
    Scope scope(Node node) {
        Node key = node;
        while (!(key instanceof Statement || key instanceof LambdaExpr) && key.getParentNode().isPresent()) {
            key = key.getParentNode().get();
        }
        Scope scope = scopes.get(key);
        if (scope == null) {
            // not computeIfAbsent: guessing a 'var' initializer's type computes earlier statements' scopes first
            scope = Scope.at(key, index, types::of);
            scopes.put(key, scope);
        }
        return scope;
    }

    Optional<JType> type(Expression e) {
        Optional<JType> cached = typeCache.get(e);
        if (cached == null) {
            cached = types.of(e);
            typeCache.put(e, cached);
        }
        return cached;
    }

    /** A value derived from a node once per file, e.g. the expression templates of a method. */
    @SuppressWarnings("unchecked")
    <T> T memo(Node key, Function<Node, T> compute) {
        return (T) memo.computeIfAbsent(key, compute);
    }

    /** Like {@link #memo(Node, Function)}, for a second kind of value derived from the same node. */
    @SuppressWarnings("unchecked")
    <T> T memo(String kind, Node key, Function<Node, T> compute) {
        return (T) kindMemo.computeIfAbsent(kind, k -> new IdentityHashMap<>()).computeIfAbsent(key, compute);
    }

    /** Replace the whole node with new text. */
    void replace(Node node, String text, String operator, String description, double prior) {
        proposals.replace(source.begin(node), source.end(node), text, operator, description, prior);
    }

    /** Replace a node with an expression of the given precedence, adding parentheses if the context needs them. */
    void replaceExpr(Expression node, String text, int prec, String operator, String description, double prior) {
        replace(node, Precedence.fit(text, prec, node), operator, description, prior);
    }

    void replace(int start, int end, String text, String operator, String description, double prior) {
        proposals.replace(start, end, text, operator, description, prior);
    }

    String text(Node node) {
        return source.slice(node);
    }

    boolean onSuspiciousLine(Node node) {
        return proposals.wants(source.lineOf(source.begin(node)));
    }
}

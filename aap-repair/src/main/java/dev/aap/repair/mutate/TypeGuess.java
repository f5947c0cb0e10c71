package dev.aap.repair.mutate;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;
import java.util.Optional;

/** Best-effort static type of an expression from declarations alone; empty when it cannot tell. */
final class TypeGuess {

    private final Site site;

    TypeGuess(Site site) {
        this.site = site;
    }

    Optional<JType> of(Expression e) {
        return switch (e) {
            case IntegerLiteralExpr i -> Optional.of(JType.INT);
            case LongLiteralExpr l -> Optional.of(JType.simple("long"));
            case DoubleLiteralExpr d -> Optional.of(JType.simple("double"));
            case BooleanLiteralExpr b -> Optional.of(JType.BOOLEAN);
            case CharLiteralExpr c -> Optional.of(JType.simple("char"));
            case StringLiteralExpr s -> Optional.of(JType.STRING);
            case InstanceOfExpr i -> Optional.of(JType.BOOLEAN);
            case EnclosedExpr en -> of(en.getInner());
            case CastExpr c -> JType.of(c.getType());
            case ObjectCreationExpr o -> JType.of(o.getType());
            case ArrayCreationExpr a -> JType.of(a.createdType());
            case NameExpr n -> name(n);
            case ThisExpr t -> t.findAncestor(TypeDeclaration.class).map(d -> JType.simple(d.getNameAsString()));
            case FieldAccessExpr f -> field(f);
            case ArrayAccessExpr a -> of(a.getName()).flatMap(t -> t.arg(0));
            case MethodCallExpr m -> call(m);
            case UnaryExpr u -> u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                    ? Optional.of(JType.BOOLEAN) : of(u.getExpression());
            case ConditionalExpr c -> of(c.getThenExpr()).or(() -> of(c.getElseExpr()));
            case BinaryExpr b -> binary(b);
            default -> Optional.empty();
        };
    }

    private Optional<JType> name(NameExpr n) {
        Optional<JType> variable = site.scope(n).typeOf(n.getNameAsString());
        if (variable.isPresent()) {
            return variable;
        }
        String name = n.getNameAsString();
        // an unresolved capitalised name is most likely a type used as a static receiver
        return Character.isUpperCase(name.charAt(0)) ? Optional.of(JType.simple(name)) : Optional.empty();
    }

    private Optional<JType> field(FieldAccessExpr f) {
        if (f.getNameAsString().equals("length")) {
            Optional<JType> scope = of(f.getScope());
            if (scope.isEmpty() || scope.get().name().endsWith("[]")) {
                return Optional.of(JType.INT);
            }
        }
        if (f.getNameAsString().equals("MAX_VALUE") || f.getNameAsString().equals("MIN_VALUE")) {
            return of(f.getScope()).map(t -> JType.simple(t.kind()));
        }
        return of(f.getScope()).flatMap(t -> site.index().field(t.name(), f.getNameAsString()));
    }

    private Optional<JType> call(MethodCallExpr m) {
        int arity = m.getArguments().size();
        if (m.getScope().isEmpty()) {
            return ownerName(m).flatMap(owner -> site.index().methods(owner).stream()
                    .filter(x -> x.name().equals(m.getNameAsString()) && x.params().size() == arity)
                    .findFirst()).flatMap(TypeIndex.Method::returns);
        }
        Optional<JType> receiver = of(m.getScope().get());
        if (receiver.isEmpty()) {
            return Optional.empty();
        }
        Optional<JType> declared = site.index().methods(receiver.get().name()).stream()
                .filter(x -> x.name().equals(m.getNameAsString()) && x.params().size() == arity)
                .findFirst().flatMap(TypeIndex.Method::returns);
        if (declared.isPresent()) {
            return declared;
        }
        List<Optional<JType>> args = m.getArguments().stream().map(this::of).toList();
        return JdkMethods.returns(receiver.get(), m.getNameAsString(), args);
    }

    static Optional<String> ownerName(com.github.javaparser.ast.Node n) {
        return n.findAncestor(TypeDeclaration.class).map(TypeDeclaration::getNameAsString);
    }

    private Optional<JType> binary(BinaryExpr b) {
        return switch (b.getOperator()) {
            case OR, AND, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> Optional.of(JType.BOOLEAN);
            case PLUS -> {
                Optional<JType> l = of(b.getLeft());
                Optional<JType> r = of(b.getRight());
                if (l.map(t -> t.kind().equals("String")).orElse(false)
                        || r.map(t -> t.kind().equals("String")).orElse(false)) {
                    yield Optional.of(JType.STRING);
                }
                yield numeric(l, r);
            }
            default -> numeric(of(b.getLeft()), of(b.getRight()));
        };
    }

    private static Optional<JType> numeric(Optional<JType> l, Optional<JType> r) {
        if (l.isEmpty() || r.isEmpty()) {
            return l.or(() -> r);
        }
        List<String> order = List.of("double", "float", "long", "int", "char", "short", "byte", "boolean");
        String a = l.get().kind();
        String b = r.get().kind();
        int ia = order.indexOf(a);
        int ib = order.indexOf(b);
        if (ia < 0 || ib < 0) {
            return Optional.empty();
        }
        String wider = order.get(Math.min(ia, ib));
        return Optional.of(JType.simple(wider.equals("char") || wider.equals("short") || wider.equals("byte")
                ? "int" : wider));
    }
}

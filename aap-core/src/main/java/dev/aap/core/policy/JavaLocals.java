package dev.aap.core.policy;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.PrinterConfiguration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalizes expressions of one test method so that formatting, comments and a consistent rename of a local are no
 * change, while a literal moved into a local ({@code int expected = 4;}) still counts as the expected value.
 */
final class JavaLocals {

    private static final PrinterConfiguration PRINTER = new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS))
            .removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC));
    private static final Set<UnaryExpr.Operator> STEPS = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT,
            UnaryExpr.Operator.POSTFIX_DECREMENT);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private final Set<String> locals = new HashSet<>();
    private final Map<String, Expression> literals = new HashMap<>();

    JavaLocals(MethodDeclaration method) {
        var declared = new ArrayList<Node>();
        declared.addAll(method.findAll(VariableDeclarator.class));
        declared.addAll(method.findAll(Parameter.class));
        declared.addAll(method.findAll(TypePatternExpr.class));
        declared.sort(Comparator.comparing(n -> n.getBegin().orElseThrow()));
        Set<String> reassigned = reassigned(method);
        var seen = new HashMap<String, Integer>();
        for (Node n : declared) {
            String name = nameOf(n);
            seen.merge(name, 1, Integer::sum);
            locals.add(name);
            if (n instanceof VariableDeclarator v && v.getInitializer().filter(JavaLocals::isLiteral).isPresent()) {
                literals.put(name, v.getInitializer().get());
            }
        }
        literals.keySet().removeIf(name -> reassigned.contains(name) || seen.get(name) > 1);
    }

    /**
     * The expression with literal-bound locals inlined and other locals numbered by their first use in it, printed
     * without comments. Numbering per expression, not per method, keeps a new local elsewhere in the test from
     * changing every check after it.
     */
    String norm(Expression e) {
        Expression copy = e.clone();
        var numbers = new HashMap<String, String>();
        if (copy instanceof NameExpr n) {
            Expression lit = literals.get(n.getNameAsString());
            return lit != null ? print(lit) : print(rename(n, numbers));
        }
        for (Node node : copy.findAll(Node.class)) {
            if (node instanceof NameExpr n && literals.containsKey(n.getNameAsString())) {
                n.replace(literals.get(n.getNameAsString()).clone());
            } else if (node instanceof NameExpr n) {
                rename(n, numbers);
            } else if (node instanceof Parameter p && locals.contains(p.getNameAsString())) {
                p.setName(numbers.computeIfAbsent(p.getNameAsString(), k -> "$" + numbers.size()));
            }
        }
        return print(copy);
    }

    /** Literal values an expression compares with, after inlining; null when there are none. */
    String literalsIn(List<Expression> es) {
        var out = new ArrayList<String>();
        for (Expression e : es) {
            collectLiterals(e, out);
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    static String print(Node n) {
        return LINE_BREAKS.matcher(n.toString(PRINTER)).replaceAll(" ");
    }

    /** The source as written, on one line, for messages. */
    static String shown(Node n) {
        String s = print(n);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    static boolean isLiteral(Expression e) {
        return e instanceof LiteralExpr
                || e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof LiteralExpr;
    }

    private void collectLiterals(Node n, List<String> out) {
        if (n instanceof NameExpr name && literals.containsKey(name.getNameAsString())) {
            out.add(print(literals.get(name.getNameAsString())));
        } else if (n instanceof Expression e && isLiteral(e)) {
            out.add(print(e));
        } else {
            n.getChildNodes().forEach(c -> collectLiterals(c, out));
        }
    }

    private NameExpr rename(NameExpr n, Map<String, String> numbers) {
        if (locals.contains(n.getNameAsString())) {
            n.setName(numbers.computeIfAbsent(n.getNameAsString(), k -> "$" + numbers.size()));
        }
        return n;
    }

    private static Set<String> reassigned(MethodDeclaration method) {
        var out = new HashSet<String>();
        method.findAll(AssignExpr.class).forEach(a -> {
            if (a.getTarget() instanceof NameExpr n) {
                out.add(n.getNameAsString());
            }
        });
        method.findAll(UnaryExpr.class).forEach(u -> {
            if (STEPS.contains(u.getOperator()) && u.getExpression() instanceof NameExpr n) {
                out.add(n.getNameAsString());
            }
        });
        return out;
    }

    private static String nameOf(Node n) {
        return switch (n) {
            case VariableDeclarator v -> v.getNameAsString();
            case Parameter p -> p.getNameAsString();
            case TypePatternExpr t -> t.getNameAsString();
            default -> throw new IllegalArgumentException(n.getClass().getName());
        };
    }
}

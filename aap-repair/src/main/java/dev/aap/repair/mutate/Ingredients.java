package dev.aap.repair.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small expressions built from the variables visible at a node, nearest first and capped, so operators that invent a
 * clause or a value draw from the code in scope and never from elsewhere.
 */
final class Ingredients {

    private static final Set<String> SIZED = Set.of("List", "Set", "Map", "Queue", "Deque", "Collection");
    private static final Set<String> NUMERIC = Set.of("int", "long", "short", "byte", "double", "float");
    private static final List<String> RELATIONS = List.of("<", "<=", ">", ">=", "==", "!=");

    private Ingredients() {
    }

    static boolean numeric(JType t) {
        return NUMERIC.contains(t.kind());
    }

    /** Visible numeric variables (not arrays), nearest first, except the given names. */
    static List<String> numbers(Scope scope, Set<String> except, int max) {
        return names(scope, except, max, Ingredients::numeric);
    }

    /** Visible variables whose type satisfies the test, nearest first. */
    static List<String> names(Scope scope, Set<String> except, int max, java.util.function.Predicate<JType> test) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JType> v : scope.variables().entrySet()) {
            if (out.size() < max && !except.contains(v.getKey()) && test.test(v.getValue())) {
                out.add(v.getKey());
            }
        }
        return out;
    }

    /**
     * One-variable boolean clauses, nearest variable first: a flag or its negation, a reference not null, a
     * collection or string not empty, a number positive. At most {@code max} clauses.
     */
    static List<String> clauses(Scope scope, Set<String> except, int max) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JType> v : scope.variables().entrySet()) {
            if (out.size() >= max) {
                break;
            }
            String name = v.getKey();
            JType type = v.getValue();
            if (except.contains(name)) {
                continue;
            }
            if (type.bool()) {
                out.add(name);
                out.add("!" + name);
            } else if (SIZED.contains(type.kind()) || type.kind().equals("String")) {
                out.add(name + " != null");
                out.add("!" + name + ".isEmpty()");
            } else if (numeric(type)) {
                out.add(name + " > 0");
            } else if (!type.primitive()) {
                out.add(name + " != null");
            }
        }
        return out.subList(0, Math.min(max, out.size()));
    }

    /** Sizes of visible arrays ({@code a.length}), strings ({@code s.length()}) and collections ({@code c.size()}). */
    static List<String> sizes(Scope scope, int max) {
        List<String> out = new ArrayList<>();
        scope.variables().forEach((name, t) -> {
            if (out.size() < max) {
                if (t.name().endsWith("[]")) {
                    out.add(name + ".length");
                } else if (t.kind().equals("String")) {
                    out.add(name + ".length()");
                } else if (SIZED.contains(t.kind())) {
                    out.add(name + ".size()");
                }
            }
        });
        return out;
    }

    /** An index or count below (or up to) a size: {@code i < items.size()}, {@code i <= s.length()}. */
    static List<String> bounds(List<String> numbers, List<String> sizes) {
        List<String> out = new ArrayList<>();
        for (String n : numbers) {
            for (String size : sizes) {
                out.add(n + " < " + size);
                out.add(n + " <= " + size);
            }
        }
        return out;
    }

    /** Every relation between pairs of the given numeric names, in both orders where the order matters. */
    static List<String> comparisons(List<String> numbers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = i + 1; j < numbers.size(); j++) {
                for (String op : RELATIONS) {
                    out.add(numbers.get(i) + " " + op + " " + numbers.get(j));
                }
            }
        }
        return out;
    }

    /** Sums, differences (both ways) and products of pairs of the given numeric names. */
    static List<String> arithmetic(List<String> numbers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = i + 1; j < numbers.size(); j++) {
                String a = numbers.get(i);
                String b = numbers.get(j);
                out.addAll(List.of(a + " + " + b, a + " - " + b, b + " - " + a, a + " * " + b));
            }
        }
        return out;
    }
}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A declared type as far as a parser without a classpath can tell: simple name plus type arguments.
 * Compatibility is deliberately rough (boxing and collection interfaces are merged); the compiler filters the rest.
 */
record JType(String name, List<JType> args) {

    static final JType INT = simple("int");
    static final JType BOOLEAN = simple("boolean");
    static final JType STRING = simple("String");

    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("Integer", "int"), Map.entry("Long", "long"), Map.entry("Short", "short"),
            Map.entry("Byte", "byte"), Map.entry("Character", "char"), Map.entry("Boolean", "boolean"),
            Map.entry("Double", "double"), Map.entry("Float", "float"),
            Map.entry("ArrayList", "List"), Map.entry("LinkedList", "List"), Map.entry("Vector", "List"),
            Map.entry("HashMap", "Map"), Map.entry("TreeMap", "Map"), Map.entry("LinkedHashMap", "Map"),
            Map.entry("HashSet", "Set"), Map.entry("TreeSet", "Set"), Map.entry("LinkedHashSet", "Set"),
            Map.entry("ArrayDeque", "Deque"), Map.entry("Stack", "Deque"), Map.entry("PriorityQueue", "Queue"));
    private static final Set<String> INTEGRAL = Set.of("int", "long", "short", "byte");
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "char", "boolean", "double",
            "float");

    JType {
        args = List.copyOf(args);
    }

    static JType simple(String name) {
        return new JType(name, List.of());
    }

    static Optional<JType> of(Type type) {
        if (type.isVarType() || type.isUnknownType()) {
            return Optional.empty();
        }
        if (type instanceof ArrayType array) {
            return of(array.getComponentType()).map(c -> new JType(c.name() + "[]", List.of()));
        }
        if (type instanceof ClassOrInterfaceType cls) {
            List<JType> args = cls.getTypeArguments().stream()
                    .flatMap(List::stream)
                    .map(a -> of(a).orElse(simple("Object")))
                    .toList();
            return Optional.of(new JType(cls.getNameAsString(), args));
        }
        return Optional.of(simple(type.asString()));
    }

    /** The name used for compatibility checks: boxed types and collection implementations fold together. */
    String kind() {
        return FAMILY.getOrDefault(name, name);
    }

    /** Same kind (or Object), same type arguments where both sides declare them (raw or diamond types match any). */
    boolean compatible(JType other) {
        if (name.equals("Object") && !other.primitive() || other.name.equals("Object") && !primitive()) {
            return true; // generic code passes references as Object; the compiler sorts out what is really allowed
        }
        if (!kind().equals(other.kind())) {
            return false;
        }
        if (args.isEmpty() || other.args.isEmpty()) {
            return true;
        }
        if (args.size() != other.args.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).compatible(other.args.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean primitive() {
        return PRIMITIVES.contains(name);
    }

    boolean integral() {
        return INTEGRAL.contains(kind());
    }

    boolean bool() {
        return kind().equals("boolean");
    }

    /** Element type of an array or the i-th type argument, when known. */
    Optional<JType> arg(int i) {
        if (name.endsWith("[]") && i == 0) {
            return Optional.of(simple(name.substring(0, name.length() - 2)));
        }
        return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
    }
}

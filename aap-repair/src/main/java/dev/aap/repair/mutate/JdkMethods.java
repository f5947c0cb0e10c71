package dev.aap.repair.mutate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What little the mutator knows about the JDK without a classpath: result types of common collection, string and
 * math methods, and families of methods that are easily confused with each other.
 */
final class JdkMethods {

    private static final Set<String> BOOLEAN_METHODS = Set.of("isEmpty", "contains", "containsKey",
            "containsValue", "containsAll", "equals", "startsWith", "endsWith", "hasNext", "isPresent",
            "equalsIgnoreCase", "matches", "add", "addAll", "removeAll", "retainAll", "offer");
    private static final Set<String> INT_METHODS = Set.of("size", "length", "indexOf", "lastIndexOf", "hashCode",
            "compareTo", "intValue", "signum", "bitCount");
    private static final Set<String> ELEMENT_METHODS = Set.of("get", "remove", "poll", "peek", "pop", "first",
            "last", "getFirst", "getLast", "removeFirst", "removeLast", "pollFirst", "pollLast", "peekFirst",
            "peekLast", "element", "next", "floor", "ceiling", "higher", "lower", "set");
    private static final Set<String> SELF_METHODS = Set.of("subList", "substring", "trim", "toLowerCase",
            "toUpperCase", "reversed", "strip", "replace", "concat", "repeat");
    private static final Map<String, String> STATIC_TYPES = Map.of("Integer", "int", "Long", "long",
            "Character", "char", "Double", "double");

    private static final List<Set<String>> FAMILIES = List.of(
            Set.of("min", "max"), Set.of("floor", "ceil", "round"), Set.of("floorDiv", "floorMod"),
            Set.of("add", "remove", "contains"), Set.of("addFirst", "addLast", "push", "offer", "offerFirst",
                    "offerLast"),
            Set.of("removeFirst", "removeLast", "pop", "poll", "pollFirst", "pollLast"),
            Set.of("getFirst", "getLast", "peek", "peekFirst", "peekLast"),
            Set.of("containsKey", "containsValue"), Set.of("keySet", "values"),
            Set.of("startsWith", "endsWith", "contains"), Set.of("indexOf", "lastIndexOf"),
            Set.of("toLowerCase", "toUpperCase"), Set.of("addAll", "removeAll", "retainAll", "containsAll"),
            Set.of("floor", "ceiling", "lower", "higher"),
            Set.of("first", "last"), Set.of("equals", "equalsIgnoreCase"));

    private JdkMethods() {
    }

    /** Result type of {@code receiver.name(...)} when the receiver is a JDK type this class knows. */
    static Optional<JType> returns(JType receiver, String name, List<Optional<JType>> argTypes) {
        if (BOOLEAN_METHODS.contains(name)) {
            return Optional.of(JType.BOOLEAN);
        }
        if (INT_METHODS.contains(name)) {
            return Optional.of(JType.INT);
        }
        String kind = receiver.kind();
        if (kind.equals("String")) {
            return name.equals("charAt") ? Optional.of(JType.simple("char"))
                    : name.equals("split") ? Optional.of(JType.simple("String[]"))
                    : SELF_METHODS.contains(name) ? Optional.of(JType.STRING) : Optional.empty();
        }
        if (kind.equals("Math") && !argTypes.isEmpty()) {
            return argTypes.get(0);
        }
        if (kind.equals("Map")) {
            return switch (name) {
                case "get", "put", "remove", "getOrDefault", "merge", "computeIfAbsent" -> receiver.arg(1);
                case "keySet" -> Optional.of(new JType("Set", receiver.args().stream().limit(1).toList()));
                case "values" -> Optional.of(new JType("Collection", receiver.args().stream().skip(1).toList()));
                default -> Optional.empty();
            };
        }
        if (STATIC_TYPES.containsKey(kind) || STATIC_TYPES.containsKey(receiver.name())) {
            return Optional.of(JType.simple(STATIC_TYPES.getOrDefault(receiver.name(), kind)));
        }
        if (ELEMENT_METHODS.contains(name)) {
            return receiver.arg(0);
        }
        if (SELF_METHODS.contains(name)) {
            return Optional.of(receiver);
        }
        return Optional.empty();
    }

    /** Methods easily confused with this one, in a stable order. */
    static List<String> siblings(String name) {
        return FAMILIES.stream()
                .filter(f -> f.contains(name))
                .flatMap(Set::stream)
                .filter(n -> !n.equals(name))
                .distinct()
                .sorted()
                .toList();
    }
}

package dev.aap.repair.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fields and methods of every type declared in the project's sources, looked up by simple type name. */
final class TypeIndex {

    /** One declared method: what the call-rewriting operators need to pick a sibling. */
    record Method(String name, List<JType> params, Optional<JType> returns) {
        Method {
            params = List.copyOf(params);
        }
    }

    /** One declared type. */
    record TypeInfo(String name, Map<String, JType> fields, List<Method> methods, Optional<String> superName) {
        TypeInfo {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // declaration order, for stable ranking
            methods = List.copyOf(methods);
        }
    }

    private final Map<String, TypeInfo> types = new HashMap<>();

    static TypeIndex of(Iterable<CompilationUnit> units) {
        TypeIndex index = new TypeIndex();
        for (CompilationUnit unit : units) {
            unit.findAll(TypeDeclaration.class).forEach(t -> index.add(t));
        }
        return index;
    }

    private void add(TypeDeclaration<?> type) {
        Map<String, JType> fields = new LinkedHashMap<>();
        for (FieldDeclaration f : type.getFields()) {
            f.getVariables().forEach(v -> JType.of(v.getType()).ifPresent(t -> fields.put(v.getNameAsString(), t)));
        }
        List<Method> methods = new ArrayList<>();
        for (MethodDeclaration m : type.getMethods()) {
            methods.add(new Method(m.getNameAsString(), params(m), JType.of(m.getType())));
        }
        Optional<String> superName = type instanceof ClassOrInterfaceDeclaration c && !c.getExtendedTypes().isEmpty()
                ? Optional.of(c.getExtendedTypes().get(0).getNameAsString())
                : Optional.empty();
        // a later duplicate simple name (other package) merges rather than hides the first
        types.merge(type.getNameAsString(), new TypeInfo(type.getNameAsString(), fields, methods, superName),
                (a, b) -> new TypeInfo(a.name(), merged(a.fields(), b.fields()), concat(a.methods(), b.methods()),
                        a.superName().or(b::superName)));
    }

    static List<JType> params(CallableDeclaration<?> m) {
        return m.getParameters().stream().map(p -> JType.of(p.getType()).orElse(JType.simple("?"))).toList();
    }

    private static Map<String, JType> merged(Map<String, JType> a, Map<String, JType> b) {
        Map<String, JType> m = new LinkedHashMap<>(b);
        m.putAll(a);
        return m;
    }

    private static List<Method> concat(List<Method> a, List<Method> b) {
        List<Method> m = new ArrayList<>(a);
        m.addAll(b);
        return m;
    }

    Optional<TypeInfo> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Methods of the type and its project superclasses, nearest first. */
    List<Method> methods(String typeName) {
        List<Method> out = new ArrayList<>();
        String current = typeName;
        for (int depth = 0; current != null && depth < 8; depth++) {
            TypeInfo info = types.get(current);
            if (info == null) {
                break;
            }
            out.addAll(info.methods());
            current = info.superName().orElse(null);
        }
        return out;
    }

    Optional<JType> field(String typeName, String field) {
        String current = typeName;
        for (int depth = 0; current != null && depth < 8; depth++) {
            TypeInfo info = types.get(current);
            if (info == null) {
                break;
            }
            if (info.fields().containsKey(field)) {
                return Optional.of(info.fields().get(field));
            }
            current = info.superName().orElse(null);
        }
        return Optional.empty();
    }
}

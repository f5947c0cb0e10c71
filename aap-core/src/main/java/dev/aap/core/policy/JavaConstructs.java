package dev.aap.core.policy;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.aap.core.policy.ForbiddenConstructs.Hit;
import dev.aap.core.policy.ForbiddenConstructs.Scan;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the Java constructs of {@link ForbiddenConstructs} on JavaParser's tree. Types are not resolved against a
 * class path: a receiver's type is read from its declaration in the enclosing method or class (or the expression
 * that made it), which is what a patch can be judged on without building the project.
 */
final class JavaConstructs {

    /**
     * No validators: any syntax JavaParser can read is scanned, whatever the project's language level. Unicode escapes
     * are decoded first, as javac does, so a method name spelt with escapes is still found.
     */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setPreprocessUnicodeEscapes(true)));
    private static final Set<String> CALLS = Set.of("exec", "exit", "halt", "readObject", "readUnshared",
            "setAccessible", "eval", "create");
    private static final Set<String> ENGINE_FACTORIES = Set.of("getEngineByName", "getEngineByExtension",
            "getEngineByMimeType");
    /** Every construct names one of these; a unicode escape could spell one, so any escape means parse. */
    private static final Pattern TRIGGERS = Pattern.compile("exec|exit|halt|readObject|readUnshared|setAccessible"
            + "|eval|create|ProcessBuilder|URL|URI|Socket|\\\\u");
    /** Static methods a wildcard static import can bring in unqualified, by owner. */
    private static final Map<String, Set<String>> STATIC_MEMBERS = Map.of("System", Set.of("exit"),
            "URI", Set.of("create"), "Runtime", Set.of("getRuntime"));

    private final Map<String, String> staticImports = new HashMap<>();
    private final Set<String> staticStars = new HashSet<>();
    private final List<Hit> hits = new ArrayList<>();

    private JavaConstructs(CompilationUnit unit) {
        for (ImportDeclaration i : unit.getImports()) {
            if (!i.isStatic()) {
                continue;
            }
            if (i.isAsterisk()) {
                staticStars.add(i.getName().getIdentifier());
            } else {
                i.getName().getQualifier().ifPresent(owner -> staticImports.put(i.getName().getIdentifier(),
                        owner.getIdentifier()));
            }
        }
    }

    /**
     * The constructs in {@code text}; a null text (no such version) holds none, and so does a text without any of
     * the names the rules look for (parsing is most of the cost, and most files never mention them).
     */
    static Scan scan(String text) {
        if (text == null || !TRIGGERS.matcher(text).find()) {
            return Scan.EMPTY;
        }
        ParseResult<CompilationUnit> result = PARSER.get().parse(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return new Scan.Unparsable(result.getProblems().stream().findFirst().map(Problem::getVerboseMessage)
                    .map(m -> m.lines().findFirst().orElse(m)).orElse("JavaParser gave no tree"));
        }
        CompilationUnit unit = result.getResult().get();
        var scanner = new JavaConstructs(unit);
        unit.findAll(MethodCallExpr.class).forEach(scanner::call);
        unit.findAll(ObjectCreationExpr.class).forEach(scanner::creation);
        return new Scan.Parsed(scanner.hits);
    }

    private void call(MethodCallExpr call) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        String owner = scope.map(JavaConstructs::lastName).orElseGet(() -> staticOwner(name));
        if (!CALLS.contains(name)) {
            return;
        }
        String receiver = scope.map(this::typeOf).orElse("");
        switch (name) {
            case "exec" -> {
                if (receiver.equals("Runtime")) {
                    add("java-runtime-exec", call, null);
                }
            }
            case "exit", "halt" -> {
                if (name.equals("exit") && owner.equals("System") || receiver.equals("Runtime")) {
                    add("java-system-exit", call, null);
                }
            }
            case "readObject", "readUnshared" -> {
                if (receiver.equals("ObjectInputStream")
                        || scope.isPresent() && enclosingCallable(call).map(this::makesObjectStream).orElse(false)) {
                    add("java-deserialization", call, null);
                }
            }
            case "setAccessible" -> {
                if (call.getArguments().stream().anyMatch(a -> a instanceof BooleanLiteralExpr b && b.getValue())) {
                    add("java-set-accessible", call, null);
                }
            }
            case "eval" -> {
                if (receiver.endsWith("ScriptEngine")) {
                    add("java-script-eval", call, null);
                }
            }
            case "create" -> {
                if (owner.equals("URI") && call.getArguments().size() == 1) {
                    url(call.getArgument(0)).ifPresent(host -> add("java-network", call, host));
                }
            }
            default -> {
            }
        }
    }

    private void creation(ObjectCreationExpr created) {
        String type = created.getType().getNameAsString();
        var args = created.getArguments();
        switch (type) {
            case "ProcessBuilder" -> add("java-process-builder", created, null);
            case "URL", "URI" -> {
                Optional<String> host = args.isEmpty() ? Optional.empty() : url(args.get(0));
                if (host.isEmpty() && args.size() >= 2 && literal(args.get(0)).filter(p -> p.startsWith("http"))
                        .isPresent()) {
                    host = literal(args.get(1)); // new URL("https", "host", 443, "/path")
                }
                host.ifPresent(h -> add("java-network", created, h));
            }
            case "Socket" -> {
                if (!args.isEmpty()) {
                    literal(args.get(0)).ifPresent(h -> add("java-network", created, h));
                }
            }
            default -> {
            }
        }
    }

    private void add(String rule, Expression at, String host) {
        Node place = at instanceof MethodCallExpr m ? m.getName() : at;
        String printed = JavaLocals.print(at);
        hits.add(new Hit(rule, JavaAssertions.line(place), printed, ForbiddenConstructs.shorten(printed), host));
    }

    /** The class a scopeless call was statically imported from, or "". */
    private String staticOwner(String method) {
        String owner = staticImports.get(method);
        if (owner != null) {
            return owner;
        }
        return staticStars.stream().filter(s -> STATIC_MEMBERS.getOrDefault(s, Set.of()).contains(method))
                .findFirst().orElse("");
    }

    /** The simple type name of an expression as far as its declaration shows, or "". */
    private String typeOf(Expression e) {
        return switch (e) {
            case NameExpr n -> declaredType(n.getNameAsString(), n);
            case FieldAccessExpr f when f.getScope().isThisExpr() -> declaredType(f.getNameAsString(), f);
            case ObjectCreationExpr o -> o.getType().getNameAsString();
            case CastExpr c -> simple(c.getType());
            case EnclosedExpr p -> typeOf(p.getInner());
            case MethodCallExpr m when m.getNameAsString().equals("getRuntime")
                    && m.getScope().map(JavaConstructs::lastName).orElseGet(() -> staticOwner("getRuntime"))
                    .equals("Runtime") -> "Runtime";
            case MethodCallExpr m when ENGINE_FACTORIES.contains(m.getNameAsString()) -> "ScriptEngine";
            default -> "";
        };
    }

    /** The type a name is declared with in the nearest enclosing method, lambda, initializer or class. */
    private String declaredType(String name, Node at) {
        for (Node p = at.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof LambdaExpr || p instanceof InitializerDeclaration) {
                for (Parameter param : p.findAll(Parameter.class)) {
                    if (param.getNameAsString().equals(name)) {
                        return simple(param.getType());
                    }
                }
                Optional<String> local = variable(p.findAll(VariableDeclarator.class), name);
                if (local.isPresent()) {
                    return local.get();
                }
            } else if (p instanceof TypeDeclaration<?> t) {
                var fields = t.getFields().stream().flatMap(f -> f.getVariables().stream()).toList();
                Optional<String> field = variable(fields, name);
                if (field.isPresent()) {
                    return field.get();
                }
            }
        }
        return "";
    }

    private Optional<String> variable(List<VariableDeclarator> vars, String name) {
        for (VariableDeclarator v : vars) {
            if (v.getNameAsString().equals(name)) {
                return Optional.of(v.getType().isVarType() || v.getType().asString().equals("var")
                        ? v.getInitializer().map(this::typeOf).orElse("") : simple(v.getType()));
            }
        }
        return Optional.empty();
    }

    private Optional<Node> enclosingCallable(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof InitializerDeclaration) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private boolean makesObjectStream(Node callable) {
        return callable.findAll(ObjectCreationExpr.class).stream()
                .anyMatch(o -> o.getType().getNameAsString().equals("ObjectInputStream"));
    }

    /** The host of an http(s)/ws(s) URL literal. */
    private static Optional<String> url(Expression e) {
        return literal(e).filter(s -> s.matches("(?i)(https?|wss?)://.*")).map(JavaConstructs::host);
    }

    static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            if (h != null) {
                return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
            }
        } catch (IllegalArgumentException ignored) {
            // not a well-formed URI (a placeholder, a space): fall back to the text between :// and the path
        }
        String rest = url.substring(url.indexOf("://") + 3);
        rest = rest.replaceFirst("^[^/@]*@", "");
        return rest.split("[/:?#]", 2)[0];
    }

    private static Optional<String> literal(Expression e) {
        return e instanceof StringLiteralExpr s ? Optional.of(s.asString()) : Optional.empty();
    }

    private static String lastName(Expression e) {
        return switch (e) {
            case NameExpr n -> n.getNameAsString();
            case FieldAccessExpr f -> f.getNameAsString();
            default -> "";
        };
    }

    private static String simple(Type t) {
        return t instanceof ClassOrInterfaceType c ? c.getNameAsString() : t.asString();
    }
}

package dev.aap.agent.index;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithJavadoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Java definitions and parse problems, from JavaParser. */
final class JavaOutline {

    /** Checks edits: the newest language level, with its validators. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)));
    /** Outlines files for the index: no validators, about twice as fast. */
    private static final ThreadLocal<JavaParser> OUTLINER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)));

    private JavaOutline() {
    }

    static List<Definition> definitions(String file, String text) {
        ParseResult<CompilationUnit> result;
        try {
            result = OUTLINER.get().parse(text);
        } catch (RuntimeException e) {
            return List.of(); // JavaParser bugs on odd input must not break indexing
        }
        Optional<CompilationUnit> cu = result.getResult();
        if (cu.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<Definition>();
        walk(cu.get(), file, "", out);
        return out;
    }

    static Optional<String> problem(String text) {
        ParseResult<CompilationUnit> result;
        try {
            result = PARSER.get().parse(text);
        } catch (RuntimeException e) {
            return Optional.of("the Java parser failed: " + e.getMessage());
        }
        if (result.isSuccessful()) {
            return Optional.empty();
        }
        Problem p = result.getProblems().getFirst();
        String where = p.getLocation().flatMap(l -> l.getBegin().getRange())
                .map(r -> "line " + r.begin.line + ", column " + r.begin.column + ": ").orElse("");
        String message = p.getMessage().lines().findFirst().orElse("parse error");
        return Optional.of(where + (message.length() > 200 ? message.substring(0, 200) + "..." : message));
    }

    private static void walk(Node node, String file, String container, List<Definition> out) {
        for (Node child : node.getChildNodes()) {
            Optional<String> kind = kindOf(child);
            if (kind.isPresent() && child.getRange().isPresent()) {
                var range = child.getRange().get();
                String name = nameOf(child);
                int doc = child instanceof NodeWithJavadoc<?> j && j.getJavadocComment().isPresent()
                        ? j.getJavadocComment().get().getRange().map(r -> r.begin.line).orElse(range.begin.line)
                        : range.begin.line;
                out.add(new Definition(new Symbol(name, kind.get(), file, range.begin.line, range.end.line),
                        container, doc));
                if (child instanceof TypeDeclaration<?>) {
                    walk(child, file, container.isEmpty() ? name : container + "." + name, out);
                    continue;
                }
            }
            walk(child, file, container, out);
        }
    }

    private static Optional<String> kindOf(Node node) {
        return Optional.ofNullable(switch (node) {
            case ClassOrInterfaceDeclaration c -> c.isInterface() ? "interface" : "class";
            case EnumDeclaration e -> "enum";
            case RecordDeclaration r -> "record";
            case AnnotationDeclaration a -> "interface";
            case MethodDeclaration m -> "method";
            case AnnotationMemberDeclaration m -> "method";
            case ConstructorDeclaration c -> "constructor";
            case CompactConstructorDeclaration c -> "constructor";
            default -> null;
        });
    }

    private static String nameOf(Node node) {
        return switch (node) {
            case TypeDeclaration<?> t -> t.getNameAsString();
            case MethodDeclaration m -> m.getNameAsString();
            case AnnotationMemberDeclaration m -> m.getNameAsString();
            case ConstructorDeclaration c -> c.getNameAsString();
            case CompactConstructorDeclaration c -> c.getNameAsString();
            default -> throw new IllegalArgumentException("not a definition: " + node.getClass().getSimpleName());
        };
    }
}

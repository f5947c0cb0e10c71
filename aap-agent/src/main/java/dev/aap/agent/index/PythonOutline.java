package dev.aap.agent.index;

import org.treesitter.TSNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Python definitions and syntax errors, from tree-sitter (or the indentation scanner without it). */
final class PythonOutline {

    private PythonOutline() {
    }

    static List<Definition> definitions(String file, String text) {
        Optional<TSNode> root = PythonTree.parse(text);
        if (root.isEmpty()) {
            return IndentScanner.definitions(file, text);
        }
        var out = new ArrayList<Definition>();
        walk(root.get(), text.getBytes(StandardCharsets.UTF_8), file, "", false, out);
        return out;
    }

    static Optional<String> problem(String text) {
        Optional<TSNode> root = PythonTree.parse(text);
        if (root.isEmpty() || !root.get().hasError()) {
            return Optional.empty();
        }
        TSNode bad = firstError(root.get());
        if (bad == null) {
            return Optional.of("line 1, column 1: syntax error");
        }
        var at = bad.getStartPoint();
        String where = "line " + (at.getRow() + 1) + ", column " + (at.getColumn() + 1) + ": ";
        if (bad.isMissing()) {
            return Optional.of(where + "missing '" + bad.getType() + "'");
        }
        String near = text.lines().skip(at.getRow()).findFirst().orElse("").strip();
        return Optional.of(where + "syntax error" + (near.isEmpty() ? "" : " in '" + abbreviate(near) + "'"));
    }

    private static void walk(TSNode node, byte[] text, String file, String container, boolean inClass,
                             List<Definition> out) {
        int n = node.getNamedChildCount();
        for (int i = 0; i < n; i++) {
            TSNode child = node.getNamedChild(i);
            TSNode def = child;
            if (child.getType().equals("decorated_definition")) {
                def = child.getChildByFieldName("definition");
                if (def == null || def.isNull()) {
                    continue;
                }
            }
            String type = def.getType();
            if (!type.equals("function_definition") && !type.equals("class_definition")) {
                walk(child, text, file, container, false, out);
                continue;
            }
            TSNode nameNode = def.getChildByFieldName("name");
            if (nameNode == null || nameNode.isNull()) {
                continue;
            }
            String name = slice(text, nameNode);
            boolean isClass = type.equals("class_definition");
            String kind = isClass ? "class" : inClass ? "method" : "function";
            out.add(new Definition(new Symbol(name, kind, file, PythonTree.startLine(child), PythonTree.endLine(child)),
                    container, PythonTree.startLine(child)));
            TSNode body = def.getChildByFieldName("body");
            if (body != null && !body.isNull()) {
                String inner = container.isEmpty() ? name : container + "." + name;
                walk(body, text, file, isClass ? inner : container, isClass, out);
            }
        }
    }

    private static TSNode firstError(TSNode node) {
        if (node.isError() || node.isMissing()) {
            return node;
        }
        int n = node.getChildCount();
        for (int i = 0; i < n; i++) {
            TSNode child = node.getChild(i);
            if (child.hasError() || child.isMissing()) {
                TSNode found = firstError(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The source text of {@code node}; tree-sitter reports UTF-8 byte offsets. */
    private static String slice(byte[] utf8, TSNode node) {
        int from = Math.max(0, node.getStartByte());
        int to = Math.min(utf8.length, node.getEndByte());
        return new String(utf8, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}

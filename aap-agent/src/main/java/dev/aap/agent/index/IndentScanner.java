package dev.aap.agent.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python definitions by indentation, for when tree-sitter cannot load: good enough for chunking and look-ups. */
final class IndentScanner {

    private static final Pattern DEF = Pattern.compile("^(\\s*)(?:async\\s+)?(def|class)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DECORATOR = Pattern.compile("^\\s*@");

    private record Open(String name, String kind, String container, int start, int indent, boolean isClass) {
    }

    private IndentScanner() {
    }

    static List<Definition> definitions(String file, String text) {
        List<String> lines = text.lines().toList();
        var out = new ArrayList<Definition>();
        Deque<Open> open = new ArrayDeque<>();
        int lastCode = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = indentOf(line);
            while (!open.isEmpty() && indent <= open.peek().indent() && !continuation(lines, i)) {
                close(open.pop(), lastCode, file, out);
            }
            Matcher m = DEF.matcher(line);
            if (m.find()) {
                int start = i + 1;
                while (start > 1 && DECORATOR.matcher(lines.get(start - 2)).find()) {
                    start--;
                }
                Open parent = open.peek();
                boolean inClass = parent != null && parent.isClass();
                String container = parent == null ? "" : parent.isClass()
                        ? join(parent.container(), parent.name()) : parent.container();
                boolean isClass = m.group(2).equals("class");
                open.push(new Open(m.group(3), isClass ? "class" : inClass ? "method" : "function", container, start,
                        indent, isClass));
            }
            lastCode = i + 1;
        }
        while (!open.isEmpty()) {
            close(open.pop(), lastCode, file, out);
        }
        out.sort(java.util.Comparator.comparingInt(d -> d.symbol().startLine()));
        return out;
    }

    private static void close(Open o, int lastCode, String file, List<Definition> out) {
        int end = Math.max(lastCode, o.start());
        out.add(new Definition(new Symbol(o.name(), o.kind(), file, o.start(), end), o.container(), o.start()));
    }

    /** True when line {@code i} continues a bracketed expression of the previous line (a rough guess). */
    private static boolean continuation(List<String> lines, int i) {
        String s = lines.get(i).strip();
        return s.startsWith(")") || s.startsWith("]") || s.startsWith("}");
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String join(String container, String name) {
        return container.isEmpty() ? name : container + "." + name;
    }
}

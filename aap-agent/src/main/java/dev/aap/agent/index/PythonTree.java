package dev.aap.agent.index;

import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.util.Optional;

/**
 * Python syntax trees from tree-sitter, loaded once; when its native library cannot load here, {@link #parse} is
 * empty and callers fall back to {@link IndentScanner}.
 */
final class PythonTree {

    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(PythonTree::newParser);
    private static volatile String unavailable;

    private PythonTree() {
    }

    /** The root node of {@code text}, or empty when tree-sitter is not usable in this process. */
    static Optional<TSNode> parse(String text) {
        if (unavailable != null) {
            return Optional.empty();
        }
        TSParser parser = PARSER.get();
        if (parser == null) {
            return Optional.empty();
        }
        TSTree tree = parser.parseString(null, text);
        return Optional.ofNullable(tree).map(TSTree::getRootNode);
    }

    /** Why tree-sitter is not used, or empty when it is. */
    static Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    private static TSParser newParser() {
        try {
            var parser = new TSParser();
            if (!parser.setLanguage(new TreeSitterPython())) {
                unavailable = "the tree-sitter Python grammar does not match the runtime";
                return null;
            }
            return parser;
        } catch (LinkageError | RuntimeException e) { // missing or incompatible native library
            unavailable = "tree-sitter could not load: " + e;
            return null;
        }
    }

    /** 1-based first line of {@code node}. */
    static int startLine(TSNode node) {
        return node.getStartPoint().getRow() + 1;
    }

    /** 1-based last line of {@code node}, not counting a final newline. */
    static int endLine(TSNode node) {
        var end = node.getEndPoint();
        int row = end.getColumn() == 0 && end.getRow() > node.getStartPoint().getRow() ? end.getRow() - 1 : end.getRow();
        return row + 1;
    }
}

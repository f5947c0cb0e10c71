package dev.aap.repair.mutate;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import java.util.Arrays;

/** The original text of one file with the line table needed to turn parser positions into char offsets. */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    private SourceText(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
    }

    String text() {
        return text;
    }

    /** Offset of the first character of a 1-based line. */
    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    static SourceText of(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // the parser counts \r\n, \n and a lone \r each as one line break
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new SourceText(text, Arrays.copyOf(starts, count));
    }

    /** Offset of a 1-based line/column position (tab size 1 in the parser, so columns are chars). */
    int offset(Position p) {
        return lineStarts[p.line - 1] + p.column - 1;
    }

    int begin(Node n) {
        return offset(n.getRange().orElseThrow().begin);
    }

    /** Offset just past the node's last character. */
    int end(Node n) {
        return offset(n.getRange().orElseThrow().end) + 1;
    }

    String slice(Node n) {
        return text.substring(begin(n), end(n));
    }

    String slice(int start, int end) {
        return text.substring(start, end);
    }

    /** 1-based line of an offset. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Leading whitespace of the line that holds the offset. */
    String indentAt(int offset) {
        int start = lineStarts[lineOf(offset) - 1];
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** The line break the file uses, so inserted lines match it. */
    String newline() {
        int i = text.indexOf('\n');
        return i > 0 && text.charAt(i - 1) == '\r' ? "\r\n" : "\n";
    }
}

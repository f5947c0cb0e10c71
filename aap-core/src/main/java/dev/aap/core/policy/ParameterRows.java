package dev.aap.core.policy;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.aap.core.policy.TestSummary.Assertion;
import dev.aap.core.policy.TestSummary.Strength;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The data rows of {@code @CsvSource} and {@code @ValueSource}: each row is a check of its own, since a row usually
 * holds the expected result, so a changed or dropped row is a changed or removed expectation.
 */
final class ParameterRows {

    private static final Set<String> SOURCES = Set.of("CsvSource", "ValueSource");

    private ParameterRows() {
    }

    static List<Assertion> of(NodeList<AnnotationExpr> annotations) {
        var out = new ArrayList<Assertion>();
        for (AnnotationExpr a : annotations) {
            String name = a.getName().getIdentifier();
            if (!SOURCES.contains(name)) {
                continue;
            }
            if (a instanceof SingleMemberAnnotationExpr s) {
                rows("@" + name, s.getMemberValue(), out);
            } else if (a instanceof NormalAnnotationExpr n) {
                for (MemberValuePair p : n.getPairs()) {
                    if (!p.getNameAsString().equals("delimiter") && !p.getNameAsString().endsWith("Value")
                            && !p.getNameAsString().equals("useHeadersInDisplayName")) {
                        rows("@" + name + "(" + p.getNameAsString() + ")", p.getValue(), out);
                    }
                }
            }
        }
        return out;
    }

    private static void rows(String source, Expression value, List<Assertion> out) {
        if (value instanceof ArrayInitializerExpr array) {
            array.getValues().forEach(v -> rows(source, v, out));
        } else if (value instanceof TextBlockLiteralExpr block) {
            List<String> lines = block.asString().lines().toList();
            int first = JavaAssertions.line(block) + 1;
            for (int i = 0; i < lines.size(); i++) {
                String row = lines.get(i).strip();
                if (!row.isEmpty() && !row.startsWith("#")) {
                    out.add(row(source, row, first + i));
                }
            }
        } else {
            out.add(row(source, JavaLocals.print(value), JavaAssertions.line(value)));
        }
    }

    private static Assertion row(String source, String row, int line) {
        return new Assertion(AssertionDiff.PARAMETERS, Strength.NEUTRAL, source + " " + row, source, row,
                source + " row " + row, line);
    }
}

package dev.aap.repair.localize;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Java loop conditions that line coverage cannot see: {@code javac} emits no instruction for the line of
 * {@code while (true)} (nor for {@code do ... while (true)}), so JaCoCo never reports it, and a missing loop condition
 * would have no suspicious line to be repaired on. Such a line joins the ranking with the score of the most
 * suspicious line of its loop.
 */
public final class ConstantLoopHeaders {

    private ConstantLoopHeaders() {
    }

    /** The ranking with the untraced headers of loops around suspicious lines added, best first. */
    public static List<Suspicious> add(List<Suspicious> ranked, Function<String, String> read) {
        Map<String, Map<Integer, Double>> byFile = new HashMap<>();
        for (Suspicious s : ranked) {
            byFile.computeIfAbsent(s.file(), f -> new HashMap<>()).merge(s.line(), s.score(), Math::max);
        }
        List<Suspicious> out = new ArrayList<>(ranked);
        for (String file : new LinkedHashSet<>(ranked.stream().map(Suspicious::file).toList())) {
            if (!file.endsWith(".java")) {
                continue;
            }
            Map<Integer, Double> lines = byFile.get(file);
            String source;
            try {
                source = read.apply(file);
            } catch (RuntimeException e) {
                continue; // a file that cannot be read keeps the lines coverage gave it
            }
            for (int[] loop : constantLoops(source)) {
                int condition = loop[0];
                if (lines.containsKey(condition)) {
                    continue;
                }
                lines.entrySet().stream().filter(e -> e.getKey() >= loop[1] && e.getKey() <= loop[2])
                        .mapToDouble(Map.Entry::getValue).max()
                        .ifPresent(score -> out.add(new Suspicious(file, condition, score)));
            }
        }
        // stable: a header goes right after the lines it ties with
        out.sort(Comparator.comparingDouble(Suspicious::score).reversed());
        return out;
    }

    /** {condition line, first line, last line} of each loop whose condition is the literal {@code true}. */
    private static List<int[]> constantLoops(String source) {
        var parser = new com.github.javaparser.JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        Optional<com.github.javaparser.ast.CompilationUnit> unit = parser.parse(source).getResult();
        if (unit.isEmpty()) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        unit.get().walk(node -> {
            Optional<Expression> condition = switch (node) {
                case WhileStmt w -> Optional.of(w.getCondition());
                case DoStmt d -> Optional.of(d.getCondition());
                default -> Optional.empty();
            };
            condition.filter(c -> c instanceof BooleanLiteralExpr b && b.getValue() && c.getBegin().isPresent())
                    .filter(c -> node.getBegin().isPresent() && node.getEnd().isPresent())
                    .ifPresent(c -> out.add(new int[] {c.getBegin().get().line, node.getBegin().get().line,
                            node.getEnd().get().line}));
        });
        return out;
    }
}

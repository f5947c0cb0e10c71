package dev.aap.repair.mutate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import dev.aap.repair.candidate.Candidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Parses the project once, then runs every operator over the nodes that touch the suspicious lines. */
final class ProjectMutator implements JavaMutator {

    private static final List<Operator> OPERATORS = List.of(new OperatorReplacement(), new OffByOne(),
            new ConditionRewrite(), new NameSubstitution(), new CallRewrite(), new StatementEdit(),
            new ExpressionReuse(), new ConditionExtension(), new ValueRewrite(), new StatementInsertion());

    private final Map<String, String> sources;
    private final Map<String, Optional<CompilationUnit>> units = new LinkedHashMap<>();
    private final TypeIndex index;

    ProjectMutator(Map<String, String> projectSources) {
        this.sources = Map.copyOf(projectSources);
        JavaParser strict = parser(ParserConfiguration.LanguageLevel.JAVA_21);
        JavaParser lenient = parser(ParserConfiguration.LanguageLevel.RAW);
        // sorted, so a simple name declared in two files always merges the same way
        new TreeMap<>(projectSources).forEach((path, text) ->
                units.put(path, parse(strict, text).or(() -> parse(lenient, text))));
        this.index = TypeIndex.of(units.values().stream().flatMap(Optional::stream).toList());
    }

    /** RAW skips the language-level validators, for sources using syntax newer than Java 21. */
    static JavaParser parser(ParserConfiguration.LanguageLevel level) {
        // tab size 1 makes parser columns equal char offsets within a line
        return new JavaParser(new ParserConfiguration().setLanguageLevel(level).setTabSize(1));
    }

    private static Optional<CompilationUnit> parse(JavaParser parser, String text) {
        ParseResult<CompilationUnit> result = parser.parse(text);
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }

    @Override
    public synchronized List<Candidate> candidates(String relPath, Set<Integer> lines) {
        String text = sources.get(relPath);
        if (text == null) {
            throw new IllegalArgumentException("not a project source: " + relPath);
        }
        Optional<CompilationUnit> unit = units.get(relPath);
        if (unit.isEmpty() || lines.isEmpty()) {
            return List.of();
        }
        SourceText source = SourceText.of(text);
        Proposals proposals = new Proposals(relPath, source, lines);
        Site site = new Site(source, index, proposals);
        TreeSet<Integer> wanted = new TreeSet<>(lines);
        unit.get().walk(node -> {
            if (touches(node, wanted)) {
                OPERATORS.forEach(op -> op.visit(node, site));
            }
        });
        return proposals.ranked(MAX_PER_LINE);
    }

    private static boolean touches(Node node, TreeSet<Integer> lines) {
        Optional<Range> range = node.getRange();
        if (range.isEmpty()) {
            return false;
        }
        Integer line = lines.ceiling(range.get().begin.line);
        return line != null && line <= range.get().end.line;
    }
}

package dev.aap.repair.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorsTest {

    /** Operator names are kebab-case string literals; in these sources no other kebab-case literal occurs. */
    private static final Pattern NAME = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");

    /** The names the issue gives new operator classes, which other work adds in both languages. */
    private static final Set<String> NEW_NAMES = Set.of("extend-condition", "condition-from-scope",
            "return-expression", "wrap-min-max-abs", "variable-expression", "swap-arguments", "swap-index",
            "insert-statement", "insert-else", "insert-jump");

    @Test
    void everyOperatorTheJavaMutatorCanEmitHasAnEntry() throws IOException {
        Set<String> names = new TreeSet<>(NEW_NAMES);
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/aap/repair/mutate"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                names.addAll(literals(Files.readString(f)));
            }
        }
        assertThat(names).contains("relational-operator", "replace-variable", "off-by-one");
        assertThat(Priors.published().operators("java")).containsAll(names);
    }

    @Test
    void everyOperatorThePythonMutatorCanEmitHasAnEntry() throws IOException {
        Set<String> names = new TreeSet<>(NEW_NAMES);
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/dev/aap/repair/python"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("aap_mutate")).toList()) {
                names.addAll(literals(Files.readString(f)));
            }
        }
        assertThat(names).contains("comparison-operator", "replace-name", "literal-off-by-one");
        assertThat(Priors.published().operators("python")).containsAll(names);
    }

    private static Set<String> literals(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = NAME.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void thePriorColumnIsWhatTheCountsDerive() {
        Priors p = Priors.published();
        for (String lang : Set.of("java", "python")) {
            FamilyPriors f = p.family(lang);
            for (String op : p.operators(lang)) {
                assertThat(f.of(op)).as(lang + " " + op).isCloseTo(p.listed(lang, op), within(0.0001));
            }
        }
    }

    @Test
    void theMostFrequentPatternHasPriorOneAndUnmappedOperatorsTheLowest() {
        FamilyPriors java = Priors.published().family("java");
        assertThat(java.of("replace-variable")).isEqualTo(1.0);
        double lowest = java.byOperator().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertThat(java.of("insert-statement")).isEqualTo(lowest).isEqualTo(java.floor());
        assertThat(java.of("an-operator-nobody-listed")).isEqualTo(lowest);
        // 10179 wrong-function-name vs 22668 identifier SStuBs in ManySStuBs4J
        assertThat(java.of("change-method")).isCloseTo(10179.0 / 22668, within(1e-9));
    }

    @Test
    void aLanguageTheFileLacksHasNoFamilyPriors() {
        assertThat(Priors.published().family("cobol").isNone()).isTrue();
    }

    @Test
    void repositoryCountsMoveTheBlendTowardsTheRepositorysPatterns() {
        var repo = new RepoPriors("/r", "2025-01-01T00:00:00Z", 500, 100,
                Map.of("java", Map.of("Same Function Swap Args", 100)));
        FamilyPriors published = Priors.published().family("java");
        FamilyPriors blended = Priors.published().family("java", repo);
        // half the observations are now swaps: (100 * 612/63922 + 100) / 200 ≈ 0.505 vs identifier 0.177
        assertThat(blended.of("swap-arguments")).isEqualTo(1.0);
        assertThat(blended.of("replace-variable")).isLessThan(published.of("replace-variable"));
        assertThat(blended.source()).contains("100 fixes");
    }

    @Test
    void repositoryCountsOfPatternsTheCorpusLacksChangeNothing() {
        var repo = new RepoPriors("/r", "2025-01-01T00:00:00Z", 10, 3, Map.of("java", Map.of("Missing Statement", 3)));
        assertThat(Priors.published().family("java", repo)).isEqualTo(Priors.published().family("java"));
    }

    @Test
    void storedRepoPriorsRoundTripAndAMissingFileReadsAsEmpty(@TempDir Path home) {
        Path file = RepoPriors.fileFor(home, Path.of("/src/my project"));
        assertThat(file.getParent()).isEqualTo(home.resolve("priors"));
        assertThat(file.getFileName().toString()).startsWith("my_project-").endsWith(".json");
        assertThat(RepoPriors.read(file)).isEmpty();
        var stored = new RepoPriors("/src/my project", "2025-01-01T00:00:00Z", 7, 2,
                Map.of("python", Map.of("Change Numeric Literal", 2)));
        stored.write(file);
        assertThat(RepoPriors.read(file)).contains(stored);
        assertThat(RepoPriors.fileFor(home, Path.of("/other/my project"))).isNotEqualTo(file);
    }
}

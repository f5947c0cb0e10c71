package dev.aap.repair.search;

import dev.aap.core.pipeline.StrategyResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Of two plausible patches that behave alike, the one that reuses what the file holds ranks first. */
class NovelTokensTest {

    private static final String SHIPPING = """
            def shipping_cost(weight_kg):
                \"\"\"Free shipping from 20 kg; 4.5 per started kilogram below.\"\"\"
                if weight_kg > 20:
                    return 0
                return 4.5 * weight_kg
            """;

    @Test
    void countsOnlyTheChangedLinesTokensTheFileNeverHeld() {
        assertThat(NovelTokens.count(SHIPPING, SHIPPING.replace("weight_kg > 20", "weight_kg >= 20"))).isZero();
        assertThat(NovelTokens.count(SHIPPING, SHIPPING.replace("weight_kg > 20", "weight_kg > 19"))).isEqualTo(1);
        assertThat(NovelTokens.count(SHIPPING, SHIPPING.replace("return 0", "return total_kg"))).isEqualTo(1);
        assertThat(NovelTokens.count(SHIPPING, SHIPPING)).isZero();
    }

    @Test
    void amongEquallyGoodPatchesTheOneInventingLessComesFirstWhateverItsScore() {
        var literal = new StrategyResult.Solution(Map.of("s.py", "> 19"), "change 20 to 19", 1, 0.9, 1, List.of());
        var operator = new StrategyResult.Solution(Map.of("s.py", ">= 20"), "replace '>' with '>='", 1, 0.4, 1,
                List.of());

        List<StrategyResult.Solution> ranked = SolutionRanking.rank(List.of(
                new SolutionRanking.Judged(literal, null, 1.0, 0, 1),
                new SolutionRanking.Judged(operator, null, 1.0, 0, 0)));

        assertThat(ranked).containsExactly(operator, literal);
    }
}

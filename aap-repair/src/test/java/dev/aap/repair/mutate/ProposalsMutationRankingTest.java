package dev.aap.repair.mutate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aap.repair.candidate.Candidate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalsMutationRankingTest {

    private static final String TEXT = "int a = 1;\nint b = 2;\n";

    @Test
    void capsEachLineKeepingTheHighestPriors() {
        Proposals proposals = new Proposals("F.java", SourceText.of(TEXT), Set.of(1, 2));
        for (int i = 0; i < 500; i++) {
            proposals.replace(8, 9, Integer.toString(i + 10), "op", "low " + i, 0.1);
        }
        proposals.replace(8, 9, "7", "op", "high", 0.9);
        proposals.replace(19, 20, "3", "op", "other line", 0.2);
        List<Candidate> ranked = proposals.ranked(300);
        assertThat(ranked.stream().filter(c -> c.line() == 1)).hasSize(300);
        assertThat(ranked.get(0).description()).isEqualTo("high");
        assertThat(ranked).anyMatch(c -> c.line() == 2);
    }

    @Test
    void treatsDifferentEditsWithTheSameResultAsDuplicates() {
        Proposals proposals = new Proposals("F.java", SourceText.of(TEXT), Set.of(1));
        proposals.replace(8, 9, "2", "literal", "narrow", 0.5);
        proposals.replace(4, 9, "a = 2", "statement", "wide", 0.3);
        proposals.replace(8, 9, "1", "identity", "no change", 0.9);
        assertThat(proposals.ranked(300)).singleElement()
                .satisfies(c -> assertThat(c.description()).isEqualTo("narrow"));
    }

    @Test
    void dropsEditsStartingOutsideTheSuspiciousLines() {
        Proposals proposals = new Proposals("F.java", SourceText.of(TEXT), Set.of(2));
        proposals.replace(8, 9, "5", "literal", "line one", 0.5);
        assertThat(proposals.ranked(300)).isEmpty();
    }
}

package dev.aap.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchRowTest {

    @Test
    void sameAsReferenceIgnoresSpacingBlankLinesAndComments() {
        assertThat(BenchRow.normalize("x = gcd(b, a % b)  // fixed\n\n", "//"))
                .isEqualTo(BenchRow.normalize("x = gcd(b, a%b)\n", "//"));
        assertThat(BenchRow.normalize("return [[]]  # base case\n", "#"))
                .isEqualTo(BenchRow.normalize("return [[]]\n", "#"));
    }

    @Test
    void differentCodeStaysDifferent() {
        assertThat(BenchRow.normalize("a < b\n", "//")).isNotEqualTo(BenchRow.normalize("a <= b\n", "//"));
    }
}

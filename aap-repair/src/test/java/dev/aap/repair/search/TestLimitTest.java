package dev.aap.repair.search;

import dev.aap.repair.localize.TestCoverage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestLimitTest {

    @Test
    void fiveTimesTheSlowestPassingTest() {
        var cov = List.of(new TestCoverage("a", true, Map.of(), 300), new TestCoverage("b", true, Map.of(), 500),
                new TestCoverage("c", false, Map.of(), 5_000));
        assertThat(SearchStrategy.testLimit(cov)).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void neverBelowOneSecondNorAboveTen() {
        assertThat(SearchStrategy.testLimit(List.of(new TestCoverage("a", true, Map.of(), 3))))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SearchStrategy.testLimit(List.of(new TestCoverage("a", true, Map.of(), 60_000))))
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void twoSecondsWhenNoPassingTestWasTimed() {
        assertThat(SearchStrategy.testLimit(List.of(new TestCoverage("a", false, Map.of(), 9_000),
                new TestCoverage("b", true, Map.of())))).isEqualTo(Duration.ofSeconds(2));
    }
}

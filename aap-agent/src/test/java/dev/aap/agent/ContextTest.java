package dev.aap.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContextTest {

    @Test
    void retrievedCodeShrinksWithASmallContextWindow() {
        assertThat(Context.retrievalBudget(128_000)).isEqualTo(10_000);
        assertThat(Context.retrievalBudget(8_192)).isBetween(4_000, 4_500);
        // a 4k window still gets a little code, not none
        assertThat(Context.retrievalBudget(4_096)).isBetween(2_000, 2_200);
        assertThat(Context.retrievalBudget(1_000)).isEqualTo(1_000);
    }
}

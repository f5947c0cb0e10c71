package dev.aap.agent.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesPerRetryWithinAQuarterOfJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1));

        for (int i = 0; i < 50; i++) {
            assertThat(backoff.delay(1).toMillis()).isBetween(750L, 1250L);
            assertThat(backoff.delay(3).toMillis()).isBetween(3000L, 5000L);
        }
    }

    @Test
    void neverWaitsMoreThanAMinute() {
        assertThat(new Backoff(Duration.ofSeconds(1)).delay(40)).isLessThanOrEqualTo(Backoff.CAP);
    }
}

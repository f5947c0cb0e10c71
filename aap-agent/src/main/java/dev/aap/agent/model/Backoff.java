package dev.aap.agent.model;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: the initial wait doubles per retry, varies by ±25 %, and never exceeds a minute. */
record Backoff(Duration initial) {

    static final Duration CAP = Duration.ofSeconds(60);

    /** The wait before retry number {@code retry} (1-based). */
    Duration delay(int retry) {
        long base = initial.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, CAP.toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.min(Math.round(capped * jitter), CAP.toMillis()));
    }
}

package acme.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsABurstUpToItsCapacity() {
        TokenBucket b = new TokenBucket(3, 1, 0);
        assertTrue(b.tryAcquire(1, 0));
        assertTrue(b.tryAcquire(1, 0));
        assertTrue(b.tryAcquire(1, 0));
        assertFalse(b.tryAcquire(1, 0));
    }

    @Test
    void tokensComeBackOverTime() {
        TokenBucket b = new TokenBucket(2, 2, 0);
        b.tryAcquire(2, 0);
        assertTrue(b.tryAcquire(1, SECOND / 2));
    }

    @Test
    void aLongPauseDoesNotBankMoreThanTheCapacity() {
        TokenBucket b = new TokenBucket(5, 1, 0);
        assertEquals(5.0, b.tokens(60 * SECOND), 1e-9);
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryAcquire(1, 60 * SECOND));
        }
        assertFalse(b.tryAcquire(1, 60 * SECOND));
    }

    @Test
    void waitTimeForMissingTokens() {
        TokenBucket b = new TokenBucket(4, 2, 0);
        b.tryAcquire(4, 0);
        assertEquals(SECOND, b.waitNanos(2, 0));
        assertEquals(0, b.waitNanos(2, SECOND));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
    }
}

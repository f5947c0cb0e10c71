package acme.sessions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SessionStoreTest {

    @Test
    void attributesAreStoredPerSession() {
        SessionStore s = new SessionStore(1_000);
        s.create("a", 0);
        s.create("b", 0);
        s.put("a", "user", "ann", 10);
        assertEquals(Optional.of("ann"), s.get("a", "user", 20));
        assertEquals(Optional.empty(), s.get("b", "user", 20));
    }

    @Test
    void anIdleSessionExpires() {
        SessionStore s = new SessionStore(1_000);
        s.create("a", 0);
        assertFalse(s.put("a", "k", "v", 1_001));
    }

    @Test
    void writingKeepsASessionAlive() {
        SessionStore s = new SessionStore(1_000);
        s.create("a", 0);
        assertTrue(s.put("a", "k", "v", 900));
        assertTrue(s.put("a", "k", "w", 1_800));
    }

    @Test
    void readingKeepsASessionAlive() {
        SessionStore s = new SessionStore(1_000);
        s.create("a", 0);
        s.put("a", "cart", "3 items", 0);
        assertEquals(Optional.of("3 items"), s.get("a", "cart", 900));
        assertEquals(Optional.of("3 items"), s.get("a", "cart", 1_800));
    }

    @Test
    void sweepDropsOnlyExpiredSessions() {
        SessionStore s = new SessionStore(1_000);
        s.create("old", 0);
        s.create("new", 1_500);
        assertEquals(1, s.sweep(2_000));
        assertEquals(1, s.size());
    }
}

package acme.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RouterTest {

    private final Router router = new Router().mount("/", "home").mount("/api", "api")
            .mount("/api/users/", "users").mount("/static", "files");

    @Test
    void longestPrefixWins() {
        assertEquals(Optional.of("users"), router.resolve("/api/users/42"));
        assertEquals(Optional.of("api"), router.resolve("/api/orders"));
    }

    @Test
    void exactMountPathMatches() {
        assertEquals(Optional.of("files"), router.resolve("/static"));
    }

    @Test
    void aPrefixMustEndAtASegmentBoundary() {
        assertEquals(Optional.of("home"), router.resolve("/apiary"));
    }

    @Test
    void queryStringIsIgnored() {
        assertEquals(Optional.of("users"), router.resolve("/api/users?page=2"));
    }

    @Test
    void withoutARootMountUnknownPathsHaveNoHandler() {
        Router r = new Router().mount("/docs", "docs");
        assertEquals(Optional.empty(), r.resolve("/blog/docs"));
    }
}

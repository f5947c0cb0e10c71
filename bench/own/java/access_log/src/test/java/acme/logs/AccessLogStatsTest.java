package acme.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AccessLogStatsTest {

    @Test
    void countsRequestsPerStatusClass() {
        AccessLogStats s = new AccessLogStats().read(List.of("GET / 200 512", "GET /a 404 0", "POST /b 201 20"));
        assertEquals(Map.of("2xx", 2, "4xx", 1), s.byStatusClass());
        assertEquals(532, s.bytes());
    }

    @Test
    void aDashMeansNoBody() {
        AccessLogStats s = new AccessLogStats().read(List.of("HEAD / 304 -"));
        assertEquals(0, s.bytes());
        assertEquals(Map.of("3xx", 1), s.byStatusClass());
    }

    @Test
    void malformedLinesAreCountedNotFatal() {
        AccessLogStats s = new AccessLogStats().read(List.of("GET / 200", "GET / abc 10", "GET / 500 7"));
        assertEquals(2, s.skipped());
        assertEquals(Map.of("5xx", 1), s.byStatusClass());
    }

    @Test
    void malformedSizeDoesNotCountTheRequest() {
        AccessLogStats s = new AccessLogStats().read(List.of("GET / 200 12kb", "GET / 200 3"));
        assertEquals(Map.of("2xx", 1), s.byStatusClass());
        assertEquals(3, s.bytes());
    }

    @Test
    void blankLinesAndCommentsAreIgnored() {
        AccessLogStats s = new AccessLogStats().read(List.of("# log v2", "", "GET / 200 1"));
        assertEquals(0, s.skipped());
        assertEquals(1, s.bytes());
    }
}

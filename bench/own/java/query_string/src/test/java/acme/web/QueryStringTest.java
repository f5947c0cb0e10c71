package acme.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryStringTest {

    @Test
    void simplePairs() {
        assertEquals(Map.of("a", List.of("1"), "b", List.of("2")), QueryString.parse("a=1&b=2"));
    }

    @Test
    void repeatedKeysAndDecoding() {
        Map<String, List<String>> p = QueryString.parse("?q=hello+world&q=50%25");
        assertEquals(List.of("hello world", "50%"), p.get("q"));
    }

    @Test
    void theFragmentIsNotPartOfTheQuery() {
        assertEquals(Map.of("page", List.of("2")), QueryString.parse("page=2#results"));
    }

    @Test
    void keysWithoutValuesAndEqualsInsideValues() {
        Map<String, List<String>> p = QueryString.parse("flag&expr=a=b&empty=");
        assertEquals(List.of(""), p.get("flag"));
        assertEquals(List.of("a=b"), p.get("expr"));
        assertEquals(List.of(""), p.get("empty"));
    }

    @Test
    void firstValueOrFallback() {
        Map<String, List<String>> p = QueryString.parse("sort=price&sort=name");
        assertEquals("price", QueryString.first(p, "sort", "relevance"));
        assertEquals("20", QueryString.first(p, "size", "20"));
    }

    @Test
    void emptyQueryHasNoParameters() {
        assertEquals(Map.of(), QueryString.parse(""));
    }
}

package acme.transit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RouteMapTest {

    private RouteMap network() {
        RouteMap m = new RouteMap();
        m.link("Central", "Market");
        m.link("Market", "Harbour");
        m.link("Central", "Park");
        m.link("Park", "Museum");
        m.link("Museum", "Harbour");
        return m;
    }

    @Test
    void fewestHopsRoute() {
        assertEquals(List.of("Central", "Market", "Harbour"), network().route("Central", "Harbour"));
    }

    @Test
    void linksWorkBackwards() {
        assertEquals(List.of("Harbour", "Market", "Central"), network().route("Harbour", "Central"));
    }

    @Test
    void aStopIsItsOwnRoute() {
        assertEquals(List.of("Park"), network().route("Park", "Park"));
    }

    @Test
    void unreachableOrUnknownStopsHaveNoRoute() {
        RouteMap m = network();
        m.addStop("Island");
        assertEquals(List.of(), m.route("Central", "Island"));
        assertEquals(List.of(), m.route("Central", "Nowhere"));
    }

    @Test
    void degreeCountsLinksOnBothEnds() {
        RouteMap m = network();
        assertEquals(2, m.degree("Harbour"));
        assertEquals(2, m.degree("Central"));
    }
}

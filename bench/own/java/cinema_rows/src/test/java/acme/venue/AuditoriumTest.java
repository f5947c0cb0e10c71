package acme.venue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AuditoriumTest {

    @Test
    void aSeatSellsOnce() {
        Auditorium a = new Auditorium(3, 8);
        assertTrue(a.sell(1, 5));
        assertFalse(a.sell(1, 5));
    }

    @Test
    void freeSeatsInARow() {
        Auditorium a = new Auditorium(3, 8);
        a.sell(2, 0);
        a.sell(2, 7);
        assertEquals(6, a.freeInRow(2));
        assertEquals(8, a.freeInRow(0));
    }

    @Test
    void freeSeatsAtTheAisleAcrossRows() {
        Auditorium a = new Auditorium(3, 8);
        a.sell(0, 7);
        a.sell(2, 7);
        assertEquals(1, a.freeInColumn(7));
        assertEquals(3, a.freeInColumn(0));
    }

    @Test
    void totalFreeSeats() {
        Auditorium a = new Auditorium(4, 5);
        a.sell(3, 4);
        assertEquals(19, a.freeTotal());
    }
}

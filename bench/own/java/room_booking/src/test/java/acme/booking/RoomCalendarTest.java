package acme.booking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RoomCalendarTest {

    private static RoomCalendar.Slot slot(String title, int fromHour, int toHour) {
        return new RoomCalendar.Slot(title, LocalDateTime.of(2024, 3, 4, fromHour, 0),
                LocalDateTime.of(2024, 3, 4, toHour, 0));
    }

    @Test
    void backToBackMeetingsBothFit() {
        RoomCalendar c = new RoomCalendar();
        assertTrue(c.book(slot("standup", 9, 10)));
        assertTrue(c.book(slot("review", 10, 11)));
    }

    @Test
    void aMeetingInsideAnotherClashes() {
        RoomCalendar c = new RoomCalendar();
        c.book(slot("workshop", 9, 13));
        assertFalse(c.book(slot("call", 10, 11)));
        assertEquals(1, c.size());
    }

    @Test
    void aLaterMeetingDoesNotClashWithAnEarlierOne() {
        RoomCalendar c = new RoomCalendar();
        c.book(slot("lunch", 12, 13));
        assertTrue(c.book(slot("retro", 15, 16)));
        assertTrue(c.book(slot("breakfast", 8, 9)));
    }

    @Test
    void clashesListsEveryOverlappingMeeting() {
        RoomCalendar c = new RoomCalendar();
        c.book(slot("a", 8, 9));
        c.book(slot("b", 9, 10));
        c.book(slot("c", 14, 15));
        assertEquals(2, c.clashes(slot("x", 8, 12)).size());
    }

    @Test
    void emptyMeetingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> slot("nothing", 10, 10));
    }
}

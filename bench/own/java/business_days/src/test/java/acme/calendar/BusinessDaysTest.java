package acme.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BusinessDaysTest {

    private static final LocalDate MON = LocalDate.of(2024, 6, 3);
    private final BusinessDays days = new BusinessDays(Set.of(LocalDate.of(2024, 6, 6)));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertFalse(days.isWorkingDay(MON.plusDays(5)));
        assertFalse(days.isWorkingDay(LocalDate.of(2024, 6, 6)));
    }

    @Test
    void countsWorkingDaysAcrossAWeekend() {
        assertEquals(4, days.between(MON, MON.plusDays(7)));
    }

    @Test
    void sameDayIsZero() {
        assertEquals(0, days.between(MON, MON));
    }

    @Test
    void reversedRangeIsNegative() {
        assertEquals(-4, days.between(MON.plusDays(7), MON));
    }

    @Test
    void addingWorkingDaysSkipsTheHolidayAndWeekend() {
        assertEquals(LocalDate.of(2024, 6, 11), days.plus(MON, 5));
    }
}

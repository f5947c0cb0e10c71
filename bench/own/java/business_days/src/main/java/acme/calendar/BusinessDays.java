package acme.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Counts and adds working days (Monday to Friday, minus public holidays) for delivery and SLA dates. */
public class BusinessDays {

    private final Set<LocalDate> holidays;

    public BusinessDays(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** Working days after from up to and including to; negative when to is before from. */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The date n working days after start. */
    public LocalDate plus(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}

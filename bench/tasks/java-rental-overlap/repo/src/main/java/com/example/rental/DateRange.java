package com.example.rental;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A span of calendar days; both the first and the last day belong to it. */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a range cannot end (" + last + ") before it starts (" + first + ")");
        }
    }

    public static DateRange of(String first, String last) {
        return new DateRange(LocalDate.parse(first), LocalDate.parse(last));
    }

    /** Number of days in the range, the first and the last included. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** Whether the two ranges have at least one day in common. */
    public boolean overlaps(DateRange other) {
        return first.isBefore(other.last) && other.first.isBefore(last);
    }
}

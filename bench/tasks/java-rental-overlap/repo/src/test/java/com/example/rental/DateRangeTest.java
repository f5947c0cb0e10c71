package com.example.rental;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateRangeTest {

    @Test
    void countsBothEndDays() {
        assertEquals(3, DateRange.of("2024-06-03", "2024-06-05").days());
        assertEquals(1, DateRange.of("2024-06-03", "2024-06-03").days());
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> DateRange.of("2024-06-05", "2024-06-03"));
    }

    @Test
    void containsItsFirstAndLastDay() {
        DateRange r = DateRange.of("2024-06-03", "2024-06-05");
        assertTrue(r.contains(LocalDate.parse("2024-06-03")));
        assertTrue(r.contains(LocalDate.parse("2024-06-05")));
        assertFalse(r.contains(LocalDate.parse("2024-06-06")));
    }

    @Test
    void rangesThatShareDaysInTheMiddleOverlap() {
        DateRange a = DateRange.of("2024-06-03", "2024-06-10");
        DateRange b = DateRange.of("2024-06-05", "2024-06-12");
        assertTrue(a.overlaps(b));
        assertTrue(b.overlaps(a));
        assertTrue(a.overlaps(DateRange.of("2024-06-04", "2024-06-06")));
    }

    @Test
    void separateRangesDoNotOverlap() {
        DateRange june = DateRange.of("2024-06-03", "2024-06-05");
        assertFalse(june.overlaps(DateRange.of("2024-06-06", "2024-06-09")));
        assertFalse(DateRange.of("2024-05-20", "2024-06-02").overlaps(june));
    }
}

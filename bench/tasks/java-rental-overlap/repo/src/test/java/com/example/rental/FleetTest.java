package com.example.rental;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetTest {

    @Test
    void booksACarForFreeDays() {
        Fleet fleet = new Fleet();
        fleet.book("VW-12", "ann", DateRange.of("2024-06-03", "2024-06-05"));
        fleet.book("VW-12", "bob", DateRange.of("2024-06-06", "2024-06-08"));
        assertEquals(2, fleet.rentals("VW-12").size());
    }

    @Test
    void refusesABookingThatCollides() {
        Fleet fleet = new Fleet();
        fleet.book("VW-12", "ann", DateRange.of("2024-06-03", "2024-06-10"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fleet.book("VW-12", "bob", DateRange.of("2024-06-05", "2024-06-06")));
        assertTrue(e.getMessage().contains("ann"), e.getMessage());
    }

    @Test
    void otherCarsAreNotAffected() {
        Fleet fleet = new Fleet();
        fleet.book("VW-12", "ann", DateRange.of("2024-06-03", "2024-06-10"));
        assertTrue(fleet.isFree("FI-7", DateRange.of("2024-06-03", "2024-06-10")));
        assertFalse(fleet.isFree("VW-12", DateRange.of("2024-06-04", "2024-06-04")));
    }
}

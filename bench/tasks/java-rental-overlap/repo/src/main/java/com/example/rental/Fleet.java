package com.example.rental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rentals booked for each car; a car can be with one customer at a time. */
public final class Fleet {

    /** One booking of a car. */
    public record Rental(String car, String customer, DateRange days) {
    }

    private final Map<String, List<Rental>> byCar = new HashMap<>();

    /** Books the car for the days, or throws {@link IllegalStateException} naming the rental it collides with. */
    public Rental book(String car, String customer, DateRange days) {
        List<Rental> rentals = byCar.computeIfAbsent(car, c -> new ArrayList<>());
        for (Rental r : rentals) {
            if (r.days().overlaps(days)) {
                throw new IllegalStateException(car + " is rented to " + r.customer() + " from " + r.days().first()
                        + " to " + r.days().last());
            }
        }
        Rental rental = new Rental(car, customer, days);
        rentals.add(rental);
        return rental;
    }

    /** Whether the car is free on every day of the range. */
    public boolean isFree(String car, DateRange days) {
        return byCar.getOrDefault(car, List.of()).stream().noneMatch(r -> r.days().overlaps(days));
    }

    public List<Rental> rentals(String car) {
        return List.copyOf(byCar.getOrDefault(car, List.of()));
    }
}

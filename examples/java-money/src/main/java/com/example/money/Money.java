package com.example.money;

/** An amount of money in cents; never negative. */
public final class Money {

    private final long cents;

    public Money(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("negative amount: " + cents);
        }
        this.cents = cents;
    }

    public long cents() {
        return cents;
    }

    public Money plus(Money other) {
        return new Money(cents + other.cents);
    }
}

package com.example.money;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Written before the code: splitting a bill so that the parts add up to the whole, larger parts first. */
class SplitTest {

    @Test
    void splitsEvenly() {
        assertEquals(List.of(new Money(50).cents(), 50L), new Money(100).split(2).stream().map(Money::cents).toList());
    }

    @Test
    void givesTheRemainderToTheFirstParts() {
        assertEquals(List.of(34L, 33L, 33L), new Money(100).split(3).stream().map(Money::cents).toList());
    }
}

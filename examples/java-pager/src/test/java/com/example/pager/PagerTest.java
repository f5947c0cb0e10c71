package com.example.pager;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagerTest {

    private final Pager pager = new Pager(10);

    @Test
    void countsPartialLastPage() {
        assertEquals(3, pager.pageCount(25));
        assertEquals(2, pager.pageCount(20));
        assertEquals(1, pager.pageCount(0));
    }

    @Test
    void slicesPages() {
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertEquals(List.of(11, 12), pager.page(items, 1));
        assertEquals(List.of(), pager.page(items, 2));
    }

    @Test
    void offersNextPageUntilTheLastOne() {
        assertTrue(pager.hasNext(0, 25));
        assertTrue(pager.hasNext(1, 25));
        assertFalse(pager.hasNext(2, 25), "page 2 is the last of 25 items");
    }

    @Test
    void singlePageHasNoNext() {
        assertFalse(pager.hasNext(0, 10));
        assertFalse(pager.hasNext(0, 0));
    }

    @Test
    void previousOnlyAfterFirstPage() {
        assertFalse(pager.hasPrevious(0));
        assertTrue(pager.hasPrevious(1));
    }

    @Test
    void rejectsNonPositivePageSize() {
        assertThrows(IllegalArgumentException.class, () -> new Pager(0));
    }
}

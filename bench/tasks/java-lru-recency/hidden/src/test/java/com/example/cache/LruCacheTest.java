package com.example.cache;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LruCacheTest {

    @Test
    void dropsTheOldestEntryWhenFull() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        assertNull(cache.get("a"));
        assertEquals(2, cache.get("b"));
        assertEquals(3, cache.get("c"));
        assertEquals(2, cache.size());
    }

    @Test
    void putReplacesTheValueOfACachedKey() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("a", 10);
        assertEquals(10, cache.get("a"));
        assertEquals(1, cache.size());
    }

    @Test
    void countsHitsAndMisses() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        cache.put("a", 1);
        cache.get("a");
        cache.get("zz");
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void computeIfAbsentLoadsOnce() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        int[] loads = {0};
        cache.computeIfAbsent("k", k -> ++loads[0]);
        cache.computeIfAbsent("k", k -> ++loads[0]);
        assertEquals(1, loads[0]);
    }

    @Test
    void keysAreListedInInsertionOrderWithoutReads() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        cache.put("x", 1);
        cache.put("y", 2);
        assertEquals(List.of("x", "y"), cache.keys());
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new LruCache<String, Integer>(0));
    }

    @Test
    void aReadEntryIsNotTheNextToBeDropped() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(1, cache.get("a"));
        cache.put("c", 3);
        assertNull(cache.get("b"));
        assertEquals(1, cache.get("a"));
        assertEquals(3, cache.get("c"));
    }

    @Test
    void updatingAnEntryCountsAsUsingIt() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("a", 11);
        cache.put("c", 3);
        assertEquals(11, cache.get("a"));
        assertNull(cache.get("b"));
    }

    @Test
    void keysFollowTheOrderOfUse() {
        LruCache<String, Integer> cache = new LruCache<>(3);
        cache.put("x", 1);
        cache.put("y", 2);
        cache.put("z", 3);
        cache.get("x");
        cache.computeIfAbsent("y", k -> 0);
        assertEquals(List.of("z", "x", "y"), cache.keys());
    }
}

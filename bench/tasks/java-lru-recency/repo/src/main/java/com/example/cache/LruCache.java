package com.example.cache;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A bounded cache that, when full, drops the entry used least recently to make room.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> values = new HashMap<>();
    /** Keys from least to most recently used. */
    private final Deque<K> order = new ArrayDeque<>();
    private long hits;
    private long misses;

    public LruCache(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The cached value, or null when the key is not cached. */
    public V get(K key) {
        V value = values.get(key);
        if (value == null) {
            misses++;
            return null;
        }
        hits++;
        return value;
    }

    /** Caches the value, dropping the least recently used entry when the cache is full. */
    public void put(K key, V value) {
        Objects.requireNonNull(value, "value");
        if (values.containsKey(key)) {
            values.put(key, value);
            return;
        }
        if (values.size() == capacity) {
            K eldest = order.removeFirst();
            values.remove(eldest);
        }
        values.put(key, value);
        order.addLast(key);
    }

    /** The cached value, or the loader's value (cached on the way) when the key is not cached. */
    public V computeIfAbsent(K key, Function<K, V> loader) {
        V value = get(key);
        if (value == null) {
            value = loader.apply(key);
            put(key, value);
        }
        return value;
    }

    public int size() {
        return values.size();
    }

    /** Keys from least to most recently used. */
    public List<K> keys() {
        return List.copyOf(order);
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }
}

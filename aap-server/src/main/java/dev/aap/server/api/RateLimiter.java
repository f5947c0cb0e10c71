package dev.aap.server.api;

import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API token: a burst of a minute's allowance, refilled evenly. */
final class RateLimiter {

    private final double perSecond;
    private final double capacity;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;
    }

    RateLimiter(int perMinute) {
        this.perSecond = perMinute / 60.0;
        this.capacity = Math.max(1, perMinute);
    }

    /** 0 when the request may go; otherwise the seconds until it may. */
    long acquire(String key) {
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket n = new Bucket();
            n.tokens = capacity;
            n.last = System.nanoTime();
            return n;
        });
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(capacity, b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) / perSecond);
        }
    }
}

package acme.ratelimit;

/** A token-bucket rate limiter: requests spend tokens, which refill at a steady rate up to the capacity. */
public class TokenBucket {

    private final double capacity;
    private final double refillPerSecond;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double capacity, double refillPerSecond, long nowNanos) {
        if (capacity <= 0 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("capacity and refill rate must be positive");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    private void refill(long nowNanos) {
        double elapsed = (nowNanos - lastNanos) / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerSecond);
            lastNanos = nowNanos;
        }
    }

    /** Takes cost tokens if there are enough; returns whether the request may proceed. */
    public boolean tryAcquire(double cost, long nowNanos) {
        refill(nowNanos);
        if (tokens < cost) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    /** Nanoseconds until cost tokens will be there (0 when they are now). */
    public long waitNanos(double cost, long nowNanos) {
        refill(nowNanos);
        if (tokens >= cost) {
            return 0;
        }
        return (long) Math.ceil((cost - tokens) / refillPerSecond * 1e9);
    }

    public double tokens(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }
}

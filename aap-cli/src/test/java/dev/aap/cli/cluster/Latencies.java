package dev.aap.cli.cluster;

import java.util.Arrays;

/** Request latencies in microseconds and their percentiles. */
final class Latencies {

    private long[] micros = new long[1024];
    private int n;

    synchronized void add(long nanos) {
        if (n == micros.length) {
            micros = Arrays.copyOf(micros, n * 2);
        }
        micros[n++] = nanos / 1000;
    }

    synchronized int count() {
        return n;
    }

    /** The latency at or under which {@code p} percent of the requests were, in milliseconds. */
    synchronized double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(micros, n);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, i))] / 1000.0;
    }

    String summary() {
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", count(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}

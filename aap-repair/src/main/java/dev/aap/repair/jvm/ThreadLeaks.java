package dev.aap.repair.jvm;

import java.util.Arrays;
import java.util.Set;

/**
 * Notices threads a candidate's tests left running (a spinning test on JUnit's timeout thread). A thread still
 * runnable after a short grace is a runaway that would steal CPU from every later candidate; a parked or sleeping one
 * only holds memory, so those are tolerated until there are too many.
 */
final class ThreadLeaks {

    private static final long GRACE_MILLIS = 200;
    private static final long POLL_MILLIS = 5;
    private static final int MAX_THREADS = 256;

    private final Set<Thread> before;

    private ThreadLeaks(Set<Thread> before) {
        this.before = before;
    }

    static ThreadLeaks snapshot() {
        return new ThreadLeaks(Set.of(liveThreads()));
    }

    /** Whether the worker should be replaced: a new thread is still running, or idle ones have piled up. */
    boolean leaked() {
        Thread[] live = liveThreads();
        if (live.length > MAX_THREADS) {
            return true;
        }
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        for (Thread t : live) {
            if (before.contains(t)) {
                continue;
            }
            while (isRunning(t) && System.nanoTime() < deadline) {
                try {
                    t.join(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            if (isRunning(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRunning(Thread t) {
        return t.isAlive() && t.getState() == Thread.State.RUNNABLE;
    }

    /** Live platform threads, without the cost of capturing every stack as {@link Thread#getAllStackTraces()} does. */
    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return Arrays.copyOf(threads, n);
    }
}

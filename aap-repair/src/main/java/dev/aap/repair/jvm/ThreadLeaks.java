package dev.aap.repair.jvm;

import java.util.Set;

/** Notices threads a candidate's tests started and left running (a spinning test on JUnit's timeout thread). */
final class ThreadLeaks {

    private static final long GRACE_MILLIS = 200;

    private final Set<Thread> before;

    private ThreadLeaks(Set<Thread> before) {
        this.before = before;
    }

    static ThreadLeaks snapshot() {
        return new ThreadLeaks(Set.of(liveThreads()));
    }

    /** Whether a thread started since the snapshot is still alive after a short grace period to finish. */
    boolean leaked() {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        for (Thread t : liveThreads()) {
            if (before.contains(t) || isIdlePoolThread(t)) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            try {
                if (left > 0) {
                    t.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
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
        return java.util.Arrays.copyOf(threads, n);
    }

    /** The common pool keeps idle workers for a minute; they hold no candidate code on their stacks. */
    private static boolean isIdlePoolThread(Thread t) {
        if (!t.getName().startsWith("ForkJoinPool.commonPool-worker-")) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (!frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")) {
                return false;
            }
        }
        return true;
    }
}

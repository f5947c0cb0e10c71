package dev.aap.server.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes this process's event streams when the database says something changed: a run got events, or a run's
 * status moved. Streams then read what is new from the database, which stays the one source of order.
 */
public final class EventHub {

    private final ConcurrentHashMap<String, Signal> runs = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<String>> runChangeListeners = new CopyOnWriteArrayList<>();

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long version;
    }

    /** The current version of a run's event signal; pass it to {@link #await}. */
    public long version(String runId) {
        Signal s = runs.computeIfAbsent(runId, k -> new Signal());
        s.lock.lock();
        try {
            return s.version;
        } finally {
            s.lock.unlock();
        }
    }

    /** Waits until the run gets events after {@code seen} was read, or the time is up. */
    public void await(String runId, long seen, long millis) throws InterruptedException {
        Signal s = runs.computeIfAbsent(runId, k -> new Signal());
        s.lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (s.version == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                s.changed.awaitNanos(left);
            }
        } finally {
            s.lock.unlock();
        }
    }

    /** A run got events (or changed status). */
    public void signal(String runId) {
        Signal s = runs.get(runId);
        if (s != null) {
            s.lock.lock();
            try {
                s.version++;
                s.changed.signalAll();
            } finally {
                s.lock.unlock();
            }
        }
    }


    public void onRunChange(Consumer<String> listener) {
        runChangeListeners.add(listener);
    }

    public void removeRunChange(Consumer<String> listener) {
        runChangeListeners.remove(listener);
    }

    /** A run's status changed: tell the list streams, and wake the run's own streams so they notice its end. */
    public void runChanged(String runId) {
        signal(runId);
        for (Consumer<String> l : runChangeListeners) {
            l.accept(runId);
        }
    }
}

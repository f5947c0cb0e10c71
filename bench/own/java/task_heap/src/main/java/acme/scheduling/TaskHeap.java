package acme.scheduling;

import java.util.ArrayList;
import java.util.List;

/** A binary min-heap of scheduled tasks ordered by due time, then by insertion order. */
public class TaskHeap {

    /** A task due at a time in milliseconds; seq breaks ties in insertion order. */
    public record Task(String name, long dueMillis, long seq) {
        boolean before(Task other) {
            return dueMillis != other.dueMillis ? dueMillis < other.dueMillis : seq < other.seq;
        }
    }

    private final List<Task> heap = new ArrayList<>();
    private long nextSeq;

    public void schedule(String name, long dueMillis) {
        heap.add(new Task(name, dueMillis, nextSeq++));
        int i = heap.size() - 1;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!heap.get(i).before(heap.get(parent))) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    /** Removes and returns the task due first, or null when there is none. */
    public Task poll() {
        if (heap.isEmpty()) {
            return null;
        }
        Task top = heap.get(0);
        Task last = heap.remove(heap.size() - 1);
        if (!heap.isEmpty()) {
            heap.set(0, last);
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                int right = left;
                int min = i;
                if (left < heap.size() && heap.get(left).before(heap.get(min))) {
                    min = left;
                }
                if (right < heap.size() && heap.get(right).before(heap.get(min))) {
                    min = right;
                }
                if (min == i) {
                    break;
                }
                swap(i, min);
                i = min;
            }
        }
        return top;
    }

    /** Removes and returns every task due at or before now, earliest first. */
    public List<String> due(long nowMillis) {
        List<String> out = new ArrayList<>();
        while (!heap.isEmpty() && heap.get(0).dueMillis() <= nowMillis) {
            out.add(poll().name());
        }
        return out;
    }

    public int size() {
        return heap.size();
    }

    private void swap(int a, int b) {
        Task t = heap.get(a);
        heap.set(a, heap.get(b));
        heap.set(b, t);
    }
}

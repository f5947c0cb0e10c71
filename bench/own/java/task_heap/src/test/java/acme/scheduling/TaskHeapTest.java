package acme.scheduling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TaskHeapTest {

    @Test
    void tasksComeOutInDueOrder() {
        TaskHeap h = new TaskHeap();
        long[] due = {50, 10, 40, 30, 20, 60, 5};
        for (long d : due) {
            h.schedule("t" + d, d);
        }
        List<String> order = new ArrayList<>();
        for (TaskHeap.Task t = h.poll(); t != null; t = h.poll()) {
            order.add(t.name());
        }
        assertEquals(List.of("t5", "t10", "t20", "t30", "t40", "t50", "t60"), order);
    }

    @Test
    void equalDueTimesKeepInsertionOrder() {
        TaskHeap h = new TaskHeap();
        h.schedule("first", 100);
        h.schedule("second", 100);
        h.schedule("third", 100);
        assertEquals(List.of("first", "second", "third"), h.due(100));
    }

    @Test
    void dueTakesOnlyWhatIsDue() {
        TaskHeap h = new TaskHeap();
        h.schedule("later", 500);
        h.schedule("soon", 100);
        h.schedule("now", 0);
        assertEquals(List.of("now", "soon"), h.due(200));
        assertEquals(1, h.size());
    }

    @Test
    void aLateEarlyTaskJumpsAheadOfADeepHeap() {
        TaskHeap h = new TaskHeap();
        for (int i = 10; i >= 1; i--) {
            h.schedule("t" + i, i * 10L);
        }
        h.schedule("urgent", 1);
        assertEquals("urgent", h.poll().name());
        assertEquals("t1", h.poll().name());
    }

    @Test
    void emptyHeapPollsNull() {
        assertNull(new TaskHeap().poll());
    }
}

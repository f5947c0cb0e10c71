package acme.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JobQueueTest {

    @Test
    void jobsRunInSubmissionOrder() {
        JobQueue q = new JobQueue();
        q.submit("a");
        q.submit("b");
        q.submit("c");
        List<String> ran = new ArrayList<>();
        assertEquals(List.of(), q.drain(j -> ran.add(j.name())));
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(0, q.size());
    }

    @Test
    void aFailedJobIsRetriedAfterTheOthers() {
        JobQueue q = new JobQueue();
        q.submit("flaky");
        q.submit("ok");
        List<String> ran = new ArrayList<>();
        boolean[] failedOnce = {false};
        q.drain(j -> {
            ran.add(j.name());
            if (j.name().equals("flaky") && !failedOnce[0]) {
                failedOnce[0] = true;
                return false;
            }
            return true;
        });
        assertEquals(List.of("flaky", "ok", "flaky"), ran);
    }

    @Test
    void aJobFailingTwiceIsReported() {
        JobQueue q = new JobQueue();
        q.submit("broken");
        q.submit("fine");
        assertEquals(List.of("broken"), q.drain(j -> !j.name().equals("broken")));
    }

    @Test
    void drainingAnEmptyQueueDoesNothing() {
        assertEquals(List.of(), new JobQueue().drain(j -> true));
    }

    @Test
    void aBatchLeavesTheRestQueued() {
        JobQueue q = new JobQueue();
        for (String n : List.of("a", "b", "c", "d")) {
            q.submit(n);
        }
        List<String> ran = new ArrayList<>();
        q.drain(j -> ran.add(j.name()), 3);
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(1, q.size());
    }
}

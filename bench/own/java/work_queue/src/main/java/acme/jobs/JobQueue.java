package acme.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/** A FIFO queue of background jobs that is drained in batches; failed jobs are retried once. */
public class JobQueue {

    /** A unit of work; attempts counts how often it ran. */
    public static final class Job {
        final String name;
        int attempts;

        public Job(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private final Deque<Job> pending = new ArrayDeque<>();

    public void submit(String name) {
        pending.addLast(new Job(name));
    }

    public List<String> drain(Predicate<Job> runner) {
        return drain(runner, Integer.MAX_VALUE);
    }

    /**
     * Runs at most maxRuns jobs, stopping early when the queue is empty; a job whose runner returns false goes to
     * the back of the queue for a second try, and is reported as failed when that fails too. Returns the names of
     * the failed jobs.
     */
    public List<String> drain(Predicate<Job> runner, int maxRuns) {
        List<String> failed = new ArrayList<>();
        int runs = 0;
        while (true) {
            if (runs == maxRuns) {
                break;
            }
            runs++;
            Job job = pending.removeFirst();
            job.attempts++;
            if (runner.test(job)) {
                continue;
            }
            if (job.attempts < 2) {
                pending.addLast(job);
            } else {
                failed.add(job.name);
            }
        }
        return failed;
    }

    public int size() {
        return pending.size();
    }
}
